import type { IsoDate, Ticker } from '../brand';
import type { Bar } from './bar';

/**
 * The vocabulary of importing a daily-bars CSV (`catalyst import-bars`, the app's preview):
 * what a column can hold, which download a file is, how numeric dates are ordered, and what a
 * preview and an import report. The reading itself is in src/main/services/market/bars-csv*.
 */

/** The largest bars CSV accepted, in bytes (about 200 years of daily bars with room to spare). */
export const MAX_BARS_CSV_BYTES = 20 * 1024 * 1024;

/** A value of a daily bar a column can hold. */
export type BarField = 'date' | 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';

export const BAR_FIELDS: readonly BarField[] = ['date', 'open', 'high', 'low', 'close', 'adjClose', 'volume'];

/** The downloads recognised by their header (`ohlcv`: any other file with usable columns). */
export type BarsCsvFormat =
  | 'yahoo'
  | 'yfinance'
  | 'tiingo'
  | 'alpha-vantage'
  | 'stooq'
  | 'investing.com'
  | 'nasdaq.com'
  | 'european'
  | 'ohlcv'
  | 'close-only';

/** How each format is named to the user. */
export const FORMAT_LABELS: Record<BarsCsvFormat, string> = {
  yahoo: 'Yahoo Finance download',
  yfinance: 'yfinance to_csv()',
  tiingo: 'Tiingo CSV',
  'alpha-vantage': 'Alpha Vantage CSV',
  stooq: 'Stooq download',
  'investing.com': 'investing.com export',
  'nasdaq.com': 'nasdaq.com download',
  european: 'European export (; and decimal commas)',
  ohlcv: 'OHLCV CSV',
  'close-only': 'date,close CSV',
};

/** Order of day and month in a numeric date like `03/04/2025`; ISO dates are always `ymd`. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export const DATE_ORDERS: readonly DateOrder[] = ['ymd', 'mdy', 'dmy'];

/** One problem in a bars CSV, by 1-based physical line number (0: the file as a whole). */
export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

/** How an import treats file rows whose date is cached with different values. */
export type DifferingRows = 'keep' | 'replace';

/** What was found in the file besides the bars (shared by preview and import). */
export interface BarsFileSummary {
  readonly format: BarsCsvFormat;
  readonly formatLabel: string;
  /** Day/month order of the date column (`ymd` for ISO dates; null when undecided). */
  readonly dateOrder: DateOrder | null;
  /** The header as written, and the field each column feeds (null: ignored). */
  readonly columns: ReadonlyArray<{ readonly name: string; readonly field: BarField | null }>;
  readonly ignoredColumns: readonly string[];
  /** Rows left out on purpose (Yahoo's `null` rows, yfinance's empty rows), with the reason. */
  readonly skipped: readonly LineProblem[];
}

export interface ImportBarsResult extends BarsFileSummary {
  readonly symbol: Ticker;
  /** Valid rows read from the file (skipped rows not counted). */
  readonly rows: number;
  /** Rows inserted or changed (0 on an identical re-import). */
  readonly changed: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A cached bar and the file's different bar for the same session. */
export interface DifferingBar {
  readonly date: IsoDate;
  readonly cached: Bar;
  readonly file: Bar;
}

/** What importing the file would do; nothing is written to make it. */
export interface BarsImportPreview extends BarsFileSummary {
  readonly symbol: Ticker;
  readonly fileName: string | null;
  /** Whether the symbol already has an instrument in the cache. */
  readonly instrumentExists: boolean;
  readonly rows: number;
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  /** Rows whose date is not cached. */
  readonly toAdd: number;
  /** Rows identical to the cache. */
  readonly unchanged: number;
  /** Rows whose cached values differ (the first {@link MAX_DIFFERING_SHOWN}); `differingCount` counts all. */
  readonly differing: readonly DifferingBar[];
  readonly differingCount: number;
  /** Problems that stop the import, all at once (empty: importable). */
  readonly problems: readonly LineProblem[];
}

/** Differing rows listed in a preview (all are counted). */
export const MAX_DIFFERING_SHOWN = 200;

const DATE_HEADERS = /^(date|datetime|timestamp|time|day|datum|data|fecha|trade date|date \(utc\))$/;
const CLOSE_HEADERS =
  /^(close|close\/last|price|last|adj close|adj_close|adjclose|adjusted close|schluss|schlusskurs|letzter|clôture|dernier|chiusura)$/;
const SYMBOL_HEADERS = /^(symbol|ticker|code)$/;

/**
 * Whether a file's first line is the header of a daily-bars CSV (a date column and a close or
 * price column, and no symbol column: a Yahoo portfolio export has dates and prices too, but
 * one row per symbol). Used to route a dropped or opened file to the bars import preview.
 */
export function looksLikeBarsCsv(text: string): boolean {
  const first = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .find((l) => l.trim() !== '');
  if (!first) return false;
  const delimiter = first.split(';').length > first.split(',').length ? ';' : first.includes('\t') ? '\t' : ',';
  const names = first
    .split(delimiter)
    .map((c) => c.trim().replace(/^"|"$/g, '').replace(/\*+$/, '').trim().toLowerCase());
  return (
    names.some((n) => DATE_HEADERS.test(n)) &&
    names.some((n) => CLOSE_HEADERS.test(n)) &&
    !names.some((n) => SYMBOL_HEADERS.test(n))
  );
}
