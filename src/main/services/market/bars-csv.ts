import Papa from 'papaparse';
import type { IsoDate } from '../../../shared/brand';
import { barProblem, toBar, type Bar } from '../../../shared/domain/bar';
import { CatalystError } from '../../../shared/contract/errors';
import { MAX_BARS_CSV_BYTES, type LineProblem } from '../../../shared/domain/bars-import';
import {
  conventionalDateOrder,
  detectFormat,
  FORMAT_LABELS,
  mapHeader,
  sniffDelimiter,
  type BarField,
  type BarsCsvFormat,
  type ColumnMapping,
} from './bars-csv-format';
import {
  dateShape,
  detectDecimalMark,
  isEmptyCell,
  parseNumberCell,
  resolveDateOrder,
  shapeToDate,
  type DateOrder,
  type DecimalMark,
} from './bars-csv-values';

export type { LineProblem };

export { MAX_BARS_CSV_BYTES };

/** Choices that override what is detected (CLI flags; the preview's controls). */
export interface BarsCsvOptions {
  /** Day/month order for numeric dates such as `03/04/2025`. */
  readonly dateOrder?: DateOrder;
  /** Header name (or null: not used) per field, replacing the automatic mapping for that field. */
  readonly mapping?: Partial<Record<BarField, string | null>>;
}

/** Everything read from a bars CSV; `problems` empty means `bars` may be written. */
export interface BarsCsvReading {
  readonly format: BarsCsvFormat;
  /** The format as shown to people ("investing.com export"). */
  readonly formatLabel: string;
  readonly delimiter: string;
  readonly decimalMark: DecimalMark;
  /** Day/month order used for the date column (`ymd` for ISO dates; null when undecided). */
  readonly dateOrder: DateOrder | null;
  /** The header as written, and the field each column feeds (null: ignored). */
  readonly columns: ReadonlyArray<{ readonly name: string; readonly field: BarField | null }>;
  /** Header names of ignored columns, in file order. */
  readonly ignoredColumns: readonly string[];
  /** Valid rows, ascending by date. */
  readonly bars: readonly Bar[];
  /** Rows left out on purpose (Yahoo's all-`null` holiday rows), with the reason. */
  readonly skipped: readonly LineProblem[];
  /** Everything wrong with the file, all at once (line 0: the file as a whole). */
  readonly problems: readonly LineProblem[];
}

const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'adjClose'] as const;
const FIELD_NAMES: Record<BarField, string> = {
  date: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adjClose: 'adj_close',
  volume: 'volume',
};

function fail(message: string): never {
  throw new CatalystError('invalid-input', message);
}

/**
 * Reads a daily-bars CSV of any recognised download (see {@link detectFormat}): detects the
 * delimiter, decimal mark, column mapping and date order, then checks every row. Never
 * throws for row problems: they are all returned in `problems`. Throws `invalid-input` only
 * for a file that is not a CSV at all (empty, binary, over the size limit).
 */
export function readBarsCsv(text: string, options: BarsCsvOptions = {}): BarsCsvReading {
  const steps = readingSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Data rows checked between two turns of the event loop by {@link readBarsCsvSliced}. */
export const ROWS_PER_SLICE = 1000;

/**
 * {@link readBarsCsv} in slices, for the main process: the same reading, with a turn of the
 * event loop (`yieldToLoop`) after the file is split into rows and after every
 * {@link ROWS_PER_SLICE} data rows, so a long file never holds the thread for its whole length.
 */
export async function readBarsCsvSliced(
  text: string,
  options: BarsCsvOptions = {},
  yieldToLoop: () => Promise<void> = () => new Promise<void>((r) => setImmediate(r)),
): Promise<BarsCsvReading> {
  const steps = readingSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToLoop();
  }
}

/** The reading as steps: yields where a sliced caller may let the event loop turn. */
function* readingSteps(text: string, options: BarsCsvOptions): Generator<void, BarsCsvReading> {
  if (text.length > MAX_BARS_CSV_BYTES) fail(`the file is larger than ${MAX_BARS_CSV_BYTES / 1024 / 1024} MiB`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\u0000')) fail('the file is binary, not a CSV');
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '');
  if (firstLine === undefined) fail('the file is empty');
  const delimiter = sniffDelimiter(firstLine);
  const rows = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data;
  yield;
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = rows[headerIndex]!;
  const headerLine = headerIndex + 1;
  const head = mapHeader(header, options.mapping);
  const mapping: ColumnMapping = head.mapping;
  const problems: LineProblem[] = head.problems.map((reason) => ({ line: headerLine, reason }));

  const dataRows: Array<{ line: number; cells: string[] }> = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    dataRows.push({ line: i + 1, cells });
  }
  const sample = dataRows
    .slice(0, 2000)
    .flatMap((r) =>
      PRICE_FIELDS.map((f) => (mapping[f] !== undefined ? (r.cells[mapping[f]] ?? '') : '')).filter((c) => c),
    );
  const decimalMark = detectDecimalMark(sample, delimiter);
  const format = detectFormat(header, delimiter, decimalMark);
  const columns = header.map((name, i) => ({
    name: name.trim(),
    field: (Object.entries(mapping).find(([, idx]) => idx === i)?.[0] as BarField | undefined) ?? null,
  }));
  const base = {
    format,
    formatLabel: FORMAT_LABELS[format],
    delimiter,
    decimalMark,
    columns,
    ignoredColumns: head.ignored,
  };
  if (head.problems.length) return { ...base, dateOrder: null, bars: [], skipped: [], problems };

  const dateCol = mapping.date!;
  const resolution = resolveDateOrder(
    dataRows.map((r) => r.cells[dateCol] ?? ''),
    options.dateOrder,
    conventionalDateOrder(format),
  );
  if (resolution.how === 'ambiguous' || resolution.how === 'contradictory') {
    const ex = 'example' in resolution ? resolution.example : '';
    problems.push({
      line: 0,
      reason:
        resolution.how === 'ambiguous'
          ? `dates such as ${ex} can be read as MM/DD/YYYY or DD/MM/YYYY and the file does not say which: choose one (--date-format MM/DD/YYYY or DD/MM/YYYY)`
          : `the date column mixes MM/DD/YYYY and DD/MM/YYYY (values above 12 on both sides, e.g. ${ex})`,
    });
  }
  const order = resolution.order;

  const skipped: LineProblem[] = [];
  const seen = new Map<string, number>();
  const bars: Bar[] = [];
  const valueFields = (['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const).filter(
    (f) => mapping[f] !== undefined,
  );
  const suffixes = format === 'investing.com';
  let checked = 0;
  for (const { line, cells } of dataRows) {
    if (++checked % ROWS_PER_SLICE === 0) yield;
    if (cells.length !== header.length) {
      problems.push({ line, reason: `expected ${header.length} fields, found ${cells.length}` });
      continue;
    }
    const rawDate = cells[dateCol]!.trim();
    // Yahoo writes holidays and half days as rows of `null`, yfinance as empty cells (NaN):
    // not a bar, not an error. (In a close-only file an empty close stays an error.)
    const values0 = valueFields.map((f) => cells[mapping[f]!]!.trim());
    const allNull = values0.every((v) => v === 'null' || isEmptyCell(v)) && values0.includes('null');
    const allEmpty = mapping.open !== undefined && values0.every((v) => isEmptyCell(v));
    if (allNull || allEmpty) {
      skipped.push({ line, reason: `${rawDate}: no prices (${allNull ? 'null' : 'empty'})` });
      continue;
    }
    let date: IsoDate | null = null;
    const shape = dateShape(rawDate);
    if (shape.kind === 'bad') {
      problems.push({
        line,
        reason: `date "${rawDate}" is not a date (expected YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)`,
      });
    } else if (order !== null || shape.kind === 'exact') {
      date = shapeToDate(shape, order);
      if (date === null) problems.push({ line, reason: `date "${rawDate}" is not a real date` });
    } else if (shapeToDate(shape, 'mdy') === null && shapeToDate(shape, 'dmy') === null) {
      problems.push({ line, reason: `date "${rawDate}" is not a real date` });
    }
    const values: Partial<Record<BarField, number | null>> = {};
    const rowProblems: string[] = [];
    for (const f of valueFields) {
      const raw = cells[mapping[f]!]!;
      const name = FIELD_NAMES[f];
      if (raw.trim() === 'null' || isEmptyCell(raw)) {
        // open/high/low empty together is a close-only row; barProblem judges a partial one.
        if (f === 'close') rowProblems.push('close is empty');
        values[f] = null;
        continue;
      }
      const v = parseNumberCell(raw, name, decimalMark, f === 'volume' && suffixes);
      if (typeof v === 'string') rowProblems.push(v);
      else values[f] = v;
    }
    if (rowProblems.length) {
      problems.push({ line, reason: rowProblems.join('; ') });
      continue;
    }
    if (date === null) continue;
    const first = seen.get(date);
    if (first !== undefined) {
      problems.push({ line, reason: `duplicate date ${date} (first on line ${first})` });
      continue;
    }
    seen.set(date, line);
    const input = {
      date,
      open: values.open ?? null,
      high: values.high ?? null,
      low: values.low ?? null,
      close: values.close!,
      adjClose: values.adjClose ?? null,
      volume: values.volume ?? null,
    };
    const problem = barProblem(input);
    if (problem) {
      problems.push({ line, reason: problem });
      continue;
    }
    bars.push(toBar(input));
  }
  if (dataRows.length === 0) problems.push({ line: 0, reason: 'the file has a header but no rows' });
  else if (bars.length === 0 && problems.length === 0)
    problems.push({ line: 0, reason: 'the file has no rows with prices' });
  bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...base, dateOrder: order, bars, skipped, problems };
}

/** One line per problem, capped, for an error message. */
export function describeProblems(problems: readonly LineProblem[], cap = 20): string {
  const shown = problems.slice(0, cap).map((p) => (p.line > 0 ? `line ${p.line}: ${p.reason}` : p.reason));
  if (problems.length > cap) shown.push(`… and ${problems.length - cap} more`);
  return shown.join('\n');
}

/** Throws one `invalid-input` error naming every problem of a reading that has any. */
export function assertReadable(reading: BarsCsvReading): void {
  const { problems } = reading;
  if (problems.length === 0) return;
  const rowCount = new Set(problems.filter((p) => p.line > 0).map((p) => p.line)).size;
  const headline =
    rowCount === problems.length
      ? `the CSV has ${problems.length} bad row(s); nothing was imported:`
      : `the CSV has ${problems.length} problem(s); nothing was imported:`;
  throw new CatalystError('invalid-input', `${headline}\n${describeProblems(problems)}`, { problems });
}

/**
 * Parses a daily-bars CSV (any recognised format) and throws one `invalid-input` error that
 * lists every problem, so a caller writes all rows or none. Rows come back ascending by date.
 */
export function parseBarsCsv(text: string, options: BarsCsvOptions = {}): Bar[] {
  const reading = readBarsCsv(text, options);
  assertReadable(reading);
  return [...reading.bars];
}
