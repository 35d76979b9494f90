import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-db';
import { runCli } from '../../helpers/run-cli';

const tmp = useTempDir();
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'market', '1810.HK.csv');

function csvRows(path: string) {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').trim(), { header: true }).data;
}

describe('catalyst import-bars / bars', () => {
  it('round-trips a real CSV through the installed command (npx catalyst)', async () => {
    const db = tmp.dbPath();
    const run = promisify(execFile);
    // process.execPath is the pinned Node that runs this test; the bin checks the version itself.
    const bin = join(ROOT, 'bin', 'catalyst.mjs');
    const imported = await run(process.execPath, [
      bin,
      '--db',
      db,
      '--json',
      'import-bars',
      FIXTURE,
      '--symbol',
      '1810.hk',
    ]);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      symbol: '1810.HK',
      rows: 338,
      changed: 338,
      from: '2024-01-02',
      to: '2025-05-21',
    });
    const out = await run(process.execPath, [bin, '--db', db, '--json', 'bars', '1810.HK']);
    const bars = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    const expected = csvRows(FIXTURE).map((r) => ({
      date: r.date,
      open: Number(r.open),
      high: Number(r.high),
      low: Number(r.low),
      close: Number(r.close),
      volume: Number(r.volume),
    }));
    expect(bars).toEqual(expected);
    expect(Object.keys(bars[0]!)).toEqual(['date', 'open', 'high', 'low', 'close', 'volume']);
  }, 60_000);

  it('filters by --from/--to and prints a human table without --json', async () => {
    const db = tmp.dbPath();
    expect((await runCli(['--db', db, 'import-bars', FIXTURE, '--symbol', '1810.HK'])).code).toBe(0);
    const json = await runCli(['--db', db, '--json', 'bars', '1810.HK', '--from', '2025-02-03', '--to', '2025-02-07']);
    expect(JSON.parse(json.stdout).map((b: { date: string }) => b.date)).toEqual([
      '2025-02-03',
      '2025-02-04',
      '2025-02-05',
      '2025-02-06',
      '2025-02-07',
    ]);
    const human = await runCli(['--db', db, 'bars', '1810.HK', '--from', '2025-02-03', '--to', '2025-02-03']);
    expect(human.stdout).toMatch(/2025-02-03 +\d/);
    expect(human.stdout).toMatch(/1 bar\(s\)/);
  });

  it('accepts a close-only file', async () => {
    const db = tmp.dbPath();
    const file = join(tmp.dir(), 'close.csv');
    writeFileSync(file, 'date,close\r\n2025-01-13,4221.92\r\n2025-01-14,4300.5\r\n');
    const r = await runCli(['--db', db, '--json', 'import-bars', file, '--symbol', 'HSTECH.HK']);
    expect(r.code).toBe(0);
    const bars = JSON.parse((await runCli(['--db', db, '--json', 'bars', 'HSTECH.HK'])).stdout);
    expect(bars).toEqual([
      { date: '2025-01-13', open: null, high: null, low: null, close: 4221.92, volume: null },
      { date: '2025-01-14', open: null, high: null, low: null, close: 4300.5, volume: null },
    ]);
  });

  it('rejects a malformed CSV with every bad line named, and changes nothing', async () => {
    const db = tmp.dbPath();
    expect((await runCli(['--db', db, 'import-bars', FIXTURE, '--symbol', '1810.HK'])).code).toBe(0);
    const before = (await runCli(['--db', db, '--json', 'bars', '1810.HK'])).stdout;
    const bad = join(tmp.dir(), 'bad.csv');
    writeFileSync(
      bad,
      [
        'date,open,high,low,close,volume',
        '2025-06-02,20,21,19,20.5,1000',
        '2025-02-30,20,21,19,20.5,1000',
        '2025-06-03,20,19,21,20,1000',
        '2025-06-04,20,21,19,twenty,1000',
        '2025-06-02,20,21,19,20.5,1000',
        '2025-06-05,20,21,19,20.5,1000',
      ].join('\n'),
    );
    const r = await runCli(['--db', db, 'import-bars', bad, '--symbol', '1810.HK']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3: date "2025-02-30" is not a real date');
    expect(r.stderr).toContain('line 4: high 19 is below low 21');
    expect(r.stderr).toContain('line 5: close "twenty" is not a number');
    expect(r.stderr).toContain('line 6: duplicate date 2025-06-02 (first on line 2)');
    expect(r.stderr).toContain('nothing was imported');
    expect((await runCli(['--db', db, '--json', 'bars', '1810.HK'])).stdout).toBe(before);

    const asJson = await runCli(['--db', db, '--json', 'import-bars', bad, '--symbol', '1810.HK']);
    expect(JSON.parse(asJson.stderr)).toMatchObject({ error: { code: 'invalid-input' } });
    expect(asJson.stdout).toBe('');
  });

  it('refuses a new symbol with a bad file without creating the instrument', async () => {
    const db = tmp.dbPath();
    const bad = join(tmp.dir(), 'bad.csv');
    writeFileSync(bad, 'date,open,high,low,close,volume\n2025-06-02,20,21,19,20.5,-5\n');
    const r = await runCli(['--db', db, 'import-bars', bad, '--symbol', 'NEW']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2: volume must be a non-negative whole number');
    const missing = await runCli(['--db', db, '--json', 'bars', 'NEW']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).error.code).toBe('not-found');
  });

  it('reports usage errors with exit code 1', async () => {
    const db = tmp.dbPath();
    expect((await runCli(['--db', db, 'bars'])).stderr).toMatch(/missing SYMBOL/);
    expect((await runCli(['--db', db, 'bars', 'BIDU', '--from', '2025-13-01'])).code).toBe(1);
    expect((await runCli(['--db', db, 'bars', 'BIDU', '--frm', '2025-01-01'])).stderr).toMatch(
      /Unknown option '--frm'/,
    );
    expect((await runCli(['--db', db, 'nonsense'])).code).toBe(1);
    expect((await runCli(['--db', db, 'import-bars', join(tmp.dir(), 'missing.csv'), '--symbol', 'X'])).stderr).toMatch(
      /Cannot read .*ENOENT/,
    );
    expect((await runCli(['--db', db, 'bars', 'not a symbol!'])).stderr).toMatch(/is not a symbol/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/import-bars FILE --symbol SYMBOL/);
  });

  it('uses CATALYST_DB when --db is absent', async () => {
    const db = tmp.dbPath();
    await runCli(['import-bars', FIXTURE, '--symbol', '1810.HK'], { CATALYST_DB: db });
    const r = await runCli(['--json', '--db', db, 'bars', '1810.HK', '--from', '2025-05-21']);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});
