import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { articleProposeInputSchema } from '../../../shared/contract/article';
import { CatalystError } from '../../../shared/contract/errors';
import { proposeStudy } from '../../../shared/domain/article/propose';
import { MAX_ARTICLE_CHARS } from '../../../shared/domain/article/read-text';
import type { ArticleProposal, KnownInstrument, LibraryEvent } from '../../../shared/domain/article/types';
import type { z } from 'zod';

export interface ArticleServiceDeps {
  /** The cached instruments (their names join the shipped name table). */
  instruments(): readonly KnownInstrument[];
  /** Every event of the user's library (all studies), for undated mentions. */
  libraryEvents(): readonly LibraryEvent[];
}

/** An article file as read from disk. */
export interface ArticleFile {
  readonly content: string;
  readonly fileName: string;
}

/** Largest article file accepted, in bytes (a saved web page with its markup). */
export const MAX_ARTICLE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Proposes studies from articles: the pure reader of src/shared/domain/article, fed with the
 * user's cached instrument names and library events. Saves nothing (saving goes through the
 * study import path).
 */
export class ArticleService {
  private readonly deps: ArticleServiceDeps;
  constructor(deps: ArticleServiceDeps) {
    this.deps = deps;
  }

  /** The proposal for an article's text. Invalid input is a CatalystError `invalid-input`. */
  propose(input: z.output<typeof articleProposeInputSchema>): ArticleProposal {
    try {
      return proposeStudy({
        content: input.content,
        fileName: input.fileName,
        format: input.format,
        date: input.date ?? null,
        cached: this.deps.instruments(),
        library: this.deps.libraryEvents(),
      });
    } catch (error) {
      if (error instanceof RangeError) throw new CatalystError('invalid-input', error.message);
      throw error;
    }
  }

  /** Reads an article file (txt, md, html), refusing what is too large before reading it. */
  static async readFile(path: string): Promise<ArticleFile> {
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new CatalystError('invalid-input', `${path} is not a file`);
      size = s.size;
    } catch (error) {
      if (error instanceof CatalystError) throw error;
      throw new CatalystError('not-found', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    if (size > MAX_ARTICLE_FILE_BYTES)
      throw new CatalystError(
        'invalid-input',
        `${basename(path)} is ${size} bytes; an article file is at most ${MAX_ARTICLE_FILE_BYTES} bytes`,
      );
    const buf = await readFile(path);
    // UTF-16 files (saved from some Windows editors) carry a byte-order mark.
    const content =
      buf[0] === 0xff && buf[1] === 0xfe
        ? buf.toString('utf16le')
        : new TextDecoder('utf-8', { fatal: false }).decode(buf);
    if (content.length > MAX_ARTICLE_CHARS)
      throw new CatalystError('invalid-input', `${basename(path)} is longer than ${MAX_ARTICLE_CHARS} characters`);
    return { content, fileName: basename(path) };
  }
}
