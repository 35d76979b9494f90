import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseWatchlistFile,
  type ParsedLine,
  type ParsedWatchlist,
} from '../../../../src/shared/domain/watchlist/parse';

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'watchlists');

/** The bytes of a fixture (path relative to tests/fixtures/watchlists). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** Parses a fixture; fails the test with the reason when the file is rejected. */
export function parseFixture(name: string): ParsedWatchlist {
  const r = parseWatchlistFile(name.split('/').pop()!, fixtureBytes(name));
  if (!r.ok) throw new Error(`${name} was rejected: ${r.reason}`);
  return r.value;
}

/** A compact, readable row per line for expectations. */
export function summary(lines: readonly ParsedLine[]): string[] {
  return lines.map((l) =>
    [
      l.line,
      l.kind === 'section' ? `§${l.section ?? '?'}` : (l.symbol ?? l.input),
      l.kind === 'item' && l.section ? `in ${l.section}` : '',
      l.status,
      l.exchange ?? '',
      l.duplicateOf !== null ? `dup of ${l.duplicateOf}` : '',
    ]
      .filter((x) => x !== '')
      .join(' '),
  );
}

/**
 * Every file in tests/fixtures/watchlists/malformed and what must happen to it: a rejection
 * with a reason matching the pattern, or a per-line report (the count of error lines).
 */
export const malformedCorpus: Record<string, { reject: RegExp } | { errorLines: number; okItems: number }> = {
  'chart-screenshot.png': { reject: /^the file is a PNG image, not a text watchlist$/ },
  'watchlist.xlsx': { reject: /ZIP archive \(an \.xlsx workbook is one: save it as CSV first\)/ },
  'empty.txt': { reject: /^the file is empty$/ },
  'only-blanks.txt': { reject: /^the file has no text, only blanks$/ },
  'only-comments.txt': { reject: /^the file has no symbols, only comments and blank lines$/ },
  'only-sections.txt': { reject: /^the file has section headers but no symbols$/ },
  'invalid.json': { reject: /^invalid JSON: .*line 8/ },
  'future-version.json': { reject: /version 2, written by a newer Catalyst; this version reads up to 1/ },
  'wrong-format.json': { reject: /^not a Catalyst watchlist file \("format" is missing/ },
  'json-array.json': { reject: /an array, not a Catalyst watchlist object/ },
  'no-symbol-column.csv': {
    reject: /^the CSV has no Symbol, Ticker or Code column \(first line: "Name,Last Price,Change %"\)$/,
  },
  'header-only.csv': { reject: /^the CSV has a header but no rows with a symbol$/ },
  'unterminated-quote.csv': { reject: /^malformed CSV at line 2: quoted field unterminated$/ },
  'latin1-notes.csv': { reject: /not valid UTF-8 text: byte 0xfc at offset 38 \(line 2\).*Windows-1252/ },
  'utf16-without-bom.txt': { reject: /NUL bytes: it is binary, or UTF-16 text without a byte-order mark/ },
  'utf32.txt': { reject: /UTF-32/ },
  'odd-utf16.txt': { reject: /UTF-16LE but has an odd number of bytes/ },
  'control-chars.txt': { reject: /^the file is not text: control character U\+0001 on line 2$/ },
  'unknown-prefixes.txt': { errorLines: 8, okItems: 2 },
  'bad-lines.txt': { errorLines: 3, okItems: 3 },
  'bad-rows.csv': { errorLines: 4, okItems: 3 },
};
