import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import { toBar, type Bar } from '../../../src/shared/domain/bar';
import {
  alignReturns,
  anchorEvent,
  carPath,
  crossSection,
  DEFAULT_WINDOWS,
  defaultBenchmark,
  estimateMarketModel,
  measureWindow,
  olsFit,
  parseWindow,
  significanceMark,
  t0Position,
  type EstimationSpec,
} from '../../../src/shared/domain/event-study';

const d = asIsoDate;
const bar = (date: string, close: number, volume = 1000): Bar =>
  toBar({ date: d(date), open: close, high: close, low: close, close, adjClose: null, volume });
/** A vendor placeholder row: volume 0 and O = H = L = C. */
const placeholder = (date: string, close: number): Bar => bar(date, close, 0);

/** Bars on `dates` whose close-to-close returns are `rets` (the first date is the base, close `start`). */
function fromReturns(dates: readonly string[], start: number, rets: readonly number[]): Bar[] {
  const out = [bar(dates[0]!, start)];
  let c = start;
  rets.forEach((r, i) => {
    c *= 1 + r;
    out.push(bar(dates[i + 1]!, c));
  });
  return out;
}

describe('aligned returns: a Hong Kong symbol against a US benchmark over holidays', () => {
  // Hong Kong: shut 29–31 Jan 2025 (Lunar New Year); 28 Jan is a half-day placeholder row.
  const hk = [
    bar('2025-01-27', 100),
    placeholder('2025-01-28', 97),
    bar('2025-02-03', 110),
    bar('2025-02-04', 99),
    bar('2025-02-17', 108.9),
  ];
  // New York trades 28–31 Jan; shut on 17 Feb 2025 (Presidents' Day).
  const us = [
    bar('2025-01-27', 1000),
    bar('2025-01-28', 1010),
    bar('2025-01-29', 1020),
    bar('2025-01-30', 1030),
    bar('2025-01-31', 1040),
    bar('2025-02-03', 1050),
    bar('2025-02-04', 1029),
    bar('2025-02-14', 1100),
    bar('2025-02-18', 1111),
  ];
  const s = alignReturns(hk, us);

  it("skips the placeholder and takes the benchmark's return over the same calendar span", () => {
    expect(s.dates).toEqual(['2025-02-03', '2025-02-04', '2025-02-17']);
    expect(s.prevDates).toEqual(['2025-01-27', '2025-02-03', '2025-02-04']);
    // 02-03: HK 110 / 100 − 1 = +10 %; the US over the same span 1050 / 1000 − 1 = +5 % (four US sessions compounded).
    expect(s.symbol[0]).toBeCloseTo(0.1, 12);
    expect(s.benchmark[0]).toBeCloseTo(0.05, 12);
    // 02-04: HK 99 / 110 − 1 = −10 %; US 1029 / 1050 − 1 = −2 %.
    expect(s.symbol[1]).toBeCloseTo(-0.1, 12);
    expect(s.benchmark[1]).toBeCloseTo(-0.02, 12);
    // 02-17: HK 108.9 / 99 − 1 = +10 %; the US last closed on 02-14 (1100) before 02-17 and on 02-04 (1029) before
    // 02-04, so the span 02-04 → 02-17 is 1100 / 1029 − 1.
    expect(s.symbol[2]).toBeCloseTo(0.1, 12);
    expect(s.benchmark[2]).toBeCloseTo(1100 / 1029 - 1, 12);
  });

  it('a benchmark shut over the whole span has a zero return; one whose cache stops earlier has none', () => {
    const usShut = alignReturns([bar('2025-02-14', 10), bar('2025-02-17', 11)], us);
    // US closes on or before 02-14: 1100; on or before 02-17: still 1100 → 1100 / 1100 − 1 = 0.
    expect(usShut.benchmark[0]).toBe(0);
    const stale = alignReturns([bar('2025-02-18', 10), bar('2025-02-19', 11)], us);
    expect(Number.isNaN(stale.benchmark[0]!)).toBe(true);
  });

  it('market-adjusted abnormal return over [0, +1] at T0 2025-02-03, by hand', () => {
    const anchor = anchorEvent(s, d('2025-02-03'), { length: 1, gap: 0 });
    expect(anchor.p0).toBe(0);
    const m = measureWindow(s, anchor, [0, 1]);
    // Σ (r − r_m) = (0.10 − 0.05) + (−0.10 − (−0.02)) = 0.05 − 0.08 = −0.03
    expect(m.arMarketAdjusted).toBeCloseTo(-0.03, 12);
    // Compounded: 1.10 × 0.90 − 1 = −0.01
    expect(m.ret).toBeCloseTo(-0.01, 12);
    expect(m).toMatchObject({ from: '2025-02-03', to: '2025-02-04' });
    // No estimation window before T0: the market model says so instead of guessing.
    expect(m.carMarketModel).toBeNull();
    expect(m.tStat).toBeNull();
    expect(m.missing.join(' ')).toMatch(
      /estimation window \(sessions −1 … −1\) needs 1 sessions of returns; the cache has 0/,
    );
  });
});

describe('market model on a hand-computed case', () => {
  // Returns by position (benchmark x, symbol y). Estimation with length 4, gap 1: positions 0–3 (−5 … −2),
  // position 4 (−1) is left out, T0 = position 5.
  const x = [0.01, -0.01, 0.02, 0.0, 0.01, 0.02, -0.01];
  const y = [0.02, -0.01, 0.03, 0.01, 0.05, 0.04, 0.01];
  const dates = [
    '2025-03-03',
    '2025-03-04',
    '2025-03-05',
    '2025-03-06',
    '2025-03-07',
    '2025-03-10',
    '2025-03-11',
    '2025-03-12',
  ];
  const spec: EstimationSpec = { length: 4, gap: 1 };
  const series = alignReturns(fromReturns(dates, 100, y), fromReturns(dates, 1000, x));

  // By hand: mean x = 0.02 / 4 = 0.005, mean y = 0.05 / 4 = 0.0125.
  // dx = [0.005, −0.015, 0.015, −0.005], dy = [0.0075, −0.0225, 0.0175, −0.0025]
  // Sxx = 0.000025 + 0.000225 + 0.000225 + 0.000025 = 0.0005
  // Sxy = 0.0000375 + 0.0003375 + 0.0002625 + 0.0000125 = 0.00065
  // beta = 0.00065 / 0.0005 = 1.3; alpha = 0.0125 − 1.3 × 0.005 = 0.006
  // residuals y − 0.006 − 1.3 x = [0.001, −0.003, −0.002, 0.004]; SSE = (1 + 9 + 4 + 16) e−6 = 30e−6
  // s² = 30e−6 / (4 − 2) = 15e−6
  it('OLS alpha, beta and residual variance with n − 2 degrees of freedom', () => {
    const fit = olsFit(x.slice(0, 4), y.slice(0, 4))!;
    expect(fit.beta).toBeCloseTo(1.3, 10);
    expect(fit.alpha).toBeCloseTo(0.006, 12);
    expect(fit.residualVariance).toBeCloseTo(15e-6, 14);
    expect(olsFit([0.01, 0.01, 0.01], [0.01, 0.02, 0.03])).toBeNull();
  });

  it('estimation window −5 … −2 before T0, and CAR and t over [0, +1]', () => {
    const p0 = t0Position(series, d('2025-03-11'));
    expect(p0).toBe(5);
    const model = estimateMarketModel(series, p0, spec);
    expect(model.ok && model.value).toMatchObject({ n: 4, from: '2025-03-04', to: '2025-03-07' });
    const anchor = anchorEvent(series, d('2025-03-11'), spec);
    const m = measureWindow(series, anchor, [0, 1]);
    // CAR = (0.04 − 0.006 − 1.3 × 0.02) + (0.01 − 0.006 − 1.3 × (−0.01)) = 0.008 + 0.017 = 0.025
    expect(m.carMarketModel).toBeCloseTo(0.025, 10);
    // t = CAR / sqrt(L · s²) = 0.025 / sqrt(2 × 15e−6) = 0.025 / 0.0054772… ≈ 4.5644
    expect(m.tStat).toBeCloseTo(0.025 / Math.sqrt(2 * 15e-6), 6);
    expect(m.tStat).toBeCloseTo(4.5644, 3);
    // Market-adjusted: (0.04 − 0.02) + (0.01 − (−0.01)) = 0.04; raw: 1.04 × 1.01 − 1 = 0.0504
    expect(m.arMarketAdjusted).toBeCloseTo(0.04, 12);
    expect(m.ret).toBeCloseTo(0.0504, 12);
    expect(m).toMatchObject({ from: '2025-03-11', to: '2025-03-12', missing: [] });
    // The CAR path ends on the window's CAR: 0.008, then 0.025.
    const path = carPath(series, anchor, [0, 1]);
    expect(path.map((p) => p.offset)).toEqual([0, 1]);
    expect(path[0]!.car).toBeCloseTo(0.008, 10);
    expect(path[1]!.car).toBeCloseTo(0.025, 10);
  });

  it('a window running past the last bar says how far the cache reaches', () => {
    const anchor = anchorEvent(series, d('2025-03-11'), spec);
    const m = measureWindow(series, anchor, [0, 5]);
    expect(m).toMatchObject({ ret: null, arMarketAdjusted: null, carMarketModel: null, tStat: null, from: null });
    expect(m.missing).toEqual(['window [0, +5] needs sessions to +5; the cache reaches +1 (last 2025-03-12)']);
  });

  it('an estimation period too short says how many sessions it has', () => {
    const anchor = anchorEvent(series, d('2025-03-07'), spec);
    expect(anchor.p0).toBe(3);
    expect(anchor.model).toEqual({
      ok: false,
      missing:
        'estimation window (sessions −5 … −2) needs 4 sessions of returns; the cache has 2 (returns start 2025-03-04)',
    });
    const m = measureWindow(series, anchor, [0, 1]);
    // Raw and market-adjusted returns are still measured: (1.01 × 1.05 − 1) and (0.01 − 0) + (0.05 − 0.01).
    expect(m.ret).toBeCloseTo(1.01 * 1.05 - 1, 12);
    expect(m.arMarketAdjusted).toBeCloseTo(0.05, 12);
    expect(m.carMarketModel).toBeNull();
  });

  it('a placeholder row inside the window is skipped: the next return spans it', () => {
    // The last session moves from 03-11 to 03-12, and 03-11 becomes a placeholder row (its 55 is never a price).
    const moveLast = (bars: Bar[]): Bar[] => [...bars.slice(0, 7), bar('2025-03-13', bars[7]!.close)];
    const sym = moveLast(fromReturns(dates, 100, y));
    const s2 = alignReturns(
      [...sym.slice(0, 7), placeholder('2025-03-12', 55), sym[7]!],
      moveLast(fromReturns(dates, 1000, x)),
    );
    expect(s2.dates.slice(-2)).toEqual(['2025-03-11', '2025-03-13']);
    const m = measureWindow(s2, anchorEvent(s2, d('2025-03-11'), spec), [0, 1]);
    // Same returns as before, so the same CAR 0.025 over two valid sessions.
    expect(m.carMarketModel).toBeCloseTo(0.025, 10);
    expect(m).toMatchObject({ from: '2025-03-11', to: '2025-03-13' });
  });

  it('an event before or after the cached sessions has no T0 and says so', () => {
    expect(measureWindow(series, anchorEvent(series, null, spec), [0, 1]).missing[0]).toMatch(/no T0/);
    const late = measureWindow(series, anchorEvent(series, d('2025-04-01'), spec), [0, 1]);
    expect(late.missing[0]).toBe('no valid session on or after T0 2025-04-01 in the cache (last 2025-03-12)');
  });
});

describe('cross-section, significance, defaults, window syntax', () => {
  it('mean CAR and its cross-sectional t by hand', () => {
    // mean = (0.02 + 0.04 + 0.06) / 3 = 0.04; sd = sqrt((0.0004 + 0 + 0.0004) / 2) = 0.02; t = 0.04 / (0.02 / √3) = 2√3
    const c = crossSection([0.02, null, 0.04, 0.06]);
    expect(c.n).toBe(3);
    expect(c.mean).toBeCloseTo(0.04, 12);
    expect(c.sd).toBeCloseTo(0.02, 12);
    expect(c.tStat).toBeCloseTo(2 * Math.sqrt(3), 10);
    expect(crossSection([0.1])).toEqual({ n: 1, mean: 0.1, sd: null, tStat: null });
    expect(crossSection([])).toEqual({ n: 0, mean: null, sd: null, tStat: null });
  });

  it('marks significance at 5 % and 1 %', () => {
    expect([1.5, 1.96, -2.2, 2.58, -3, null].map(significanceMark)).toEqual(['', '*', '*', '**', '**', '']);
  });

  it('default benchmark per exchange', () => {
    expect(defaultBenchmark(asTicker('9988.HK'), 'Asia/Hong_Kong')).toBe('^HSI');
    expect(defaultBenchmark(asTicker('600519.SS'), 'Asia/Shanghai')).toBe('000001.SS');
    expect(defaultBenchmark(asTicker('000001.SZ'), null)).toBe('000001.SS');
    expect(defaultBenchmark(asTicker('BABA'), 'America/New_York')).toBe('^GSPC');
    expect(defaultBenchmark(asTicker('SAP.DE'), 'Europe/Berlin')).toBeNull();
  });

  it('parses windows a:b and refuses reversed or huge ones', () => {
    expect(parseWindow('-5:-1')).toEqual([-5, -1]);
    expect(parseWindow('0:+20')).toEqual([0, 20]);
    expect(parseWindow('3:1')).toBeNull();
    expect(parseWindow('0:900')).toBeNull();
    expect(parseWindow('a:b')).toBeNull();
    expect(DEFAULT_WINDOWS).toEqual([
      [-5, -1],
      [0, 1],
      [0, 5],
      [0, 20],
    ]);
  });
});
