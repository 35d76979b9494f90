import { z } from 'zod';
import { isoDateSchema } from '../brand';
import { MAX_ARTICLE_CHARS } from '../domain/article/read-text';
import { articleFormats, type ArticleProposal } from '../domain/article/types';
import { channel, pushEvent, returns } from './define';

/** What `article.propose` reads: the article's text as pasted or read from a dropped file. */
export const articleProposeInputSchema = z
  .object({
    content: z
      .string()
      .min(1, { message: 'the article is empty' })
      .max(MAX_ARTICLE_CHARS, { message: `an article is at most ${MAX_ARTICLE_CHARS} characters` }),
    /** The file's name (for its format), or null for pasted text. */
    fileName: z.string().trim().min(1).max(500).nullable(),
    format: z.enum(articleFormats).optional(),
    /** The publication date the user confirms; wins over the file's. */
    date: isoDateSchema.optional(),
  })
  .strict();

/** Channels of "new study from article" (issue 15). */
export const articleChannels = {
  'article.propose': channel({
    doc: "Reads an article's text (txt, md, html) and proposes a study: source, universe with the words each ticker came from, dated events with precision and evidence, claims with metrics or why they are not checkable. Saves nothing.",
    input: articleProposeInputSchema,
    output: returns<ArticleProposal>(),
  }),
} as const;

/**
 * File ▸ New Study from Article…: the file the user chose (its text, or why it could not be
 * read); the window's article dialog opens with it.
 */
export type ArticleOpenEvent =
  | { readonly source: 'menu' | 'drop'; readonly fileName: string; readonly content: string }
  | { readonly source: 'menu' | 'drop'; readonly fileName: string; readonly error: string };

/** Push events of "new study from article". */
export const articleEvents = {
  'article.openDialog': pushEvent({
    doc: 'File ▸ New Study from Article…: opens the article dialog with the file the user chose in the native dialog.',
    payload: returns<ArticleOpenEvent>(),
  }),
} as const;
