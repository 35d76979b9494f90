/**
 * CSV cells and tables (RFC 4180) shared by every exporter — watchlists, bars, events, claims —
 * and by the watchlist importer.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or CR
 * as a formula, so an exported note such as `=HYPERLINK(…)` would execute when opened. The
 * exporter prefixes such cells with `'` (OWASP's advice); the importer removes exactly that
 * prefix again. A cell that already starts with quotes before such a character gets one more
 * quote, so the pair of functions is an exact round trip for every string.
 */

const NEEDS_QUOTE_PREFIX = /^'*[=+\-@\t\r]/;
const HAS_QUOTE_PREFIX = /^'+[=+\-@\t\r]/;

/** The cell as written to a CSV file: neutralised against formula injection. */
export function neutraliseCell(value: string): string {
  return NEEDS_QUOTE_PREFIX.test(value) ? `'${value}` : value;
}

/** Reverses {@link neutraliseCell} on a cell read from a CSV file. */
export function restoreCell(value: string): string {
  return HAS_QUOTE_PREFIX.test(value) ? value.slice(1) : value;
}

/** One CSV field per RFC 4180: quoted when it holds a delimiter, quote, line break or edge blanks. */
export function csvField(value: string, delimiter = ','): string {
  const v = neutraliseCell(value);
  return v.includes(delimiter) || /["\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * A value of a CSV table. Text is neutralised and quoted as {@link csvField} does; numbers are
 * written in full precision (JavaScript's shortest round-trip form, so `Number(cell)` gives the
 * same double back) and never neutralised — `-0.12` is a number to a spreadsheet, not a formula;
 * `null`/`undefined` and non-finite numbers are empty cells; booleans are `true`/`false`.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** One cell of {@link toCsv}. */
export function csvValue(value: CsvValue, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvField(value, delimiter);
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8 (default false). */
  readonly bom?: boolean;
}

/**
 * A whole RFC 4180 table: header and rows, fields separated by commas, records ended by CRLF
 * (the last one too), text cells quoted where needed and neutralised against formula
 * injection. Every row must have as many cells as the header (a programming error otherwise).
 */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const lines = [header.map((h) => csvValue(h)).join(',')];
  for (const row of rows) {
    if (row.length !== header.length)
      throw new Error(`CSV row has ${row.length} cells for a header of ${header.length}`);
    lines.push(row.map((v) => csvValue(v)).join(','));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
