import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { restoreCell } from '../../../src/shared/domain/csv/csv-cells';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const rows = (text: string): string[][] =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

async function barsJson(db: string, symbol: string): Promise<unknown> {
  const r = await runCli(['--db', db, '--json', 'bars', symbol]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('catalyst export csv', () => {
  it.each([['9988.HK'], ['HSTECH.HK'], ['^HSI']])(
    'bars of %s round-trip through import-bars into an empty database unchanged',
    async (symbol) => {
      const seeded = tmp.dbPath();
      expect((await runCli(['--db', seeded, 'seed'])).code).toBe(0);
      const out = join(tmp.dir(), 'bars.csv');
      const r = await runCli(['--db', seeded, '--json', 'export', 'csv', 'bars', symbol, '--out', out, '--bom']);
      expect(r.code, r.stderr).toBe(0);
      const written = JSON.parse(r.stdout) as { file: string; rows: number; bytes: number };
      expect(written.file).toBe(out);
      const original = (await barsJson(seeded, symbol)) as unknown[];
      expect(written.rows).toBe(original.length);
      const text = readFileSync(out, 'utf8');
      expect(text.startsWith('\uFEFFdate,')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);

      const fresh = join(tmp.dir(), 'fresh.db');
      const imp = await runCli(['--db', fresh, '--json', 'import-bars', out, '--symbol', symbol]);
      expect(imp.code, imp.stderr).toBe(0);
      expect(await barsJson(fresh, symbol)).toEqual(original);
    },
  );

  it('bars of a range carry exactly that range; a close-only series has no OHLC columns', async () => {
    const db = tmp.dbPath();
    await runCli(['--db', db, 'seed']);
    const r = await runCli([
      '--db',
      db,
      'export',
      'csv',
      'bars',
      'hstech.hk',
      '--from',
      '2025-01-02',
      '--to',
      '2025-04-16',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const table = rows(r.stdout);
    expect(table[0]).toEqual(['date', 'close', 'adj_close', 'volume']);
    expect(table[1]![0]).toBe('2025-01-02');
    expect(table.at(-1)![0]).toBe('2025-04-16');
    expect(table.find((row) => row[0] === '2025-01-13')![1]).toBe('4221.92');
  });

  it('events: one row per event with ISO dates, T0 per symbol and the article quote', async () => {
    const db = tmp.dbPath();
    const r = await runCli(['--db', db, 'export', 'csv', 'events']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...body] = rows(r.stdout);
    expect(body).toHaveLength(31);
    const col = (name: string) => header!.indexOf(name);
    const qwen = body.find((row) => row[0] === 'qwen25-max-release')!;
    expect(qwen[col('date')]).toBe('2025-01-28');
    expect(qwen[col('time')]).toBe('23:00');
    expect(qwen[col('t0')]).toContain('9988.HK=2025-02-03');
    expect(qwen[col('t0')]).toContain('BABA=2025-01-28');
    expect(qwen[col('quote')]).toMatch(/^Alibaba’s stock surged more than 50%/);
    expect(body.find((row) => row[0] === 'gwm-deepseek')![col('approx_note')]).toBe('early Feb 2025 (≤ 11 Feb)');
  });

  it('claims: value as a full-precision fraction, verdict and the metric parameters', async () => {
    const db = tmp.dbPath();
    const r = await runCli(['--db', db, 'export', 'csv', 'claims']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...body] = rows(r.stdout);
    const col = (name: string) => header!.indexOf(name);
    const baba = body.find((row) => row[col('claim')] === 'alibaba-50pct-after-qwen' && row[col('symbol')] === 'BABA')!;
    expect(baba[col('verdict')]).toBe('holds');
    expect(Number(baba[col('value')])).toBeCloseTo(143.75 / 89.99 - 1, 12);
    expect(baba[col('base_date')]).toBe('2025-01-27');
    expect(JSON.parse(restoreCell(baba[col('metric')]!))).toMatchObject({ kind: 'max-gain-within-days', days: 30 });
    const json = JSON.parse((await runCli(['--db', db, '--json', 'claims'])).stdout) as Array<{
      results: unknown[];
    }>;
    expect(body).toHaveLength(json.reduce((n, c) => n + c.results.length, 0));
  });

  it('event study: one row per event × symbol × window, full-precision fractions equal to `catalyst study --json`', async () => {
    const db = tmp.dbPath();
    const r = await runCli(['--db', db, 'export', 'csv', 'event-study', '--windows', '0:5,-5:-1']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...body] = rows(r.stdout);
    expect(header!.slice(0, 7)).toEqual([
      'event',
      'event_title',
      'symbol',
      'benchmark',
      't0',
      'window_start',
      'window_end',
    ]);
    const col = (name: string) => header!.indexOf(name);
    const json = JSON.parse(
      (await runCli(['--db', db, '--json', 'study', '--study', 'china-tech-rally-2025', '--windows', '0:5,-5:-1']))
        .stdout,
    ) as Array<{
      event: string;
      symbol: string;
      window: [number, number];
      carMarketModel: number | null;
      tStat: number | null;
    }>;
    expect(body).toHaveLength(json.length);
    const qwen = body.find(
      (x) => x[col('event')] === 'qwen25-max-release' && x[col('symbol')] === 'BABA' && x[col('window_start')] === '0',
    )!;
    expect(qwen[col('event_title')]).toBe('Alibaba releases Qwen2.5-Max');
    expect(qwen[col('window_end')]).toBe('5');
    expect(qwen[col('t0')]).toBe('2025-01-28');
    const same = json.find((x) => x.event === 'qwen25-max-release' && x.symbol === 'BABA' && x.window[0] === 0)!;
    expect(Number(qwen[col('car_market_model')])).toBe(same.carMarketModel);
    expect(Number(qwen[col('t_stat')])).toBe(same.tStat);

    const one = await runCli([
      '--db',
      db,
      '--json',
      'export',
      'csv',
      'event-study',
      '--event',
      'qwen25-max-release',
      '--out',
      join(tmp.dir(), 'es.csv'),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ table: 'event-study', rows: 12 * 4 });
    const alias = await runCli(['--db', db, 'export', 'csv', 'study', '--windows', '0:5,-5:-1']);
    expect(alias.stdout).toBe(r.stdout);
    const both = await runCli([
      '--db',
      db,
      '--json',
      'export',
      'csv',
      'event-study',
      '--event',
      'qwen25-max-release',
      '--study',
      'china-tech-rally-2025',
    ]);
    expect(JSON.parse(both.stderr).error.message).toMatch(/either a study or an event/);
  });

  it('compare: each symbol on its own calendar, 100 at its own T0, with its anchor close', async () => {
    const db = tmp.dbPath();
    await runCli(['--db', db, 'seed']);
    const r = await runCli([
      '--db',
      db,
      'export',
      'csv',
      'compare',
      '--symbols',
      '9988.HK,BABA,NOPE',
      '--anchor',
      'qwen25-max-release',
      '--to',
      '2025-03-31',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...body] = rows(r.stdout);
    expect(header).toEqual(['symbol', 'currency', 'anchor_date', 'anchor_close', 'date', 'rebased', 'missing']);
    const hk = body.filter((x) => x[0] === '9988.HK');
    const us = body.filter((x) => x[0] === 'BABA');
    expect(hk.find((x) => x[4] === '2025-02-03')![5]).toBe('100');
    expect(us.find((x) => x[4] === '2025-01-28')![5]).toBe('100');
    expect(hk.every((x) => x[2] === '2025-02-03') && us.every((x) => x[2] === '2025-01-28')).toBe(true);
    expect(us.at(-1)![4]).toBe('2025-03-31');
    const nope = body.filter((x) => x[0] === 'NOPE');
    expect(nope).toHaveLength(1);
    expect(nope[0]![6]).not.toBe('');
    const bad = await runCli(['--db', db, 'export', 'csv', 'compare', '--symbols', 'BABA']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--anchor/);
    const wrong = await runCli(['--db', db, 'export', 'csv', 'events', '--anchor', '2025-01-01']);
    expect(wrong.stderr).toMatch(/--anchor is for compare/);
  });

  it('compare --currency: every series converted with the cached CCY=X rates, as `catalyst compare` prints them', async () => {
    const db = tmp.dbPath();
    await runCli(['--db', db, 'seed']);
    const args = ['--symbols', '9988.HK,BABA', '--anchor', 'qwen25-max-release', '--to', '2025-02-28'];
    // Without the HKD=X rates: 9988.HK says so, BABA is already in USD.
    const before = await runCli(['--db', db, 'export', 'csv', 'compare', ...args, '--currency', 'USD']);
    expect(before.code, before.stderr).toBe(0);
    const [, ...unconverted] = rows(before.stdout.trimEnd());
    expect(unconverted.filter((x) => x[0] === '9988.HK')).toEqual([
      ['9988.HK', 'HKD', '', '', '', '', 'cannot show 9988.HK in USD: HKD=X is not in the cache'],
    ]);
    // A rate that moves: 7.80 HKD per USD on the first session, 0.0005 less each day after.
    const dates = rows((await runCli(['--db', db, 'export', 'csv', 'bars', 'BABA'])).stdout)
      .slice(1)
      .map((x) => x[0]!);
    const fx = join(tmp.dir(), 'HKD=X.csv');
    writeFileSync(fx, ['date,close', ...dates.map((d, i) => `${d},${(7.8 - 0.0005 * i).toFixed(4)}`)].join('\n'));
    const imp = await runCli(['--db', db, 'import-bars', fx, '--symbol', 'HKD=X']);
    expect(imp.code, imp.stderr).toBe(0);
    const r = await runCli(['--db', db, 'export', 'csv', 'compare', ...args, '--currency', 'USD']);
    expect(r.code, r.stderr).toBe(0);
    // (stdout ends in one newline after the last CRLF-separated row)
    const [header, ...body] = rows(r.stdout.trimEnd());
    expect(header).toEqual(['symbol', 'currency', 'anchor_date', 'anchor_close', 'date', 'rebased', 'missing']);
    const json = await runCli(['--db', db, '--json', 'compare', ...args, '--currency', 'USD']);
    const printed = JSON.parse(json.stdout) as Array<{
      symbol: string;
      points: Array<{ date: string; value: number }>;
    }>;
    for (const s of printed) {
      const lines = body.filter((x) => x[0] === s.symbol);
      expect(lines.every((x) => x[1] === 'USD' && x[6] === '')).toBe(true);
      expect(lines.map((x) => [x[4], Number(x[5])])).toEqual(s.points.map((p) => [p.date, p.value]));
    }
    // Converted, the Hong Kong line differs from its own-currency line after the anchor.
    const own = rows((await runCli(['--db', db, 'export', 'csv', 'compare', ...args])).stdout);
    const at = (t: string[][], d: string) => Number(t.find((x) => x[0] === '9988.HK' && x[4] === d)![5]);
    expect(at(body, '2025-02-28')).not.toBeCloseTo(at(own, '2025-02-28'), 3);
    const bad = await runCli(['--db', db, 'export', 'csv', 'compare', ...args, '--currency', 'usd']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--currency/);
    const wrong = await runCli(['--db', db, 'export', 'csv', 'claims', '--currency', 'USD']);
    expect(wrong.stderr).toMatch(/--currency is for compare/);
  });

  it('refuses an unknown table, a bad date and an unknown study with exit 1', async () => {
    const db = tmp.dbPath();
    const bad = await runCli(['--db', db, 'export', 'csv', 'trades']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/TABLE: must be one of bars, events, claims/);
    const date = await runCli(['--db', db, 'export', 'csv', 'bars', 'BABA', '--from', '2025-02-30']);
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/--from/);
    const study = await runCli(['--db', db, '--json', 'export', 'csv', 'events', '--study', 'no-such-study']);
    expect(study.code).toBe(1);
    expect(JSON.parse(study.stderr).error.code).toBe('not-found');
  });
});
