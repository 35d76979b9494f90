import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/db/open';
import { runCli } from '../../../helpers/run-cli';
import { useTempDir } from '../../../helpers/temp-db';

const tmp = useTempDir();
const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures', 'watchlists');

function json(stdout: string): unknown {
  return JSON.parse(stdout);
}

function rowCounts(db: string) {
  const d = openDatabase(db);
  try {
    return d
      .prepare('SELECT (SELECT count(*) FROM watchlists) AS lists, (SELECT count(*) FROM watchlist_items) AS items')
      .get();
  } finally {
    d.close();
  }
}

describe('catalyst watchlist import', () => {
  it('prints exactly the documented JSON through the installed command', async () => {
    const db = tmp.dbPath();
    const run = promisify(execFile);
    const bin = join(ROOT, 'bin', 'catalyst.mjs');
    const r = await run(process.execPath, [
      bin,
      '--db',
      db,
      '--json',
      'watchlist',
      'import',
      join(FIX, 'tradingview-china-tech.txt'),
      '--name',
      'China tech',
    ]);
    const out = json(r.stdout) as {
      name: string;
      format: string;
      items: Array<Record<string, unknown>>;
      imported: number;
    };
    expect(Object.keys(out)).toEqual(['name', 'format', 'items', 'imported', 'notices', 'ignoredColumns']);
    expect(out).toMatchObject({ name: 'China tech', format: 'tradingview', imported: 15 });
    expect(out.items).toHaveLength(18);
    expect(out.items[0]).toEqual({
      line: 1,
      entry: 1,
      input: '###Indices',
      symbol: null,
      section: 'Indices',
      status: 'ok',
      error: null,
      duplicateOf: null,
      duplicateOfEntry: null,
    });
    expect(out.items[7]).toEqual({
      line: 1,
      entry: 8,
      input: 'HKEX:700',
      symbol: '0700.HK',
      section: 'HK tech',
      status: 'ok',
      error: null,
      duplicateOf: null,
      duplicateOfEntry: null,
    });
    for (const item of out.items)
      expect(Object.keys(item)).toEqual([
        'line',
        'entry',
        'input',
        'symbol',
        'section',
        'status',
        'error',
        'duplicateOf',
        'duplicateOfEntry',
      ]);
  }, 60_000);

  it('--dry-run writes nothing and reports imported 0', async () => {
    const db = tmp.dbPath();
    const r = await runCli([
      '--db',
      db,
      '--json',
      'watchlist',
      'import',
      join(FIX, 'yahoo-portfolio.csv'),
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ name: 'yahoo-portfolio', format: 'csv', imported: 0 });
    expect(rowCounts(db)).toEqual({ lists: 0, items: 0 });
  });

  it('reports per-line errors, imports the valid lines, and exits 2', async () => {
    const db = tmp.dbPath();
    const r = await runCli(['--db', db, '--json', 'watchlist', 'import', join(FIX, 'malformed', 'bad-lines.txt')]);
    expect(r.code).toBe(2);
    const out = json(r.stdout) as {
      items: Array<{ status: string; error: string | null; line: number }>;
      imported: number;
    };
    expect(out.imported).toBe(3);
    expect(out.items.filter((i) => i.status === 'error').map((i) => [i.line, i.error])).toEqual([
      [3, '"not/a/symbol" is not a symbol (expected e.g. 9988.HK, BABA, ^HSI or HKEX:9988)'],
      [4, '"0.HK": 0 is not a Hong Kong stock code'],
      [6, '"$$$" is not a symbol (expected e.g. 9988.HK, BABA, ^HSI or HKEX:9988)'],
    ]);
  });

  it('imported is 0 when nothing is valid, and nothing is created', async () => {
    const db = tmp.dbPath();
    const file = join(tmp.dir(), 'crypto.txt');
    writeFileSync(file, 'BINANCE:BTCUSDT,COINBASE:ETHUSD');
    const r = await runCli(['--db', db, '--json', 'watchlist', 'import', file]);
    // Nothing valid is a failed command (1); 2 is only for a partial failure (issue 9).
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toMatchObject({ name: 'crypto', imported: 0 });
    expect(rowCounts(db)).toEqual({ lists: 0, items: 0 });
  });

  it('a dry run of a file whose every line is an error reports each line and exits 2 (the check was done)', async () => {
    const db = tmp.dbPath();
    const file = join(tmp.dir(), 'fx.txt');
    writeFileSync(file, 'OANDA:EURUSD, OANDA:USDJPY\nBINANCE:BTCUSDT');
    const r = await runCli(['--db', db, '--json', 'watchlist', 'import', file, '--dry-run']);
    expect(r.code).toBe(2);
    const out = json(r.stdout) as { items: Array<{ status: string; error: string | null }>; imported: number };
    expect(out.imported).toBe(0);
    expect(out.items.map((i) => i.status)).toEqual(['error', 'error', 'error']);
    expect(out.items[0]?.error).toContain('OANDA');
    expect(out.items[2]?.error).toContain('BINANCE');
    expect(rowCounts(db)).toEqual({ lists: 0, items: 0 });
  });

  it.each([
    [
      'chart-screenshot.png',
      'Cannot import chart-screenshot.png: the file is a PNG image, not a text watchlist. Nothing was imported.',
    ],
    [
      'future-version.json',
      'Cannot import future-version.json: the file is watchlist format version 2, written by a newer Catalyst; this version reads up to 1. Nothing was imported.',
    ],
    [
      'no-symbol-column.csv',
      'Cannot import no-symbol-column.csv: the CSV has no Symbol, Ticker or Code column (first line: "Name,Last Price,Change %"). Nothing was imported.',
    ],
  ])('exits 1 with a JSON error when the file %s is rejected', async (file, message) => {
    const db = tmp.dbPath();
    const r = await runCli(['--db', db, '--json', 'watchlist', 'import', join(FIX, 'malformed', file)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(json(r.stderr)).toEqual({ error: { code: 'invalid-input', message } });
    expect(rowCounts(db)).toEqual({ lists: 0, items: 0 });
  });

  it('refuses a file over the limit before reading it, and a missing file', async () => {
    const db = tmp.dbPath();
    const big = join(tmp.dir(), 'big.txt');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x20));
    const r = await runCli(['--db', db, '--json', 'watchlist', 'import', big]);
    expect(r.code).toBe(1);
    expect(json(r.stderr)).toEqual({
      error: {
        code: 'invalid-input',
        message:
          'Cannot import big.txt: the file is 2097152 bytes (2 MiB); the limit is 1048576 bytes (1 MiB). Nothing was imported.',
      },
    });
    const missing = await runCli(['--db', db, '--json', 'watchlist', 'import', join(tmp.dir(), 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(json(missing.stderr)).toEqual({
      // --json never carries absolute paths (issue 9): the file name only.
      error: { code: 'invalid-input', message: 'Cannot read nope.txt: ENOENT' },
    });
  });

  it('refuses a taken name (also on a dry run), merges with --merge, and needs the target to exist', async () => {
    const db = tmp.dbPath();
    expect(
      (await runCli(['--db', db, 'watchlist', 'import', join(FIX, 'tradingview-china-tech.txt'), '--name', 'Asia']))
        .code,
    ).toBe(0);
    for (const extra of [[], ['--dry-run']]) {
      const clash = await runCli([
        '--db',
        db,
        '--json',
        'watchlist',
        'import',
        join(FIX, 'plain-with-comments.txt'),
        '--name',
        'ASIA',
        ...extra,
      ]);
      expect(clash.code).toBe(1);
      expect((json(clash.stderr) as { error: { code: string } }).error.code).toBe('conflict');
    }
    const dry = await runCli([
      '--db',
      db,
      '--json',
      'watchlist',
      'import',
      join(FIX, 'plain-with-comments.txt'),
      '--name',
      'asia',
      '--merge',
      '--dry-run',
    ]);
    const dryOut = json(dry.stdout) as {
      name: string;
      items: Array<{ symbol: string; status: string }>;
      imported: number;
    };
    expect(dryOut.name).toBe('Asia');
    expect(dryOut.imported).toBe(0);
    expect(dryOut.items.filter((i) => i.status === 'ok').map((i) => i.symbol)).toEqual([]);
    expect(dryOut.items.filter((i) => i.status === 'duplicate')).toHaveLength(11);

    const merged = await runCli([
      '--db',
      db,
      '--json',
      'watchlist',
      'import',
      join(FIX, 'yahoo-portfolio.csv'),
      '--name',
      'Asia',
      '--merge',
    ]);
    expect(merged.code).toBe(0);
    expect(json(merged.stdout)).toMatchObject({ name: 'Asia', imported: 0 });
    const noTarget = await runCli([
      '--db',
      db,
      '--json',
      'watchlist',
      'import',
      join(FIX, 'yahoo-portfolio.csv'),
      '--name',
      'Europe',
      '--merge',
    ]);
    expect(noTarget.code).toBe(1);
    expect(json(noTarget.stderr)).toEqual({
      error: {
        code: 'not-found',
        message: 'There is no watchlist named "Europe" to merge into (drop --merge to create it).',
      },
    });
  });

  it('prints a readable table without --json', async () => {
    const db = tmp.dbPath();
    const r = await runCli([
      '--db',
      db,
      'watchlist',
      'import',
      join(FIX, 'malformed', 'unknown-prefixes.txt'),
      '--dry-run',
    ]);
    expect(r.stdout).toContain('BINANCE:BTCUSDT');
    expect(r.stdout).toMatch(/unknown exchange prefix "BINANCE"/);
    expect(r.stdout).toMatch(/tradingview file; 2 ok, 1 duplicate, 8 error\(s\)\. Dry run: nothing written/);
  });
});

describe('catalyst watchlist export / list', () => {
  it('exports the three formats to stdout or a file, and lists the lists', async () => {
    const db = tmp.dbPath();
    await runCli(['--db', db, 'watchlist', 'import', join(FIX, 'tradingview-china-tech.txt'), '--name', 'China tech']);
    await runCli(['--db', db, 'watchlist', 'import', join(FIX, 'catalyst-china-tech.json')]);

    const tv = await runCli(['--db', db, 'watchlist', 'export', 'china tech', '--format', 'tradingview']);
    expect(tv.code).toBe(0);
    expect(tv.stdout).toBe(`${readFileSync(join(FIX, 'tradingview-china-tech.txt'), 'utf8')}\n`);

    const out = join(tmp.dir(), 'out.csv');
    const csv = await runCli([
      '--db',
      db,
      '--json',
      'watchlist',
      'export',
      'China tech rally 2025',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(csv.code).toBe(0);
    expect(json(csv.stdout)).toMatchObject({ name: 'China tech rally 2025', format: 'csv', file: out, warnings: [] });
    const written = readFileSync(out, 'utf8');
    expect(written).toContain("0700.HK,Others,'=Hunyuan T1,\r\n");

    const tvWarn = await runCli([
      '--db',
      db,
      'watchlist',
      'export',
      'China tech rally 2025',
      '--format',
      'tradingview',
    ]);
    expect(tvWarn.stderr).toBe(
      'warning: 4 note(s) left out: TradingView watchlist files have no notes (export CSV or JSON to keep them)\n',
    );

    const j = await runCli(['--db', db, '--json', 'watchlist', 'export', 'China tech rally 2025', '--format', 'json']);
    const file = json(j.stdout) as { fileName: string; content: string };
    expect(file.fileName).toBe('China tech rally 2025.json');
    expect(JSON.parse(file.content)).toMatchObject({
      format: 'catalyst-watchlist',
      version: 1,
      name: 'China tech rally 2025',
    });

    const list = await runCli(['--db', db, '--json', 'watchlist', 'list']);
    expect(
      (json(list.stdout) as Array<Record<string, unknown>>).map((l) => [l.name, l.itemCount, l.sectionCount]),
    ).toEqual([
      ['China tech', 15, 3],
      ['China tech rally 2025', 7, 4],
    ]);
  });

  it('refuses an unknown list or format', async () => {
    const db = tmp.dbPath();
    const missing = await runCli(['--db', db, '--json', 'watchlist', 'export', 'Nope', '--format', 'csv']);
    expect(missing.code).toBe(1);
    expect((json(missing.stderr) as { error: { code: string } }).error.code).toBe('not-found');
    const fmt = await runCli(['--db', db, '--json', 'watchlist', 'export', 'Nope', '--format', 'xlsx']);
    expect(fmt.code).toBe(1);
    expect(json(fmt.stderr)).toEqual({
      error: { code: 'invalid-input', message: '--format: must be tradingview, csv or json' },
    });
    const none = await runCli(['--db', db, '--json', 'watchlist', 'export', 'Nope']);
    expect(json(none.stderr)).toEqual({
      error: { code: 'invalid-input', message: '--format is required: tradingview, csv or json' },
    });
  });
});
