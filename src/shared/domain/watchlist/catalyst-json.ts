import { checkVersionedHeader } from '../../versioned-file';
import type { WatchlistDocument } from './model';

/**
 * Catalyst's own watchlist file: the lossless format (names, sections, notes and remembered
 * TradingView prefixes all survive). Versioned: a reader refuses a newer version instead of
 * guessing at it.
 *
 * ```json
 * {
 *   "format": "catalyst-watchlist",
 *   "version": 1,
 *   "name": "China tech",
 *   "entries": [
 *     { "section": "Indices" },
 *     { "symbol": "^HSI", "exchange": "TVC" },
 *     { "symbol": "9988.HK", "note": "Qwen launch" }
 *   ]
 * }
 * ```
 * An entry is a section (`section`: its label) or an item (`symbol`, optional `note`,
 * optional `exchange`: the TradingView prefix). Unknown keys are ignored.
 */
export const CATALYST_WATCHLIST_FORMAT = 'catalyst-watchlist';
export const CATALYST_WATCHLIST_VERSION = 1;

/** One entry as written in the file. */
export type CatalystJsonEntry =
  { readonly section: string } | { readonly symbol: string; readonly note?: string; readonly exchange?: string };

export interface CatalystJsonFile {
  readonly format: typeof CATALYST_WATCHLIST_FORMAT;
  readonly version: number;
  readonly name: string;
  readonly exportedAt?: string;
  readonly entries: readonly CatalystJsonEntry[];
}

/** The JSON text of a watchlist (two-space indent, one entry per line, trailing newline). */
export function toCatalystJson(doc: WatchlistDocument, exportedAt?: string): string {
  const entries = doc.entries.map((e): CatalystJsonEntry => {
    if (e.kind === 'section') return { section: e.label };
    return {
      symbol: e.symbol,
      ...(e.note !== null ? { note: e.note } : {}),
      ...(e.exchange !== null ? { exchange: e.exchange } : {}),
    };
  });
  const head = {
    format: CATALYST_WATCHLIST_FORMAT,
    version: CATALYST_WATCHLIST_VERSION,
    name: doc.name,
    ...(exportedAt ? { exportedAt } : {}),
  };
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const body = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `${headText},\n  "entries": [${entries.length ? `\n${body}\n  ` : ''}]\n}\n`;
}

/** The top level of a parsed JSON value, or why it is not a Catalyst watchlist this version reads. */
export function checkCatalystJsonHead(
  value: unknown,
): { ok: true; name: unknown; entries: readonly unknown[] } | { ok: false; reason: string } {
  const head = checkVersionedHeader(value, {
    format: CATALYST_WATCHLIST_FORMAT,
    version: CATALYST_WATCHLIST_VERSION,
    noun: 'watchlist',
  });
  if (!head.ok) return head;
  const { entries, name } = head.value.fields;
  if (!Array.isArray(entries)) return { ok: false, reason: '"entries" must be an array' };
  return { ok: true, name, entries };
}
