import type { Ticker } from '../../brand';

/*
 * The outcome of parsing one entry of an imported watchlist file. Kept apart from parse.ts so
 * the IPC contract (and through it the sandboxed preload) can name the type without loading
 * the parser and papaparse, whose declarations pull in Node's types.
 */

export type LineStatus = 'ok' | 'duplicate' | 'error';

/** One entry of an imported file and what became of it. */
export interface ParsedLine {
  /**
   * 1-based line of the file where the entry is (several TradingView entries share a line).
   * For Catalyst JSON: the entry's 1-based position in `entries`.
   */
  readonly line: number;
  /**
   * 1-based position of the entry within its line, for formats with several entries per line
   * (TradingView lists, plain text); null for CSV and JSON (one entry per line).
   */
  readonly entry: number | null;
  /** The entry as written in the file. */
  readonly input: string;
  readonly kind: 'item' | 'section';
  /** The canonical symbol (items that mapped), else null. */
  readonly symbol: Ticker | null;
  /** For a section line its label; for an item the section it lands in (null: none). */
  readonly section: string | null;
  readonly status: LineStatus;
  /** Why the line is an error; null otherwise. */
  readonly error: string | null;
  readonly note: string | null;
  /** The TradingView prefix to remember (from `HKEX:700`, a CSV's "TradingView Exchange" column or JSON). */
  readonly exchange: string | null;
  /** For a duplicate: the line where the symbol first appears in the file (null: it is already in the target list). */
  readonly duplicateOf: number | null;
  /** For a duplicate within the file: the entry position on `duplicateOf`'s line (null: one entry per line). */
  readonly duplicateOfEntry: number | null;
}
