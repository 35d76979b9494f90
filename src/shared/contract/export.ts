import { z } from 'zod';
import { isoDateSchema, tickerSchema } from '../brand';
import { currencySchema } from '../domain/compare-currency';
import { slugSchema } from '../domain/study-event';
import { channel, returns } from './define';
import { sessionWindowSchema } from './research';

/** The tables `export.csv` writes. */
export const csvTables = ['bars', 'events', 'claims', 'event-study', 'compare'] as const;
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
  z
    .object({
      table: z.literal('event-study'),
      /** A whole study (default: the embedded one) ... */
      studyId: slugSchema.optional(),
      /** ... or one event (the study's subjects around it). */
      eventId: z.string().min(1).max(200).optional(),
      /** Session windows `[a, b]` (default [-5,-1], [0,+1], [0,+5], [0,+20]). */
      windows: z.array(sessionWindowSchema).min(1).max(12).optional(),
      benchmark: tickerSchema.optional(),
      bom: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      table: z.literal('compare'),
      symbols: z.array(tickerSchema).min(1).max(20),
      /** Each series is 100 at this event's T0 on its own calendar, or at this date. */
      anchor: z.union([
        z.object({ eventId: z.string().min(1).max(200) }).strict(),
        z.object({ date: isoDateSchema }).strict(),
      ]),
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
      /** Every series in this currency (the cached `CCY=X` rates, as `compare.series`); absent: each in its own. */
      currency: currencySchema.optional(),
      bom: z.boolean().optional(),
    })
    .strict(),
]);
export type CsvExportInput = z.output<typeof csvExportSchema>;

/** The largest report page `export.pdf` prints (chart images are inline PNGs). */
export const MAX_REPORT_HTML_CHARS = 40 * 1024 * 1024;

/** A page size a report is printed on. */
export const pageSizes = ['A4', 'Letter'] as const;
export type PageSize = (typeof pageSizes)[number];

/** The largest chart picture `export.copyImage` accepts, as base64 (a 2x picture of a 4K screen is a few MiB). */
export const MAX_COPY_IMAGE_BASE64 = 48 * 1024 * 1024;

/** A printed PDF. */
export interface PrintedPdf {
  readonly bytesBase64: string;
  readonly bytes: number;
}

/** Channels that turn what the app shows into files. */
export const exportChannels = {
  'export.csv': channel({
    doc: 'A table as RFC 4180 CSV (bars of a range or all, events, evaluated claims, an event study, a rebased comparison): ISO dates, full-precision numbers, formula-safe text.',
    input: csvExportSchema,
    output: returns<ExportedFile>(),
  }),
  'export.pdf': channel({
    doc: "Prints a report page made by the renderer to PDF with Chromium's print engine (printToPDF in the app): the page's CSS sets size and page numbers.",
    input: z.object({ html: z.string().min(1).max(MAX_REPORT_HTML_CHARS), pageSize: z.enum(pageSizes) }).strict(),
    output: returns<PrintedPdf>(),
  }),
  'export.copyImage': channel({
    doc: "Puts a PNG (the annotated chart's picture) on the system clipboard through Electron's clipboard; `unavailable` where main has no clipboard (web, CLI): the page uses its own.",
    input: z.object({ pngBase64: z.string().min(12).max(MAX_COPY_IMAGE_BASE64) }).strict(),
    output: returns<{ readonly bytes: number }>(),
  }),
} as const;

export const exportEvents = {} as const;
