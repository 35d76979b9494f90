import { isIsoDate, type IsoDate } from '../../../shared/brand';
import type { DateOrder } from '../../../shared/domain/bars-import';

/**
 * Cell readers for daily-bars CSVs as people download them: numbers with either decimal mark,
 * thousands separators, currency signs and K/M/B volume suffixes; dates in ISO form (with or
 * without a time and UTC offset), `YYYYMMDD`, `MM/DD/YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY` and
 * `Jun 01, 2022`. Day-first or month-first is decided once for the whole column
 * ({@link resolveDateOrder}), never row by row.
 */

export type { DateOrder };

export type DecimalMark = '.' | ',';

/** Cells that mean "no value" in the exports (investing.com writes `-`, nasdaq.com `N/A`). */
const EMPTY = new Set(['', '-', '—', 'n/a', 'na', 'nan', 'none']);

/** True for a cell that holds no value (Yahoo's `null` is handled separately: it marks a row). */
export function isEmptyCell(raw: string): boolean {
  return EMPTY.has(raw.trim().toLowerCase());
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * The decimal mark the file uses, voted over sample number cells. A cell whose last separator
 * is followed by exactly three digits (`1,234` / `1.234`) says nothing; with no evidence the
 * delimiter decides (a `;` file is European).
 */
export function detectDecimalMark(cells: readonly string[], delimiter: string): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const raw of cells) {
    const v = raw.trim().replace(/^[$€£¥]|[$€£¥%]$/g, '');
    const m = /([.,])(\d+)[kmbt]?$/i.exec(v);
    if (!m) continue;
    if (m[2]!.length === 3 && /\d[.,]\d{3}$/.test(v) && !/[.,].*[.,]/.test(v)) continue;
    // "1.234,5": the last mark is the decimal one; "1,234.5" likewise.
    if (m[1] === ',') comma++;
    else dot++;
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return delimiter === ';' ? ',' : '.';
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number cell: `$438.73`, `"21,294.94"`, `1.234,56` (with `decimal` ','), `2.07B`
 * (when `suffixes`), `42688622.0`. Returns the number, or a reason naming the column.
 */
export function parseNumberCell(raw: string, name: string, decimal: DecimalMark, suffixes: boolean): number | string {
  let v = raw.trim().replace(/^[$€£¥]\s?/, '');
  let mult = 1;
  const last = v.at(-1)?.toLowerCase();
  if (suffixes && last && last in SUFFIX) {
    mult = SUFFIX[last]!;
    v = v.slice(0, -1);
  }
  const thousands = decimal === '.' ? ',' : '.';
  // Thousands groups only where they really are groups of three digits.
  const grouped = new RegExp(`^[+-]?\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d*)?$`);
  if (grouped.test(v)) v = v.split(thousands).join('');
  v = v.replace(/[\s\u00a0\u202f']/g, '');
  if (decimal === ',') v = v.replace(',', '.');
  if (!PLAIN.test(v)) return `${name} "${raw.trim()}" is not a number`;
  const n = Number(v) * mult;
  return mult === 1 ? n : Math.round(n);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What a date cell looks like before the column's day/month order is known. */
export type DateShape =
  | { readonly kind: 'exact'; readonly y: number; readonly m: number; readonly d: number }
  | { readonly kind: 'numeric'; readonly a: number; readonly b: number; readonly y: number; readonly sep: string }
  | { readonly kind: 'bad' };

/** Classifies one date cell. */
export function dateShape(raw: string): DateShape {
  const v = raw.trim();
  // ISO date, optionally with a time and offset (yfinance: "2022-01-03 00:00:00+08:00"): the
  // date written is the exchange's local date, which is what a session is keyed by.
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return { kind: 'exact', y: +m[1]!, m: +m[2]!, d: +m[3]! };
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return { kind: 'exact', y: +m[1]!, m: +m[2]!, d: +m[3]! };
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(v);
  if (m) return { kind: 'numeric', a: +m[1]!, b: +m[3]!, y: +m[4]!, sep: m[2]! };
  // "Jun 01, 2022", "June 1 2022", "01 Jun 2022", "01-Jun-2022"
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (m) {
    const mon = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (mon >= 0) return { kind: 'exact', y: +m[3]!, m: mon + 1, d: +m[2]! };
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(v);
  if (m) {
    const mon = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (mon >= 0) return { kind: 'exact', y: +m[3]!, m: mon + 1, d: +m[1]! };
  }
  return { kind: 'bad' };
}

function iso(y: number, m: number, d: number): IsoDate | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

/** The ISO date of a classified cell under `order` (null: not a real date). */
export function shapeToDate(shape: DateShape, order: DateOrder | null): IsoDate | null {
  if (shape.kind === 'exact') return iso(shape.y, shape.m, shape.d);
  if (shape.kind === 'bad' || order === null) return null;
  return order === 'dmy' ? iso(shape.y, shape.b, shape.a) : iso(shape.y, shape.a, shape.b);
}

/** How the day/month order of a column was settled. */
export type DateOrderResolution =
  | { readonly order: DateOrder | null; readonly how: 'iso' | 'given' | 'values' | 'sequence' | 'convention' }
  | { readonly order: null; readonly how: 'ambiguous' | 'contradictory'; readonly example: string };

function monotonic(dates: ReadonlyArray<IsoDate | null>): boolean {
  const ok = dates.filter((d): d is IsoDate => d !== null);
  if (ok.length !== dates.length || ok.length < 2) return false;
  let up = true;
  let down = true;
  for (let i = 1; i < ok.length; i++) {
    if (ok[i]! <= ok[i - 1]!) up = false;
    if (ok[i]! >= ok[i - 1]!) down = false;
  }
  return up || down;
}

/**
 * Settles whether `03/04/2025` means 4 March or 3 April for the whole column: the user's
 * choice first; then any value above 12 in one position; then the only reading under which
 * the rows run in date order (a daily file is sorted, one way or the other); then the
 * convention of the format (`DD.MM.YYYY` in European files, US order in nasdaq.com files).
 * Otherwise the column is ambiguous and the caller asks the user.
 */
export function resolveDateOrder(
  cells: readonly string[],
  given: DateOrder | undefined,
  convention: DateOrder | null,
): DateOrderResolution {
  const shapes = cells.map(dateShape);
  const numeric = shapes.filter((s): s is Extract<DateShape, { kind: 'numeric' }> => s.kind === 'numeric');
  if (numeric.length === 0) return { order: 'ymd', how: 'iso' };
  if (given && given !== 'ymd') return { order: given, how: 'given' };
  // A value above 12 on both sides is no date under either reading: the row reports it.
  const dayFirst = numeric.some((s) => s.a > 12 && s.b <= 12);
  const monthFirst = numeric.some((s) => s.b > 12 && s.a <= 12);
  const example = cells[shapes.indexOf(numeric[0]!)]!.trim();
  if (dayFirst && monthFirst) return { order: null, how: 'contradictory', example };
  if (dayFirst) return { order: 'dmy', how: 'values' };
  if (monthFirst) return { order: 'mdy', how: 'values' };
  const asMdy = monotonic(numeric.map((s) => shapeToDate(s, 'mdy')));
  const asDmy = monotonic(numeric.map((s) => shapeToDate(s, 'dmy')));
  if (asMdy !== asDmy) return { order: asMdy ? 'mdy' : 'dmy', how: 'sequence' };
  const dots = numeric.every((s) => s.sep === '.');
  if (dots) return { order: 'dmy', how: 'convention' };
  if (convention) return { order: convention, how: 'convention' };
  return { order: null, how: 'ambiguous', example };
}

/** Accepted spellings of `--date-format` (case-insensitive). */
export function parseDateOrder(raw: string): DateOrder | null {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const map: Record<string, DateOrder> = {
    ymd: 'ymd',
    yyyymmdd: 'ymd',
    mdy: 'mdy',
    mmddyyyy: 'mdy',
    dmy: 'dmy',
    ddmmyyyy: 'dmy',
  };
  return map[v] ?? null;
}
