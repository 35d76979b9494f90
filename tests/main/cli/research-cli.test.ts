import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const cli = (...args: string[]) => runCli(['--db', tmp.dbPath(), '--json', ...args], {}, tmp.dir());
const json = <T>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

interface EventOut {
  id: string;
  title: string;
  category: string;
  symbols: string[];
  note: string;
  url: string | null;
  window: { from: string; to: string } | null;
  hidden: boolean;
  t0: Record<string, string | null>;
}

describe('catalyst events add|edit|delete|hide|import|export', () => {
  it('adds an event with its id, edits, hides and deletes it', async () => {
    const add = await cli(
      'events',
      'add',
      '--date',
      '2025-02-03',
      '--time',
      '09:00',
      '--timezone',
      'Asia/Hong_Kong',
      '--title',
      'Reopening note',
      '--category',
      'market',
      '--symbols',
      '9988.HK,BABA',
      '--note',
      'first session after LNY',
      '--url',
      'https://example.com/n',
      '--window',
      '2025-02-03:2025-02-07',
      '--study',
      'china-tech-rally-2025',
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const e = json<EventOut>(add);
    expect(e).toMatchObject({
      id: 'user-20250203-reopening-note',
      category: 'market',
      symbols: ['9988.HK', 'BABA'],
      note: 'first session after LNY',
      url: 'https://example.com/n',
      window: { from: '2025-02-03', to: '2025-02-07' },
      hidden: false,
      // 09:00 Hong Kong is 20:00 the day before in New York, after that day's close.
      t0: { '9988.HK': '2025-02-03', BABA: '2025-02-03' },
    });
    // It is listed with the study's events.
    const list = json<EventOut[]>(await cli('events'));
    expect(list.some((x) => x.id === e.id)).toBe(true);

    const edit = await cli('events', 'edit', e.id, '--title', 'Reopening', '--symbols', 'BABA');
    expect(edit.code).toBe(0);
    expect(json<EventOut>(edit)).toMatchObject({ id: e.id, title: 'Reopening', symbols: ['BABA'], category: 'market' });

    const hide = await cli('events', 'hide', 'qwen25-max-release');
    expect(json<EventOut>(hide)).toMatchObject({ id: 'qwen25-max-release', hidden: true });
    expect(json<EventOut>(await cli('events', 'hide', 'qwen25-max-release', '--show')).hidden).toBe(false);

    const seedEdit = await cli('events', 'edit', 'qwen25-max-release', '--title', 'x');
    expect(seedEdit.code).toBe(1);
    expect(JSON.parse(seedEdit.stderr)).toMatchObject({ error: { code: 'conflict' } });

    const del = await cli('events', 'delete', e.id);
    expect(json<{ deleted: string }>(del).deleted).toBe(e.id);
    expect((await cli('events', 'delete', e.id)).code).toBe(1);
  });

  it('refuses bad input with the option named, and writes nothing', async () => {
    const r = await cli(
      'events',
      'add',
      '--date',
      '2025-02-30',
      '--title',
      'x',
      '--category',
      'nope',
      '--symbols',
      'A',
    );
    expect(r.code).toBe(1);
    const msg = (JSON.parse(r.stderr) as { error: { message: string } }).error.message;
    expect(msg).toContain('--date: must be a real date');
    expect(msg).toContain('--category:');
    expect(
      (await cli('events', 'add', '--date', '2025-02-03', '--title', 'x', '--symbols', 'A', '--window', '3:5')).code,
    ).toBe(1);
  });

  it('imports with --dry-run first, all or nothing, and exports', async () => {
    const file = join(tmp.dir(), 'events.csv');
    writeFileSync(
      file,
      'date,time,timezone,title,category,symbols,note,url\n2025-02-10,,,Mine one,user,BABA,,\n2025-02-11,,,Mine two,macro,"BABA,BIDU",n,\n',
    );
    const dry = await cli('events', 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(json<{ ok: number; imported: number }>(dry)).toMatchObject({ ok: 2, imported: 0 });
    const bad = join(tmp.dir(), 'bad.csv');
    writeFileSync(bad, `${readFileSync(file, 'utf8')}2025-02-12,25:00,Asia/Hong_Kong,Bad time,user,BABA,,\n`);
    const refused = await cli('events', 'import', bad);
    expect(refused.code).toBe(1);
    const out = json<{
      errors: number;
      imported: number;
      lines: Array<{ line: number; status: string; reason: string }>;
    }>(refused);
    expect(out).toMatchObject({ errors: 1, imported: 0 });
    expect(out.lines[2]).toMatchObject({ line: 4, status: 'error' });
    expect(out.lines[2]!.reason).toMatch(/^time: must be a 24-hour time/);
    const done = await cli('events', 'import', file, '--study', 'china-tech-rally-2025');
    expect(json<{ imported: number; ids: string[] }>(done)).toMatchObject({
      imported: 2,
      ids: ['user-20250210-mine-one', 'user-20250211-mine-two'],
    });
    const exp = await cli('events', 'export', '--study', 'china-tech-rally-2025', '--out', 'out.csv');
    expect(json<{ count: number }>(exp).count).toBe(33);
    const csv = readFileSync(join(tmp.dir(), 'out.csv'), 'utf8');
    expect(csv).toContain('2025-02-11,,,Mine two,macro,"BABA,BIDU",n,\r\n');
  });
});

describe('catalyst compare', () => {
  it('prints [{symbol, anchorDate, points: [{date, value}]}] with 100 at the anchor', async () => {
    const r = await cli(
      'compare',
      '--symbols',
      '9988.HK,BABA,HSTECH.HK',
      '--anchor',
      'qwen25-max-release',
      '--from',
      '2025-01-27',
      '--to',
      '2025-02-05',
    );
    expect(r.code).toBe(0);
    const out = json<Array<{ symbol: string; anchorDate: string; points: Array<{ date: string; value: number }> }>>(r);
    expect(out.map((s) => [s.symbol, s.anchorDate])).toEqual([
      ['9988.HK', '2025-02-03'],
      ['BABA', '2025-01-28'],
      ['HSTECH.HK', '2025-02-03'],
    ]);
    for (const s of out) {
      expect(Object.keys(s)).toEqual(['symbol', 'anchorDate', 'points', 'missing']);
      expect(s.points.find((p) => p.date === s.anchorDate)!.value).toBe(100);
    }
    // 9988.HK: 87.25 on 01-27 against 94 at T0: 100 × 87.25 / 94.
    expect(out[0]!.points[0]).toEqual({ date: '2025-01-27', value: (100 * 87.25) / 94 });
    const byDate = await cli('compare', '--symbols', 'BABA', '--anchor', '2025-02-01');
    expect(json<Array<{ anchorDate: string }>>(byDate)[0]!.anchorDate).toBe('2025-02-03');
    expect((await cli('compare', '--symbols', 'BABA', '--anchor', '2025-02-30')).code).toBe(1);
    // One currency for all: needs the cached rates, and says which are missing.
    const inUsd = json<Array<{ symbol: string; missing: string | null; currency: string; convertedFrom: null }>>(
      await cli('compare', '--symbols', '9988.HK,BABA', '--anchor', 'qwen25-max-release', '--currency', 'USD'),
    );
    expect(inUsd.map((s) => [s.symbol, s.missing, s.currency, s.convertedFrom])).toEqual([
      ['9988.HK', 'cannot show 9988.HK in USD: HKD=X is not in the cache', 'HKD', null],
      ['BABA', null, 'USD', null],
    ]);
    expect((await cli('compare', '--symbols', 'BABA', '--anchor', '2025-02-03', '--currency', 'usd')).code).toBe(1);
  });
});

describe('catalyst study', () => {
  it('--event prints one row per symbol and window with the documented keys (fractions)', async () => {
    const r = await cli(
      'study',
      '--event',
      'qwen25-max-release',
      '--symbols',
      '9988.HK,BABA',
      '--windows',
      '-5:-1,0:1',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = json<Array<Record<string, unknown>>>(r);
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0]!).slice(0, 11)).toEqual([
      'symbol',
      'benchmark',
      't0',
      'window',
      'ret',
      'arMarketAdjusted',
      'carMarketModel',
      'tStat',
      'alpha',
      'beta',
      'estimation',
    ]);
    expect(rows.map((x) => [x.symbol, x.window])).toEqual([
      ['9988.HK', [-5, -1]],
      ['9988.HK', [0, 1]],
      ['BABA', [-5, -1]],
      ['BABA', [0, 1]],
    ]);
    // 97.65 / 87.25 − 1 = +11.9 %: a fraction, not a percent.
    expect(rows[1]!.ret).toBeCloseTo(97.65 / 87.25 - 1, 12);
    expect(rows[1]!.estimation).toMatchObject({ n: 120 });
  });

  it('--study prints the whole matrix; bad flags are refused', async () => {
    const r = await cli('study', '--study', 'china-tech-rally-2025', '--windows', '0:1', '--benchmark', '^HSI');
    expect(r.code).toBe(0);
    const rows = json<Array<{ event: string; benchmark: string }>>(r);
    expect(rows).toHaveLength(31 * 12);
    expect(new Set(rows.map((x) => x.benchmark))).toEqual(new Set(['^HSI']));
    expect((await cli('study', '--event', 'x', '--study', 'y')).code).toBe(1);
    expect((await cli('study', '--event', 'qwen25-max-release', '--windows', '3:1')).code).toBe(1);
    expect((await cli('study', 'bogus', '--event', 'qwen25-max-release')).code).toBe(1);
    expect((await cli('study', '--event', 'nope')).code).toBe(1);
  });
});
