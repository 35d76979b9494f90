import {
  BAR_FIELDS,
  FORMAT_LABELS,
  type BarField,
  type BarsCsvFormat,
  type DateOrder,
} from '../../../shared/domain/bars-import';

/**
 * Which column of a daily-bars CSV holds what, and which download the file is, from its
 * header alone. Columns that are not needed are ignored (and listed), never a reason to refuse.
 */

export { BAR_FIELDS, FORMAT_LABELS, type BarField, type BarsCsvFormat };

/**
 * Header names → field, best first within a field (a file with both `Close` and `Price`
 * uses `Close`). Names are compared lower-case with trailing `*` (Yahoo's web table) and
 * surrounding spaces removed.
 */
const SYNONYMS: ReadonlyArray<readonly [BarField, readonly string[]]> = [
  ['date', ['date', 'datetime', 'timestamp', 'time', 'day', 'datum', 'data', 'fecha']],
  ['open', ['open', 'open price', 'opening price', 'eröffnung', 'eroeffnung', 'erster', 'ouverture', 'apertura']],
  ['high', ['high', 'high price', 'hoch', 'höchst', 'hoechst', 'tageshoch', 'plus haut', 'massimo', 'máximo']],
  ['low', ['low', 'low price', 'tief', 'tiefst', 'tagestief', 'plus bas', 'minimo', 'mínimo']],
  [
    'close',
    [
      'close',
      'close price',
      'closing price',
      'close/last',
      'price',
      'last',
      'schluss',
      'schlusskurs',
      'letzter',
      'clôture',
      'cloture',
      'dernier',
      'chiusura',
      'cierre',
      'último',
    ],
  ],
  ['adjClose', ['adj close', 'adj_close', 'adjclose', 'adj. close', 'adjusted close', 'adjusted_close']],
  ['volume', ['volume', 'vol.', 'vol', 'volumen', 'stücke', 'volume (shares)', 'volumes']],
];

function normalise(name: string): string {
  return name.trim().replace(/\*+$/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

const LOOKUP = new Map<string, { field: BarField; rank: number }>();
for (const [field, names] of SYNONYMS) names.forEach((n, rank) => LOOKUP.set(n, { field, rank }));

/** Column index of each mapped field. */
export type ColumnMapping = Partial<Record<BarField, number>>;

/** The header read: mapping, ignored columns, and problems that stop the import. */
export interface HeaderReading {
  readonly mapping: ColumnMapping;
  /** Header names of the columns not used, in file order. */
  readonly ignored: readonly string[];
  readonly problems: readonly string[];
}

/**
 * Maps header names to fields. `override` (header name or null per field, from `--map` or the
 * preview's mapping controls) replaces the automatic choice for the fields it names.
 */
export function mapHeader(
  header: readonly string[],
  override: Partial<Record<BarField, string | null>> = {},
): HeaderReading {
  const problems: string[] = [];
  const best = new Map<BarField, { index: number; rank: number }>();
  const seen = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = normalise(raw);
    if (name === '') return;
    if (seen.has(name)) {
      const hit = LOOKUP.get(name);
      if (hit) problems.push(`column "${raw.trim()}" appears twice`);
      return;
    }
    seen.set(name, index);
    const hit = LOOKUP.get(name);
    if (!hit) return;
    const prev = best.get(hit.field);
    if (!prev || hit.rank < prev.rank) best.set(hit.field, { index, rank: hit.rank });
  });
  const mapping: ColumnMapping = {};
  for (const [field, { index }] of best) mapping[field] = index;
  for (const field of BAR_FIELDS) {
    if (!(field in override)) continue;
    const want = override[field];
    if (want === null || want === undefined) {
      delete mapping[field];
      continue;
    }
    const index = header.findIndex((h) => h.trim() === want.trim());
    if (index < 0) problems.push(`the mapping names column "${want}" for ${field}, but the file has no such column`);
    else mapping[field] = index;
  }
  const used = new Set(Object.values(mapping));
  const ignored = header.filter((h, i) => !used.has(i) && h.trim() !== '').map((h) => h.trim());
  if (mapping.date === undefined)
    problems.push(`the header needs at least a date and a close: no date column (Date, Datetime, timestamp…)`);
  if (mapping.close === undefined)
    problems.push(`the header needs at least a date and a close: no close column (Close, Close/Last, Price…)`);
  const ohlc = (['open', 'high', 'low'] as const).filter((f) => mapping[f] !== undefined);
  if (ohlc.length !== 0 && ohlc.length !== 3) {
    const missing = (['open', 'high', 'low'] as const).filter((f) => mapping[f] === undefined);
    problems.push(`open, high and low must all be columns, or none of them (missing: ${missing.join(', ')})`);
  }
  if (problems.length && ignored.length) {
    problems.push(`unknown column${ignored.length > 1 ? 's' : ''} ${ignored.map((n) => `"${n}"`).join(', ')} ignored`);
  }
  // A close-only file may still carry an adjusted close: when there is no plain close, the
  // adjusted one is not silently promoted (the numbers mean something else).
  return { mapping, ignored, problems };
}

/** Recognises the download from its header (original spelling) and delimiter. */
export function detectFormat(header: readonly string[], delimiter: string, decimal: '.' | ','): BarsCsvFormat {
  const names = header.map((h) => h.trim());
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const joined = names.join(',');
  if (lower.has('adjclose') && lower.has('adjopen') && (lower.has('splitfactor') || lower.has('divcash')))
    return 'tiingo';
  if (names[0] === 'Datetime' || (lower.has('dividends') && lower.has('stock splits'))) return 'yfinance';
  if (lower.has('close/last')) return 'nasdaq.com';
  if (lower.has('price') && (lower.has('change %') || lower.has('vol.'))) return 'investing.com';
  if (names[0] === 'timestamp' && lower.has('open') && lower.has('close')) return 'alpha-vantage';
  if (delimiter === ';' || decimal === ',') return 'european';
  if (joined === 'Date,Open,High,Low,Close,Adj Close,Volume') return 'yahoo';
  if (joined === 'Date,Open,High,Low,Close,Volume' || joined === 'Date,Open,High,Low,Close,Volume,OpenInt')
    return 'stooq';
  return lower.has('open') ? 'ohlcv' : 'close-only';
}

/** The day/month order a format writes by convention, when its dates are numeric. */
export function conventionalDateOrder(format: BarsCsvFormat): DateOrder | null {
  if (format === 'nasdaq.com') return 'mdy';
  if (format === 'european') return 'dmy';
  return null;
}

/** Sniffs the delimiter from the header line: the most frequent of `,` `;` tab outside quotes. */
export function sniffDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
