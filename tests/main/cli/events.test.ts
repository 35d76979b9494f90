import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

interface EventJson {
  id: string;
  date: string;
  title: string;
  category: string;
  symbols: string[];
  approximate: boolean;
  source: { kind: string; quote: string | null; url: string | null };
  t0: Record<string, string | null>;
}

describe('catalyst events', () => {
  it('prints [{id, date, title, category, symbols, approximate, source: {kind, quote, url}}] (plus documented keys)', async () => {
    const r = await runCli(['--db', tmp.dbPath(), '--json', 'events']);
    expect(r.code).toBe(0);
    const events = JSON.parse(r.stdout) as EventJson[];
    expect(events).toHaveLength(31);
    for (const e of events) {
      expect(Object.keys(e)).toEqual([
        'id',
        'date',
        'time',
        'timezone',
        'title',
        'category',
        'symbols',
        'approximate',
        'approxNote',
        't0',
        'source',
      ]);
      expect(Object.keys(e.source)).toEqual(['kind', 'quote', 'url']);
    }
    expect(events.map((e) => e.date)).toEqual(events.map((e) => e.date).sort());
    expect(events.find((e) => e.id === 'gwm-deepseek')).toMatchObject({
      approximate: true,
      approxNote: 'early Feb 2025 (≤ 11 Feb)',
    });
  });

  it('filters by symbol and gives that symbol its T0 (Qwen2.5-Max: 9988.HK 2025-02-03, BABA 2025-01-28)', async () => {
    const hk = JSON.parse(
      (await runCli(['--db', tmp.dbPath(), '--json', 'events', '--symbol', '9988.hk'])).stdout,
    ) as EventJson[];
    expect(hk.every((e) => e.symbols.includes('9988.HK'))).toBe(true);
    const qwen = hk.find((e) => e.id === 'qwen25-max-release')!;
    expect(qwen).toMatchObject({
      date: '2025-01-28',
      time: '23:00',
      timezone: 'Asia/Shanghai',
      category: 'ai',
      t0: { '9988.HK': '2025-02-03', BABA: '2025-01-28' },
      source: {
        kind: 'article',
        quote:
          'Alibaba’s stock surged more than 50% in less than a month following the debut of its own Qwen2.5-Max AI model.',
      },
    });
    const human = await runCli(['--db', tmp.dbPath(), 'events', '--symbol', 'BABA', '--category', 'ai']);
    expect(human.stdout).toMatch(/DeepSeek-R1 released .*\[deepseek-r1-release\]  T0 BABA 2025-01-21/);
    expect(human.stdout).toMatch(/\d+ event\(s\)\n$/);
  });

  it('refuses a bad symbol or category with exit 1', async () => {
    const bad = await runCli(['--db', tmp.dbPath(), '--json', 'events', '--category', 'gossip']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toMatch(
      /--category: must be one of ai, policy, market, corporate, macro, user/,
    );
    const sym = await runCli(['--db', tmp.dbPath(), 'events', '--symbol', 'not a symbol']);
    expect(sym.code).toBe(1);
    expect(sym.stderr).toMatch(/--symbol: "not a symbol" is not a symbol/);
  });
});
