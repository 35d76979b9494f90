import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-db';
import { runCli } from '../../helpers/run-cli';

const tmp = useTempDir();
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const MARKET = join(ROOT, 'tests', 'fixtures', 'market');
const MALFORMED = join(MARKET, 'malformed');
const FORMATS = join(MARKET, 'formats');

function snapshot(db: string): unknown {
  const conn = new Database(db, { readonly: true });
  try {
    return {
      instruments: conn.prepare('SELECT * FROM instruments ORDER BY symbol').all(),
      bars: conn.prepare('SELECT * FROM bars ORDER BY symbol, date').all(),
    };
  } finally {
    conn.close();
  }
}

const MALFORMED_CASES: Array<[string, RegExp[]]> = [
  [
    'many-bad-rows.csv',
    [
      /line 3: date "2024-02-30" is not a real date/,
      /line 4: high 9 is below low 11/,
      /line 5: close "ten" is not a number/,
      /line 6: duplicate date 2024-03-01 \(first on line 2\)/,
      /line 7: expected 7 fields, found 4/,
      /line 8: close is empty/,
      /line 9: volume must be a non-negative whole number/,
      /line 10: open, high and low must be all present or all empty/,
    ],
  ],
  ['no-date-no-close.csv', [/no date column/, /no close column/, /"Symbol", "Last Sale", "Net Change" ignored/]],
  ['open-without-high-low.csv', [/open, high and low must all be columns.*missing: high, low/]],
  ['ambiguous-dates.csv', [/03\/04\/2024 can be read as MM\/DD\/YYYY or DD\/MM\/YYYY/, /--date-format/]],
  ['mixed-date-orders.csv', [/mixes MM\/DD\/YYYY and DD\/MM\/YYYY/]],
  ['european-bad-values.csv', [/line 3: low "abc" is not a number/, /line 4: close must be positive \(got -5\)/]],
  ['header-only.csv', [/a header but no rows/]],
  ['only-null-rows.csv', [/no rows with prices/]],
  ['picture.csv', [/the file is a PNG image, not a CSV of daily bars/]],
];

describe('catalyst import-bars: real downloads and malformed files', () => {
  it.each(MALFORMED_CASES)('refuses %s with every reason at once and changes nothing', async (file, reasons) => {
    const db = tmp.dbPath();
    expect((await runCli(['--db', db, 'import-bars', join(MARKET, '1810.HK.csv'), '--symbol', '1810.HK'])).code).toBe(
      0,
    );
    const before = snapshot(db);
    for (const symbol of ['1810.HK', 'NEWSYM']) {
      const r = await runCli(['--db', db, '--json', 'import-bars', join(MALFORMED, file), '--symbol', symbol]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid-input');
      for (const reason of reasons) expect(error.message).toMatch(reason);
    }
    expect(snapshot(db)).toEqual(before);
  });

  it('imports an investing.com export: detected format, ignored columns, provenance with the file name', async () => {
    const db = tmp.dbPath();
    const r = await runCli([
      '--db',
      db,
      '--json',
      'import-bars',
      join(FORMATS, 'investing-com.csv'),
      '--symbol',
      '^HSI',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      symbol: '^HSI',
      rows: 4,
      changed: 4,
      from: '2024-05-29',
      to: '2024-06-03',
      format: 'investing.com',
      ignoredColumns: ['Change %'],
      skipped: [],
      encoding: 'utf-8-bom',
    });
    const inst = await runCli(['--db', db, '--json', 'bars', '^HSI']);
    expect(JSON.parse(inst.stdout)).toHaveLength(4);
    const conn = new Database(db, { readonly: true });
    const row = conn.prepare('SELECT provenance FROM instruments WHERE symbol = ?').get('^HSI') as {
      provenance: string;
    };
    conn.close();
    expect(row.provenance).toBe('imported from investing-com.csv (investing.com export)');
  });

  it('prints skipped rows and ignored columns in the human output', async () => {
    const db = tmp.dbPath();
    const r = await runCli(['--db', db, 'import-bars', join(FORMATS, 'yfinance-to-csv.csv'), '--symbol', 'CALM']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('format: yfinance to_csv()');
    expect(r.stdout).toContain('ignored: Dividends, Stock Splits');
    expect(r.stdout).toContain('skipped 1 row(s) without prices:');
    expect(r.stdout).toContain('line 4: 2024-03-12 00:00:00-04:00: no prices (empty)');
  });

  it('resolves ambiguous dates with --date-format, and refuses an unknown one', async () => {
    const db = tmp.dbPath();
    const file = join(MALFORMED, 'ambiguous-dates.csv');
    const dmy = await runCli([
      '--db',
      db,
      '--json',
      'import-bars',
      file,
      '--symbol',
      'X',
      '--date-format',
      'DD/MM/YYYY',
    ]);
    expect(JSON.parse(dmy.stdout)).toMatchObject({ from: '2024-03-04', to: '2024-04-03', dateOrder: 'dmy' });
    const bad = await runCli(['--db', db, 'import-bars', file, '--symbol', 'X', '--date-format', 'YY/DD']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--date-format: "YY\/DD" is not one of/);
  });

  it('--keep-cached adds only new dates; the default replaces differing rows', async () => {
    const db = tmp.dbPath();
    const a = join(tmp.dir(), 'a.csv');
    const b = join(tmp.dir(), 'b.csv');
    writeFileSync(a, 'date,close\n2025-01-02,10\n2025-01-03,11\n');
    writeFileSync(b, 'date,close\n2025-01-03,12\n2025-01-06,13\n');
    await runCli(['--db', db, 'import-bars', a, '--symbol', 'K']);
    const kept = await runCli(['--db', db, '--json', 'import-bars', b, '--symbol', 'K', '--keep-cached']);
    expect(JSON.parse(kept.stdout).changed).toBe(1);
    const closes = async () =>
      (JSON.parse((await runCli(['--db', db, '--json', 'bars', 'K'])).stdout) as Array<{ close: number }>).map(
        (x) => x.close,
      );
    expect(await closes()).toEqual([10, 11, 13]);
    await runCli(['--db', db, 'import-bars', b, '--symbol', 'K']);
    expect(await closes()).toEqual([10, 12, 13]);
  });

  it('refuses a 3 GiB file from its size alone, without reading it', async () => {
    const db = tmp.dbPath();
    const big = join(tmp.dir(), 'huge.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 3 * 1024 * 1024 * 1024); // sparse: takes no disk space
    closeSync(fd);
    const started = Date.now();
    const r = await runCli(['--db', db, 'import-bars', big, '--symbol', 'BIG']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('huge.csv: the file is 3221225472 bytes (3072 MiB); the limit is 20971520 bytes');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
