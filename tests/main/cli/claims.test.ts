import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

interface ClaimJson {
  id: string;
  text: string;
  results: Array<{
    symbol: string;
    value: number | null;
    verdict: string;
    from: string | null;
    to: string | null;
    note: string;
  }>;
}

describe('catalyst claims', () => {
  it('prints [{id, text, results: [{symbol, value, verdict, from, to}]}] for the embedded study, seeding a fresh database first', async () => {
    const r = await runCli(['--db', tmp.dbPath(), '--json', 'claims']);
    expect(r.code).toBe(0);
    const claims = JSON.parse(r.stdout) as ClaimJson[];
    expect(claims.map((c) => c.id)).toEqual([
      'hstech-nearly-30-ytd',
      'alibaba-50pct-after-qwen',
      'byd-record-high',
      'gains-baidu-xiaomi-alibaba',
      'telecoms-benefited',
      'index-pe-ratios',
    ]);
    for (const c of claims) {
      expect(Object.keys(c)).toEqual(['id', 'text', 'quote', 'results']);
      for (const res of c.results) {
        expect(Object.keys(res).slice(0, 5)).toEqual(['symbol', 'value', 'verdict', 'from', 'to']);
        expect(['holds', 'borderline', 'fails', 'not-enough-data', 'not-checkable']).toContain(res.verdict);
      }
    }
    const qwen = claims.find((c) => c.id === 'alibaba-50pct-after-qwen')!;
    expect(qwen.text).toBe(
      'Alibaba’s stock surged more than 50% in less than a month following the debut of its own Qwen2.5-Max AI model.',
    );
    expect(qwen.results).toEqual([
      expect.objectContaining({
        symbol: '9988.HK',
        verdict: 'holds',
        from: '2025-01-27',
        to: '2025-02-21',
        value: expect.closeTo(138.5 / 87.25 - 1, 12),
      }),
      expect.objectContaining({
        symbol: 'BABA',
        verdict: 'holds',
        from: '2025-01-27',
        to: '2025-02-21',
        value: expect.closeTo(143.75 / 89.99 - 1, 12),
      }),
    ]);
    // The article's P/E ratios are listed, with the reason they cannot be checked from prices.
    const pe = claims.find((c) => c.id === 'index-pe-ratios')!;
    expect(pe.results.map((x) => [x.symbol, x.verdict, x.value])).toEqual([
      ['^HSI', 'not-checkable', null],
      ['000001.SS', 'not-checkable', null],
      ['^GSPC', 'not-checkable', null],
    ]);
    expect(pe.results[0]!.note).toMatch(/^Not checkable from prices: a price-to-earnings ratio/);
    expect(claims[0]!.results[0]).toMatchObject({
      symbol: 'HSTECH.HK',
      base: { date: '2024-12-31', value: 4468.11, field: 'close' },
    });
  });

  it('prints a readable table, and refuses an unknown or malformed study id', async () => {
    const human = await runCli(['--db', tmp.dbPath(), 'claims']);
    expect(human.stdout).toMatch(/alibaba-50pct-after-qwen: “Alibaba’s stock surged/);
    expect(human.stdout).toMatch(/9988\.HK\s+\+58\.7%\s+holds\s+2025-01-27 → 2025-02-21/);
    const unknown = await runCli(['--db', tmp.dbPath(), '--json', 'claims', '--study', 'no-such-study']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)).toEqual({ error: { code: 'not-found', message: 'no study "no-such-study"' } });
    const bad = await runCli(['--db', tmp.dbPath(), 'claims', '--study', 'Not A Slug']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--study: must be a slug/);
  });
});
