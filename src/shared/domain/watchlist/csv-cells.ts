/**
 * CSV cell helpers shared by the exporter and the importer.
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
