import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import { toBar } from '../../../../src/shared/domain/bar';
import { useSeededStudyHarness } from './study-harness';

describe('ClaimsService on the seeded cache', () => {
  const harness = useSeededStudyHarness();

  it('evaluates every claim of the embedded study by default, with the values computed by hand from the CSVs', () => {
    const h = harness();
    const claims = h.claims.evaluate();
    expect(claims.map((c) => c.id)).toEqual([
      'hstech-nearly-30-ytd',
      'alibaba-50pct-after-qwen',
      'byd-record-high',
      'gains-baidu-xiaomi-alibaba',
      'telecoms-benefited',
      'index-pe-ratios',
    ]);
    const byId = Object.fromEntries(claims.map((c) => [c.id, c]));
    const qwen = byId['alibaba-50pct-after-qwen']!.results;
    expect(qwen.map((r) => [r.symbol, r.verdict, r.from, r.to])).toEqual([
      ['9988.HK', 'holds', '2025-01-27', '2025-02-21'],
      ['BABA', 'holds', '2025-01-27', '2025-02-21'],
    ]);
    expect(qwen[0]!.value).toBeCloseTo(138.5 / 87.25 - 1, 12);
    expect(qwen[1]!.value).toBeCloseTo(143.75 / 89.99 - 1, 12);
    expect(byId['hstech-nearly-30-ytd']!.results[0]).toMatchObject({
      verdict: 'holds',
      from: '2024-12-31',
      to: '2025-02-24',
    });
    expect(byId['byd-record-high']!.results[0]).toMatchObject({ verdict: 'holds', to: '2025-02-11' });
    // Telecoms, YTD to 2025-03-14 against the last valid 2024 close (2024-12-30; 12-31 is a placeholder).
    const tel = byId['telecoms-benefited']!.results;
    expect(tel.map((r) => [r.symbol, r.from])).toEqual([
      ['0728.HK', '2024-12-30'],
      ['0941.HK', '2024-12-30'],
      ['0762.HK', '2024-12-30'],
    ]);
    expect(tel[0]!.value).toBeCloseTo(5.5948 / 4.6433 - 1, 12);
    expect(tel[1]!.value).toBeCloseTo(83.5 / 76.15 - 1, 12);
    expect(tel[2]!.value).toBeCloseTo(9.23 / 7.31 - 1, 12);
  });

  it('reads the cache as it is now: a newer provider bar in the window changes the measured peak', () => {
    const h = harness();
    h.repos.bars.upsertBatch(asTicker('BABA'), [
      toBar({
        date: asIsoDate('2025-02-21'),
        open: 140,
        high: 150,
        low: 139,
        close: 149.0,
        adjClose: null,
        volume: 1_000_000,
      }),
    ]);
    const baba = h.claims
      .evaluate()
      .find((c) => c.id === 'alibaba-50pct-after-qwen')!
      .results.find((r) => r.symbol === 'BABA')!;
    expect(baba.value).toBeCloseTo(149.0 / 89.99 - 1, 12);
  });

  it('reports not-enough-data for a symbol whose bars are gone, and not-found for an unknown study', () => {
    const h = harness();
    h.db.prepare("DELETE FROM bars WHERE symbol = '1810.HK'").run();
    const gains = h.claims.evaluate('china-tech-rally-2025').find((c) => c.id === 'gains-baidu-xiaomi-alibaba')!;
    expect(gains.results.find((r) => r.symbol === '1810.HK')).toMatchObject({
      verdict: 'not-enough-data',
      value: null,
    });
    expect(() => h.claims.evaluate('nope')).toThrow(/no study "nope"/);
  });
});
