import { z } from 'zod';
import type { IsoDate, Ticker } from '../brand';
import {
  MAX_NOTE_LENGTH,
  MAX_SECTION_LABEL_LENGTH,
  MAX_WATCHLIST_ENTRIES,
  MAX_WATCHLIST_FILE_BYTES,
  MAX_WATCHLIST_NAME_LENGTH,
  watchlistExportFormats,
  type WatchlistExportFormat,
  type WatchlistFormat,
} from '../domain/watchlist/model';
import type { TextEncodingName } from '../domain/watchlist/decode';
import type { WatchlistExportFile } from '../domain/watchlist/export';
import type { ParsedLine } from '../domain/watchlist/parsed-line';
import { channel, pushEvent, returns } from './define';
import { pageDoc, pageFields } from './page';

/** The most lists one `watchlists.list` call returns. */
export const MAX_WATCHLISTS_PAGE = 1000;

/** A list as the sidebar shows it. Times are ISO instants (UTC). */
export interface WatchlistSummary {
  readonly id: number;
  readonly name: string;
  /** Symbols in the list (section markers not counted). */
  readonly itemCount: number;
  readonly sectionCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One entry of a list with what the cache knows of its symbol. */
export interface WatchlistRow {
  /** Stable id of the entry (for reorder, notes, removal). */
  readonly id: number;
  readonly kind: 'item' | 'section';
  readonly symbol: Ticker | null;
  /** A section's own label. */
  readonly label: string | null;
  /** The section an item is in (null: none); for a section its label. */
  readonly section: string | null;
  readonly note: string | null;
  /** Remembered TradingView exchange prefix. */
  readonly exchange: string | null;
  /** True when the cache has at least one bar of the symbol. */
  readonly cached: boolean;
  readonly lastDate: IsoDate | null;
  /** Last valid close (placeholders skipped), in the instrument's currency. */
  readonly lastClose: number | null;
  /** Change of the last valid close from the one before, as a fraction (0.01 = +1%). */
  readonly lastChange: number | null;
}

export interface WatchlistDetail extends WatchlistSummary {
  readonly entries: readonly WatchlistRow[];
}

/** A previewed line: the parse outcome plus whether its symbol is already cached. */
export interface PreviewLine extends ParsedLine {
  readonly cached: boolean;
}

/** What an import would do, computed without writing anything. */
export interface ImportPreview {
  readonly fileName: string;
  readonly format: WatchlistFormat;
  readonly encoding: TextEncodingName | null;
  /** Proposed list name (file name, or the name inside a Catalyst JSON file). */
  readonly defaultName: string;
  /** The merge target the duplicates were checked against, if any. */
  readonly target: { readonly id: number; readonly name: string } | null;
  readonly lines: readonly PreviewLine[];
  /** Rows left out on purpose, with why (a Yahoo portfolio's cash rows). */
  readonly notices: readonly string[];
  /** CSV columns with values a watchlist does not keep (Quantity, Purchase Price, …). */
  readonly ignoredColumns: readonly string[];
  readonly counts: {
    readonly ok: number;
    readonly duplicate: number;
    readonly error: number;
    readonly sections: number;
  };
}

export interface ImportResult extends ImportPreview {
  /** The list written to (null when nothing was valid, so nothing was written). */
  readonly watchlist: WatchlistSummary | null;
  readonly mode: 'new' | 'merge';
  /** Symbols added to the list. */
  readonly imported: number;
  /** Added symbols with no cached bars: candidates for a price update (`sync.start`). */
  readonly uncached: readonly Ticker[];
}

export type WatchlistExportResult = WatchlistExportFile;

/** Base64 of at most MAX_WATCHLIST_FILE_BYTES bytes (the service refuses bigger files with a reason). */
const MAX_BASE64 = Math.ceil(MAX_WATCHLIST_FILE_BYTES / 3) * 4;

/**
 * A file to import: its name (for the format and the default list name) and either its bytes
 * as base64 (what the renderer sends: encodings are detected from the bytes) or text.
 */
export const watchlistFileSchema = z.union([
  z
    .object({
      fileName: z.string().min(1).max(255),
      bytesBase64: z
        .string()
        .max(MAX_BASE64, { message: `the file is larger than ${MAX_WATCHLIST_FILE_BYTES / 1024 / 1024} MiB` })
        .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { message: 'is not base64' }),
    })
    .strict(),
  z
    .object({
      fileName: z.string().min(1).max(255),
      text: z
        .string()
        .max(MAX_WATCHLIST_FILE_BYTES, { message: `the text is longer than ${MAX_WATCHLIST_FILE_BYTES} characters` }),
    })
    .strict(),
]);
export type WatchlistFileInput = z.infer<typeof watchlistFileSchema>;

const id = z.number().int().positive();
const name = z.string().max(MAX_WATCHLIST_NAME_LENGTH * 2);
const label = z.string().max(MAX_SECTION_LABEL_LENGTH * 2);
const note = z
  .string()
  .max(MAX_NOTE_LENGTH * 2)
  .nullable();
/** Where a new entry goes: its index in the list (0 = first); absent = at the end. */
const position = z.number().int().nonnegative().max(MAX_WATCHLIST_ENTRIES).optional();

export const watchlistImportSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new'), file: watchlistFileSchema, name: name.optional() }).strict(),
  z.object({ mode: z.literal('merge'), file: watchlistFileSchema, targetId: id }).strict(),
]);
export type WatchlistImportInput = z.infer<typeof watchlistImportSchema>;
/** How `watchlists.import` writes (a new list, or a merge into one): its parsed input without the file. */
export type WatchlistImportMode = WatchlistImportInput extends infer T
  ? T extends unknown
    ? Omit<T, 'file'>
    : never
  : never;

/** Channels of watchlists: import (preview, then confirm), manage, export. */
export const watchlistChannels = {
  'watchlists.preview': channel({
    doc: 'Parses a file and returns every line with its outcome; writes nothing. With targetId, symbols already in that list are duplicates.',
    input: z.object({ file: watchlistFileSchema, targetId: id.optional() }).strict(),
    output: returns<ImportPreview>(),
  }),
  'watchlists.import': channel({
    doc: 'Imports a file as a new list or merges it into one, in one transaction (all valid lines or nothing). Invalid-input when the file is rejected; conflict on a name clash.',
    input: watchlistImportSchema,
    output: returns<ImportResult>(),
  }),
  'watchlists.list': channel({
    doc: `Live lists, sorted by name. ${pageDoc(MAX_WATCHLISTS_PAGE)}`,
    input: z.object(pageFields(MAX_WATCHLISTS_PAGE)).strict().optional(),
    output: returns<WatchlistSummary[]>(),
  }),
  'watchlists.get': channel({
    doc: `One list with its entries in order, each with the last cached close and change. A list holds at most ${MAX_WATCHLIST_ENTRIES} entries (every write checks), so one answer carries them all.`,
    input: z.object({ id }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.create': channel({
    doc: 'Creates an empty list (name trimmed, 1–100 characters, unique regardless of case).',
    input: z.object({ name }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.rename': channel({
    doc: 'Renames a list; conflict when another list has the name.',
    input: z.object({ id, name }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.delete': channel({
    doc: 'Deletes a list, undoably: watchlists.restore brings it back (lists deleted over 30 days ago are purged by a later delete).',
    input: z.object({ id }).strict(),
    output: returns<{ id: number; name: string }>(),
  }),
  'watchlists.restore': channel({
    doc: 'Undoes a delete. If another list took the name meanwhile, the restored one is renamed "NAME (restored)".',
    input: z.object({ id }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.reorder': channel({
    doc: 'Sets the order of a list: every entry id (items and sections) exactly once.',
    input: z.object({ id, order: z.array(id).max(MAX_WATCHLIST_ENTRIES) }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.setNote': channel({
    doc: 'Sets or clears (null or blank) the note of an item.',
    input: z.object({ itemId: id, note }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.addItem': channel({
    doc: 'Adds a symbol (Yahoo style, or TradingView EXCHANGE:TICKER) at a position; conflict when it is already in the list.',
    input: z.object({ id, symbol: z.string().max(64), note: note.optional(), position }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.removeItem': channel({
    doc: 'Removes an entry (a symbol, or a section marker: its items then belong to the section before).',
    input: z.object({ itemId: id }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.addSection': channel({
    doc: 'Adds a section marker at a position (absent: at the end).',
    input: z.object({ id, label, position }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.renameSection': channel({
    doc: 'Renames a section marker.',
    input: z.object({ itemId: id, label }).strict(),
    output: returns<WatchlistDetail>(),
  }),
  'watchlists.export': channel({
    doc: 'A list as a file: TradingView text, CSV (formula-safe) or Catalyst JSON (lossless); warnings say what the format could not carry.',
    input: z.object({ id, format: z.enum(watchlistExportFormats) }).strict(),
    output: returns<WatchlistExportResult>(),
  }),
} as const;

/**
 * A file chosen with the native menu (File ▸ Import Watchlist…): the window opens its import
 * preview. `error` when the main process could not read it (missing, over the size limit).
 */
export type WatchlistOpenImportEvent =
  { readonly fileName: string; readonly bytesBase64: string } | { readonly fileName: string; readonly error: string };

/** Push events of watchlists. Changes themselves are answers to the window's own requests. */
export const watchlistEvents = {
  'watchlists.openImport': pushEvent({
    doc: 'Opens the import preview for a file chosen in the native menu.',
    payload: returns<WatchlistOpenImportEvent>(),
  }),
} as const;

export type { WatchlistExportFormat };
