import Papa from 'papaparse';
import { isIsoDate, type IsoDate } from '../../../shared/brand';
import { barProblem, toBar, type Bar } from '../../../shared/domain/bar';
import { CatalystError } from '../../../shared/contract/errors';

/** One problem in a bars CSV, by 1-based physical line number. */
export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

/** The largest bars CSV accepted (about 200 years of daily bars with room to spare). */
export const MAX_BARS_CSV_BYTES = 20 * 1024 * 1024;

const KNOWN = new Map<string, keyof RowColumns>([
  ['date', 'date'],
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['adj_close', 'adjClose'],
  ['adj close', 'adjClose'],
  ['adjclose', 'adjClose'],
  ['volume', 'volume'],
]);

interface RowColumns {
  date: number;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(raw: string | undefined, name: string, required: boolean): number | null | string {
  const v = (raw ?? '').trim();
  if (v === '') return required ? `${name} is empty` : null;
  if (!NUMBER.test(v)) return `${name} "${v}" is not a number`;
  return Number(v);
}

/**
 * Parses a daily-bars CSV with the header `date,open,high,low,close,volume` (or `date,close`,
 * optionally with `adj_close`). Validates every row and throws one `invalid-input` error that
 * lists every bad line, so a caller writes all rows or none. Rows come back ascending by date.
 */
export function parseBarsCsv(text: string): Bar[] {
  if (text.length > MAX_BARS_CSV_BYTES) {
    throw new CatalystError('invalid-input', `the file is larger than ${MAX_BARS_CSV_BYTES / 1024 / 1024} MiB`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\u0000')) throw new CatalystError('invalid-input', 'the file is binary, not a CSV');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false });
  const rows = parsed.data;
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new CatalystError('invalid-input', 'the file is empty');
  const header = rows[headerIndex]!.map((c) => c.trim().toLowerCase());
  const cols: Partial<RowColumns> = {};
  for (const [i, name] of header.entries()) {
    const key = KNOWN.get(name);
    if (!key)
      throw new CatalystError(
        'invalid-input',
        `line ${headerIndex + 1}: unknown column "${name}" (expected date,open,high,low,close,volume)`,
      );
    if (cols[key] !== undefined)
      throw new CatalystError('invalid-input', `line ${headerIndex + 1}: column "${name}" appears twice`);
    cols[key] = i;
  }
  if (cols.date === undefined || cols.close === undefined) {
    throw new CatalystError('invalid-input', `line ${headerIndex + 1}: the header needs at least "date" and "close"`);
  }
  const ohlc = [cols.open, cols.high, cols.low].filter((c) => c !== undefined).length;
  if (ohlc !== 0 && ohlc !== 3) {
    throw new CatalystError(
      'invalid-input',
      `line ${headerIndex + 1}: open, high and low must all be columns, or none of them`,
    );
  }

  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  const bars: Bar[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = i + 1;
    if (row.length === 1 && row[0]!.trim() === '') continue;
    if (row.length !== header.length) {
      problems.push({ line, reason: `expected ${header.length} fields, found ${row.length}` });
      continue;
    }
    const date = row[cols.date]!.trim();
    if (!isIsoDate(date)) {
      problems.push({ line, reason: `date "${date}" is not a real date in YYYY-MM-DD form` });
      continue;
    }
    const first = seen.get(date);
    if (first !== undefined) {
      problems.push({ line, reason: `duplicate date ${date} (first on line ${first})` });
      continue;
    }
    seen.set(date, line);
    const values: Record<string, number | null> = {};
    let bad: string | null = null;
    for (const [key, name, required] of [
      ['open', 'open', true],
      ['high', 'high', true],
      ['low', 'low', true],
      ['close', 'close', true],
      ['adjClose', 'adj_close', false],
      ['volume', 'volume', false],
    ] as const) {
      const idx = cols[key];
      if (idx === undefined) {
        values[key] = null;
        continue;
      }
      const v = parseNumber(row[idx], name, required);
      if (typeof v === 'string') {
        bad = v;
        break;
      }
      values[key] = v;
    }
    if (bad) {
      problems.push({ line, reason: bad });
      continue;
    }
    const input = {
      date: date as IsoDate,
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
  if (problems.length) {
    const shown = problems.slice(0, 20).map((p) => `line ${p.line}: ${p.reason}`);
    if (problems.length > 20) shown.push(`… and ${problems.length - 20} more`);
    throw new CatalystError(
      'invalid-input',
      `the CSV has ${problems.length} bad row(s); nothing was imported:\n${shown.join('\n')}`,
      {
        problems,
      },
    );
  }
  if (bars.length === 0) throw new CatalystError('invalid-input', 'the file has a header but no rows');
  return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
