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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      reason: `the JSON is ${Array.isArray(value) ? 'an array' : typeof value}, not a Catalyst watchlist object`,
    };
  }
  const v = value as Record<string, unknown>;
  if (v.format !== CATALYST_WATCHLIST_FORMAT) {
    return {
      ok: false,
      reason: `not a Catalyst watchlist file ("format" is ${JSON.stringify(v.format) ?? 'missing'}, expected "${CATALYST_WATCHLIST_FORMAT}")`,
    };
  }
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return {
      ok: false,
      reason: `"version" must be a whole number ≥ 1 (got ${JSON.stringify(v.version) ?? 'nothing'})`,
    };
  }
  if (v.version > CATALYST_WATCHLIST_VERSION) {
    return {
      ok: false,
      reason: `the file is watchlist format version ${v.version}, written by a newer Catalyst; this version reads up to ${CATALYST_WATCHLIST_VERSION}`,
    };
  }
  if (!Array.isArray(v.entries)) return { ok: false, reason: '"entries" must be an array' };
  return { ok: true, name: v.name, entries: v.entries };
}
