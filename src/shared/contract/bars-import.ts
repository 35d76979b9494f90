import { z } from 'zod';
import { tickerSchema } from '../brand';
import {
  BAR_FIELDS,
  DATE_ORDERS,
  MAX_BARS_CSV_BYTES,
  type BarField,
  type BarsImportPreview,
  type ImportBarsResult,
} from '../domain/bars-import';
import { channel, returns } from './define';

/** Base64 of at most MAX_BARS_CSV_BYTES bytes. */
const MAX_BASE64 = Math.ceil(MAX_BARS_CSV_BYTES / 3) * 4;

const fileSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    bytesBase64: z
      .string()
      .max(MAX_BASE64, { message: `the file is larger than ${MAX_BARS_CSV_BYTES / 1024 / 1024} MiB` })
      .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { message: 'is not base64' }),
  })
  .strict();

/** Header name (or null: not used) per field, replacing the detected column for that field. */
const mappingSchema = z
  .object(
    Object.fromEntries(BAR_FIELDS.map((f) => [f, z.string().max(200).nullable().optional()])) as Record<
      BarField,
      z.ZodOptional<z.ZodNullable<z.ZodString>>
    >,
  )
  .strict();

const previewInput = z
  .object({
    symbol: tickerSchema,
    file: fileSchema,
    dateOrder: z.enum(DATE_ORDERS).optional(),
    mapping: mappingSchema.optional(),
  })
  .strict();

/** Channels of the daily-bars CSV import (a dropped or opened file): preview, then import. */
export const barsImportChannels = {
  'barsImport.preview': channel({
    doc: 'Reads a daily-bars CSV for a symbol: detected format and column mapping, date range, rows to add, rows that differ from the cache, skipped rows and every problem. Writes nothing.',
    input: previewInput,
    output: returns<BarsImportPreview>(),
  }),
  'barsImport.import': channel({
    doc: 'Imports a daily-bars CSV for a symbol in one transaction: new dates always, cached dates with other values kept (default) or replaced. Invalid-input naming every problem when the file has any; nothing is written then.',
    input: previewInput.extend({ differing: z.enum(['keep', 'replace']).default('keep') }).strict(),
    output: returns<ImportBarsResult>(),
  }),
} as const;
