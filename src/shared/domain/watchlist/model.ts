import type { Result } from '../../result';
import type { Ticker } from '../../brand';

/**
 * A watchlist as a document: a name and an ordered sequence of entries. A section entry
 * starts a group; every item after it (up to the next section) belongs to that group, so the
 * order alone says which section an item is in.
 *
 * Invariants (kept by the parser and the store):
 * - a symbol appears at most once per list;
 * - names, labels and notes are normalised by {@link normaliseWatchlistName},
 *   {@link normaliseSectionLabel} and {@link normaliseNote};
 * - `exchange`, when set, is a TradingView exchange prefix that maps back to the symbol.
 */
export interface WatchlistDocument {
  readonly name: string;
  readonly entries: readonly WatchlistEntry[];
}

export type WatchlistEntry = WatchlistSectionEntry | WatchlistItemEntry;

/** Starts a group of items (TradingView's `###Label`). */
export interface WatchlistSectionEntry {
  readonly kind: 'section';
  readonly label: string;
}

/** One symbol of a list. */
export interface WatchlistItemEntry {
  readonly kind: 'item';
  /** Canonical Yahoo-style symbol. */
  readonly symbol: Ticker;
  /** The user's note (trimmed, never empty), or null. */
  readonly note: string | null;
  /**
   * The TradingView exchange prefix the symbol came with (`NYSE` for `NYSE:BABA`), kept so an
   * export writes back exactly what was imported; null when unknown.
   */
  readonly exchange: string | null;
}

/** The file formats Catalyst reads and writes. */
export const watchlistFormats = ['tradingview', 'csv', 'plain', 'json'] as const;
export type WatchlistFormat = (typeof watchlistFormats)[number];

/** The formats an export can produce (plain text is import-only: TradingView text covers it). */
export const watchlistExportFormats = ['tradingview', 'csv', 'json'] as const;
export type WatchlistExportFormat = (typeof watchlistExportFormats)[number];

/** Largest file accepted by an import, in bytes (as stored on disk, before decoding). */
export const MAX_WATCHLIST_FILE_BYTES = 1024 * 1024;
/** Most entries (symbols plus section markers) one watchlist may hold. */
export const MAX_WATCHLIST_ENTRIES = 5000;
export const MAX_WATCHLIST_NAME_LENGTH = 100;
export const MAX_SECTION_LABEL_LENGTH = 100;
export const MAX_NOTE_LENGTH = 2000;

/** C0 controls other than tab and line feed (CR is folded into LF first). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** Result of a normaliser: the clean value, or why the raw one is not acceptable. */
export type Normalised<T> = Result<T>;

/** Trims a list name and checks it: 1–100 characters, one line. Uniqueness is the store's job. */
export function normaliseWatchlistName(raw: string): Normalised<string> {
  const v = raw.normalize('NFC').trim();
  if (v === '') return { ok: false, reason: 'a watchlist name cannot be empty' };
  if (v.length > MAX_WATCHLIST_NAME_LENGTH)
    return {
      ok: false,
      reason: `a watchlist name has at most ${MAX_WATCHLIST_NAME_LENGTH} characters (got ${v.length})`,
    };
  if (CONTROL.test(v) || v.includes('\n')) return { ok: false, reason: 'a watchlist name must be one line of text' };
  return { ok: true, value: v };
}

/** The key two names are compared by: case-insensitive (Unicode), NFC. */
export function watchlistNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * Trims a section label and checks it: 1–100 characters, one line, no comma (TradingView
 * separates entries with commas, so a comma would split the section on export).
 */
export function normaliseSectionLabel(raw: string): Normalised<string> {
  const v = raw.normalize('NFC').trim();
  if (v === '') return { ok: false, reason: 'a section name cannot be empty' };
  if (v.length > MAX_SECTION_LABEL_LENGTH)
    return { ok: false, reason: `a section name has at most ${MAX_SECTION_LABEL_LENGTH} characters (got ${v.length})` };
  if (v.includes(','))
    return { ok: false, reason: `section name "${v}" contains a comma (TradingView uses commas as separators)` };
  if (CONTROL.test(v) || v.includes('\n')) return { ok: false, reason: 'a section name must be one line of text' };
  return { ok: true, value: v };
}

/**
 * Normalises a note: CRLF/CR become LF, surrounding blanks go, an empty note is null.
 * At most 2000 characters; tabs and line breaks are allowed, other control characters not.
 */
export function normaliseNote(raw: string | null | undefined): Normalised<string | null> {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  const v = raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if (v === '') return { ok: true, value: null };
  if (v.length > MAX_NOTE_LENGTH)
    return { ok: false, reason: `a note has at most ${MAX_NOTE_LENGTH} characters (got ${v.length})` };
  if (CONTROL.test(v)) return { ok: false, reason: 'a note cannot contain control characters' };
  return { ok: true, value: v };
}

/** A list name from a file name: the name without folders and extension, or a default. */
export function defaultNameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const r = normaliseWatchlistName(stem.replace(/[\u0000-\u001F\u007F]/g, ' ').slice(0, MAX_WATCHLIST_NAME_LENGTH));
  return r.ok ? r.value : 'Imported watchlist';
}

/** The section each entry is in: the label of the nearest section entry before it (or null). */
export function sectionsOf(entries: readonly WatchlistEntry[]): Array<string | null> {
  let current: string | null = null;
  return entries.map((e) => {
    if (e.kind === 'section') current = e.label;
    return current;
  });
}
