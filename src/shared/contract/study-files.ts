import { z } from 'zod';
import { studyFileSchema, studySourceSchema, type StudySummary } from '../domain/study';
import { slugSchema } from '../domain/study-event';
import { itemChoices, studyImportModes, type StudyImportPlan } from '../domain/study-transfer/import-plan';
import { channel, returns } from './define';

/** The largest study file read (the shipped study is about 60 kB). */
export const MAX_STUDY_FILE_CHARS = 5 * 1024 * 1024;

/** What an import would do: the plan without the rows it writes. */
export type StudyImportPreview = Omit<StudyImportPlan, 'write'>;

/** What an import did: the preview plus the study as now stored (null when nothing was written and it does not exist). */
export interface StudyImportResult extends StudyImportPreview {
  readonly study: StudySummary | null;
}

/** A study file ready to save. */
export interface StudyFileOut {
  readonly studyId: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

/** The file's text and how to treat conflicts. */
export const studyImportSchema = z
  .object({
    /** The whole file (UTF-8 text; a BOM is accepted). */
    text: z.string().min(1).max(MAX_STUDY_FILE_CHARS),
    /** Shown in messages only. */
    fileName: z.string().max(260).optional(),
    /** When the study id is stored with other content: `copy` (default) or `merge`. */
    mode: z.enum(studyImportModes).optional(),
    /** Per conflicting item in merge mode (`event:ID`, `claim:ID`): keep yours (default) or add theirs as a copy. */
    choices: z
      .record(z.string().max(120), z.enum(itemChoices))
      .refine((r) => Object.keys(r).length <= 10_000, { message: 'too many choices' })
      .optional(),
  })
  .strict();

/** A study started from scratch: a name, its source, its universe; events and claims come later. */
export const studyCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** Default: a slug of the title, made unique. */
    id: slugSchema.optional(),
    description: z.string().trim().max(4000).optional(),
    source: studySourceSchema,
    universe: studyFileSchema.shape.universe,
  })
  .strict();
export type StudyCreateInput = z.output<typeof studyCreateSchema>;

/** Channels of study files: export, preview and import, and a new study from scratch. */
export const studyFileChannels = {
  'studies.export': channel({
    doc: 'A stored study as a .catalyst.json study file (source, universe with roles, events including your own, claims with their parameters).',
    input: z.object({ id: slugSchema }).strict(),
    output: returns<StudyFileOut>(),
  }),
  'studies.previewImport': channel({
    doc: 'What importing a study file would add, what already exists and what conflicts; writes nothing.',
    input: studyImportSchema,
    output: returns<StudyImportPreview>(),
  }),
  'studies.import': channel({
    doc: 'Imports a study file in one transaction, never overwriting your data (a conflicting study becomes a copy, or merge per item).',
    input: studyImportSchema,
    output: returns<StudyImportResult>(),
  }),
  'studies.create': channel({
    doc: 'Creates an empty study of your own from a title, a source and a universe of symbols with roles.',
    input: studyCreateSchema,
    output: returns<StudySummary>(),
  }),
} as const;
