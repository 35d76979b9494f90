import type { Result } from '../../result';
import { parseJsonBounded } from '../../json-bounded';
import Papa from 'papaparse';
import type { Ticker } from '../../brand';
import { checkCatalystJsonHead } from './catalyst-json';
import { restoreCell } from '../csv/csv-cells';
import { decodeWatchlistBytes, type TextEncodingName } from './decode';
import {
  defaultNameFromFileName,
  MAX_WATCHLIST_ENTRIES,
  normaliseNote,
  normaliseSectionLabel,
  normaliseWatchlistName,
  type WatchlistEntry,
  type WatchlistFormat,
} from './model';
import { exchangeProblem, mapTradingViewSymbol, normaliseSymbolInput, type SymbolMapping } from './symbol-map';
import type { ParsedLine } from './parsed-line';

/**
 * Import parsing: bytes or text → one {@link ParsedLine} per entry of the file, each with its
 * outcome. Nothing here writes anywhere; the preview shows these lines and an import stores
 * the `ok` ones.
 */

export type { LineStatus, ParsedLine } from './parsed-line';

export interface ParsedWatchlist {
  readonly format: WatchlistFormat;
  /** How the bytes were decoded (null when parsed from text). */
  readonly encoding: TextEncodingName | null;
  /** The list name to propose: the name inside a Catalyst JSON file, else the file name. */
  readonly defaultName: string;
  readonly lines: readonly ParsedLine[];
  /** Rows left out on purpose, with why (a Yahoo portfolio's `$$CASH_TX` cash rows). */
  readonly notices: readonly string[];
  /**
   * CSV columns with values that a watchlist does not keep (a Yahoo portfolio's Quantity,
   * Purchase Price, …), so the preview can say so rather than drop them silently.
   */
  readonly ignoredColumns: readonly string[];
}

export type ParseResult = Result<ParsedWatchlist>;

type MutableLine = { -readonly [K in keyof ParsedLine]: ParsedLine[K] };

/** Builds the lines of one file: tracks the current section and first occurrences. */
class LineCollector {
  readonly lines: MutableLine[] = [];
  readonly notices: string[] = [];
  ignoredColumns: string[] = [];
  private section: string | null = null;
  private readonly first = new Map<string, MutableLine>();

  addSection(line: number, input: string, rawLabel: string, entry: number | null = null): void {
    const label = normaliseSectionLabel(rawLabel);
    if (!label.ok) {
      this.push({ line, entry, input, kind: 'section', section: null, status: 'error', error: label.reason });
      return;
    }
    this.section = label.value;
    this.push({ line, entry, input, kind: 'section', section: label.value });
  }

  /** The section items land in now. */
  currentSection(): string | null {
    return this.section;
  }

  addItem(
    line: number,
    input: string,
    mapping: SymbolMapping,
    rawNote?: string | null,
    rawExchange?: string | null,
    entry: number | null = null,
  ): void {
    this.entry = entry;
    if (!mapping.ok) {
      this.addError(line, input, mapping.reason);
      return;
    }
    const note = normaliseNote(rawNote);
    if (!note.ok) {
      this.addError(line, input, note.reason, mapping.symbol);
      return;
    }
    let exchange = mapping.exchange;
    const extra = rawExchange?.trim().toUpperCase() ?? '';
    if (extra !== '') {
      if (exchange !== null && exchange !== extra) {
        this.addError(line, input, `the symbol says ${exchange} but the exchange column says ${extra}`, mapping.symbol);
        return;
      }
      const problem = exchangeProblem(mapping.symbol, extra);
      if (problem) {
        this.addError(line, input, problem, mapping.symbol);
        return;
      }
      exchange = extra;
    }
    const first = this.first.get(mapping.symbol);
    if (first) {
      // Repeated rows (a Yahoo portfolio has one per lot) are one item; their distinct notes are kept.
      if (note.value !== null && first.note !== note.value && !(first.note ?? '').split('\n').includes(note.value)) {
        const merged = normaliseNote(first.note === null ? note.value : `${first.note}\n${note.value}`);
        if (!merged.ok) {
          this.addError(
            line,
            input,
            `cannot add this row's note to line ${first.line}: ${merged.reason}`,
            mapping.symbol,
          );
          return;
        }
        first.note = merged.value;
      }
      this.push({
        line,
        input,
        kind: 'item',
        symbol: mapping.symbol,
        section: this.section,
        status: 'duplicate',
        note: note.value,
        exchange,
        duplicateOf: first.line,
        duplicateOfEntry: first.entry,
      });
      return;
    }
    const row = this.push({
      line,
      input,
      kind: 'item',
      symbol: mapping.symbol,
      section: this.section,
      note: note.value,
      exchange,
    });
    this.first.set(mapping.symbol, row);
  }

  addError(line: number, input: string, reason: string, symbol: Ticker | null = null): void {
    this.push({ line, input, kind: 'item', symbol, section: this.section, status: 'error', error: reason });
  }

  /** Entry position of the item being added (set by addItem, read by push). */
  private entry: number | null = null;

  private push(p: Partial<MutableLine> & Pick<MutableLine, 'line' | 'input' | 'kind'>): MutableLine {
    const row: MutableLine = {
      entry: p.kind === 'item' ? this.entry : null,
      symbol: null,
      section: null,
      status: 'ok',
      error: null,
      note: null,
      exchange: null,
      duplicateOf: null,
      duplicateOfEntry: null,
      ...p,
    };
    this.lines.push(row);
    return row;
  }
}

const SYMBOL_HEADERS = ['symbol', 'ticker', 'code'];
const NOTE_HEADERS = ['comment', 'comments', 'note', 'notes'];
const SECTION_HEADER = 'section';
const EXCHANGE_HEADER = 'tradingview exchange';
const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

const headerName = (cell: string): string =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** Splits one line as a CSV record with a given delimiter (quotes honoured). */
function splitRecord(line: string, delimiter: Delimiter): string[] {
  return Papa.parse<string[]>(line, { delimiter }).data[0] ?? [];
}

interface CsvLayout {
  readonly delimiter: Delimiter;
  /** Offset in the text where the header line starts. */
  readonly headerStart: number;
}

/** Finds a CSV header with a symbol column among the first non-blank line (after an Excel `sep=` line). */
function findCsvLayout(text: string): CsvLayout | { readonly reason: string } | null {
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let forced: Delimiter | null = null;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) && m[0] !== '') {
    const line = m[0].replace(/[\r\n]+$/, '');
    if (line.trim() === '') continue;
    const sep = /^sep=(.)$/i.exec(line.trim());
    if (sep && forced === null) {
      const d = DELIMITERS.find((x) => x === sep[1]);
      if (!d) return { reason: `the "sep=" line names an unsupported delimiter "${sep[1]}" (use , ; or tab)` };
      forced = d;
      continue;
    }
    const candidates = forced ? [forced] : DELIMITERS;
    let best: { d: Delimiter; cells: number } | null = null;
    for (const d of candidates) {
      const cells = splitRecord(line, d);
      if (cells.some((c) => SYMBOL_HEADERS.includes(headerName(c))) && (!best || cells.length > best.cells))
        best = { d, cells: cells.length };
    }
    return best ? { delimiter: best.d, headerStart: m.index } : null;
  }
  return null;
}

function firstLineCells(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** Counts line breaks (CRLF, LF or CR) in `text` between two offsets. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) n++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) n++;
  }
  return n;
}

function parseCsv(text: string, layout: CsvLayout): LineCollector | { reason: string } {
  const rows: Array<{ cells: string[]; start: number }> = [];
  let problem: string | null = null;
  let prev = layout.headerStart;
  Papa.parse<string[]>(text.slice(layout.headerStart), {
    delimiter: layout.delimiter,
    step: (r, parser) => {
      const start = prev;
      prev = layout.headerStart + r.meta.cursor;
      if (r.errors.length) {
        problem = `${r.errors[0]!.message.toLowerCase()}`;
        rows.push({ cells: [], start });
        parser.abort();
        return;
      }
      rows.push({ cells: r.data, start });
    },
  });
  let line = 1 + countBreaks(text, 0, layout.headerStart);
  let lastStart = layout.headerStart;
  const lineOf = (start: number) => {
    line += countBreaks(text, lastStart, start);
    lastStart = start;
    // A record's line is where its first non-blank character is (papaparse's cursor sits before a line break).
    let i = start;
    while (i < text.length && (text[i] === '\r' || text[i] === '\n')) i++;
    return line + countBreaks(text, start, i);
  };
  if (problem !== null) {
    const bad = rows.at(-1)!;
    return { reason: `malformed CSV at line ${lineOf(bad.start)}: ${problem}` };
  }
  const header = rows[0]!.cells.map(headerName);
  const col = (names: readonly string[]) => {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const symbolCol = col(SYMBOL_HEADERS);
  const noteCol = col(NOTE_HEADERS);
  const sectionCol = col([SECTION_HEADER]);
  const exchangeCol = col([EXCHANGE_HEADER]);
  const out = new LineCollector();
  const used = new Set([symbolCol, noteCol, sectionCol, exchangeCol]);
  const filled = new Set<number>();
  for (const row of rows.slice(1)) {
    const cells = row.cells;
    if (cells.every((c) => c.trim() === '')) continue;
    const at = lineOf(row.start);
    const cell = (i: number) => (i >= 0 ? restoreCell(cells[i] ?? '') : '');
    const raw = cell(symbolCol);
    if (/^\$\$CASH/i.test(raw.trim())) {
      // Yahoo portfolio exports record cash deposits and withdrawals as `$$CASH_TX` rows.
      out.notices.push(`line ${at}: ${raw.trim()} is a cash transaction of a Yahoo portfolio, not a symbol: skipped`);
      continue;
    }
    cells.forEach((c, i) => {
      if (!used.has(i) && c.trim() !== '') filled.add(i);
    });
    const input = raw.trim() === '' ? cells.join(layout.delimiter) : raw;
    if (symbolCol >= cells.length) {
      out.addError(
        at,
        input,
        `the row has ${cells.length} field(s); the ${header[symbolCol]} column is field ${symbolCol + 1}`,
      );
      continue;
    }
    const rawLabel = sectionCol >= 0 ? cell(sectionCol) : '';
    if (raw.trim() === '' && rawLabel.trim() !== '' && cells.every((c, i) => i === sectionCol || c.trim() === '')) {
      // A row with only a section name starts a section (Catalyst's CSV export writes one per section).
      out.addSection(at, rawLabel, rawLabel);
      continue;
    }
    if (rawLabel.trim() !== '') {
      // Hand-made files: an item row whose section differs from the current one starts that section.
      const label = normaliseSectionLabel(rawLabel);
      if (!label.ok || label.value !== out.currentSection()) out.addSection(at, rawLabel, rawLabel);
    }
    if (raw.trim() === '') {
      out.addError(at, input, `no symbol in the ${rows[0]!.cells[symbolCol]!.trim()} column`);
      continue;
    }
    out.addItem(
      at,
      raw.trim(),
      normaliseSymbolInput(raw),
      noteCol >= 0 ? cell(noteCol) : null,
      exchangeCol >= 0 ? cell(exchangeCol) : null,
    );
  }
  out.ignoredColumns = [...filled].sort((a, b) => a - b).map((i) => rows[0]!.cells[i]!.trim());
  return out;
}

/** TradingView entries: `EXCHANGE:TICKER` or `###Section`, comma-separated (any line breaks tolerated). */
function parseTradingView(text: string): LineCollector {
  const out = new LineCollector();
  text.split(/\r\n|\r|\n/).forEach((lineText, i) => {
    let entry = 0;
    for (const token of lineText.split(',')) {
      const t = token.trim();
      if (t === '') continue;
      entry++;
      if (t.startsWith('###')) out.addSection(i + 1, t, t.slice(3), entry);
      else if (/\s/.test(t))
        out.addItem(
          i + 1,
          t,
          { ok: false, reason: `"${t}" contains spaces; TradingView entries look like HKEX:700` },
          null,
          null,
          entry,
        );
      else out.addItem(i + 1, t, mapTradingViewSymbol(t), null, null, entry);
    }
  });
  return out;
}

/** Plain text: symbols separated by line breaks, commas, semicolons or blanks; `#` starts a comment. */
function parsePlain(text: string): LineCollector {
  const out = new LineCollector();
  text.split(/\r\n|\r|\n/).forEach((lineText, i) => {
    const hash = lineText.indexOf('#');
    const body = hash >= 0 ? lineText.slice(0, hash) : lineText;
    let entry = 0;
    for (const token of body.split(/[\s,;]+/)) {
      if (token === '') continue;
      entry++;
      out.addItem(i + 1, token, normaliseSymbolInput(token), null, null, entry);
    }
  });
  return out;
}

function parseJson(text: string): { out: LineCollector; name: unknown } | { reason: string } {
  const parsed = parseJsonBounded(text);
  if (!parsed.ok) return { reason: parsed.reason };
  const value = parsed.value;
  const head = checkCatalystJsonHead(value);
  if (!head.ok) return { reason: head.reason };
  const out = new LineCollector();
  head.entries.forEach((entry, i) => {
    const line = i + 1;
    const shown = JSON.stringify(entry) ?? String(entry);
    const input = shown.length > 200 ? `${shown.slice(0, 199)}…` : shown;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      out.addError(line, input, 'an entry must be an object with "symbol" or "section"');
      return;
    }
    const e = entry as Record<string, unknown>;
    if ('section' in e && 'symbol' in e) {
      out.addError(line, input, 'an entry has either "symbol" or "section", not both');
    } else if ('section' in e) {
      if (typeof e.section !== 'string') out.addError(line, input, '"section" must be a string');
      else out.addSection(line, input, e.section);
    } else if (typeof e.symbol !== 'string') {
      out.addError(line, input, 'an entry needs a "symbol" string (or a "section")');
    } else if (e.note !== undefined && typeof e.note !== 'string') {
      out.addError(line, input, '"note" must be a string');
    } else if (e.exchange !== undefined && typeof e.exchange !== 'string') {
      out.addError(line, input, '"exchange" must be a string');
    } else if (e.symbol.includes(':')) {
      out.addError(
        line,
        input,
        `"${e.symbol}" is a TradingView spelling; Catalyst JSON holds canonical symbols with "exchange" beside them`,
      );
    } else {
      out.addItem(
        line,
        e.symbol,
        normaliseSymbolInput(e.symbol),
        e.note as string | undefined,
        e.exchange as string | undefined,
      );
    }
  });
  return { out, name: head.name };
}

const TV_ENTRY = /^[A-Za-z][A-Za-z0-9_]*:\S+$/;

/** TradingView text: every comma/line token is `###…` or a blank-free entry (no `#` comments), and some token is TradingView-shaped. */
function looksLikeTradingView(text: string): boolean {
  const tokens = text
    .split(/[,\r\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return (
    tokens.length > 0 &&
    tokens.every((t) => t.startsWith('###') || (!/\s/.test(t) && !t.startsWith('#'))) &&
    tokens.some((t) => t.startsWith('###') || TV_ENTRY.test(t))
  );
}

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * Parses the decoded text of a file. The format comes from the content, with the extension
 * as a constraint: `.json` must be Catalyst JSON, `.csv`/`.tsv` must have a Symbol, Ticker or
 * Code column; otherwise JSON (text starting with `{`), then CSV (a header with such a
 * column), then TradingView, then plain text. Refuses a file with no symbol entries at all,
 * or more than {@link MAX_WATCHLIST_ENTRIES} entries.
 */
export function parseWatchlistText(
  fileName: string,
  text: string,
  encoding: TextEncodingName | null = null,
): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ext = extensionOf(fileName);
  const trimmed = body.trimStart();
  let format: WatchlistFormat;
  let collected: LineCollector;
  let jsonName: unknown = undefined;
  if (ext === 'json' || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const r = parseJson(body);
    if ('reason' in r) return { ok: false, reason: r.reason };
    format = 'json';
    collected = r.out;
    jsonName = r.name;
  } else {
    const layout = findCsvLayout(body);
    if (layout && 'reason' in layout) return { ok: false, reason: layout.reason };
    if (layout) {
      const r = parseCsv(body, layout);
      if ('reason' in r) return { ok: false, reason: r.reason };
      format = 'csv';
      collected = r;
    } else if (ext === 'csv' || ext === 'tsv') {
      if (trimmed === '') return { ok: false, reason: 'the file has no text, only blanks' };
      return {
        ok: false,
        reason: `the CSV has no Symbol, Ticker or Code column (first line: "${firstLineCells(body)}")`,
      };
    } else if (looksLikeTradingView(body)) {
      format = 'tradingview';
      collected = parseTradingView(body);
    } else {
      format = 'plain';
      collected = parsePlain(body);
    }
  }
  const lines = collected.lines;
  // Catalyst JSON is the lossless format: a list of only sections (an export of one) imports.
  const hasContent = (l: ParsedLine) => l.kind === 'item' || (format === 'json' && l.status === 'ok');
  if (!lines.some(hasContent)) {
    const why: Record<WatchlistFormat, string> = {
      json: 'the watchlist file has no entries with a symbol',
      csv: 'the CSV has a header but no rows with a symbol',
      tradingview: 'the file has section headers but no symbols',
      plain:
        trimmed === '' ? 'the file has no text, only blanks' : 'the file has no symbols, only comments and blank lines',
    };
    return { ok: false, reason: why[format] };
  }
  if (lines.length > MAX_WATCHLIST_ENTRIES) {
    return {
      ok: false,
      reason: `the file has ${lines.length} entries; a watchlist holds at most ${MAX_WATCHLIST_ENTRIES}`,
    };
  }
  const named = typeof jsonName === 'string' ? normaliseWatchlistName(jsonName) : null;
  return {
    ok: true,
    value: {
      format,
      encoding,
      defaultName: named?.ok ? named.value : defaultNameFromFileName(fileName),
      lines,
      notices: collected.notices,
      ignoredColumns: collected.ignoredColumns,
    },
  };
}

/** Decodes (see {@link decodeWatchlistBytes}) and parses a file's bytes. */
export function parseWatchlistFile(fileName: string, bytes: Uint8Array): ParseResult {
  const decoded = decodeWatchlistBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseWatchlistText(fileName, decoded.text, decoded.encoding);
}

/** The entries an import stores: every section line and every `ok` item, in file order. */
export function entriesOfLines(lines: readonly ParsedLine[]): WatchlistEntry[] {
  const out: WatchlistEntry[] = [];
  for (const l of lines) {
    if (l.status !== 'ok') continue;
    if (l.kind === 'section') out.push({ kind: 'section', label: l.section! });
    else out.push({ kind: 'item', symbol: l.symbol!, note: l.note, exchange: l.exchange });
  }
  return out;
}
