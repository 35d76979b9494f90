import { z } from 'zod';
import { isoDateSchema, tickerSchema } from '../brand';
import { slugSchema } from '../domain/study-event';
import { channel, returns } from './define';

/** The tables `export.csv` writes. */
export const csvTables = ['bars', 'events', 'claims'] as const;
export type CsvTableName = (typeof csvTables)[number];

/** A text file ready to save (the renderer downloads it, the CLI writes it). */
export interface ExportedFile {
  /** A suggested file name, safe on every file system. */
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
  /** Data rows written (the header not counted). */
  readonly rows: number;
}

/** What `export.csv` accepts: the table and what narrows it. */
export const csvExportSchema = z.discriminatedUnion('table', [
  z
    .object({
      table: z.literal('bars'),
      symbol: tickerSchema,
      /** Inclusive range; both omitted: every cached bar. */
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
      /** Start with a UTF-8 BOM so Excel reads the file as UTF-8. */
      bom: z.boolean().optional(),
    })
    .strict(),
  z.object({ table: z.literal('events'), studyId: slugSchema.optional(), bom: z.boolean().optional() }).strict(),
  z.object({ table: z.literal('claims'), studyId: slugSchema.optional(), bom: z.boolean().optional() }).strict(),
]);
export type CsvExportInput = z.output<typeof csvExportSchema>;

/** Channels that turn what the app shows into files. */
export const exportChannels = {
  'export.csv': channel({
    doc: 'A table as RFC 4180 CSV (bars of a range or all, events, evaluated claims): ISO dates, full-precision numbers, formula-safe text.',
    input: csvExportSchema,
    output: returns<ExportedFile>(),
  }),
} as const;

export const exportEvents = {} as const;
