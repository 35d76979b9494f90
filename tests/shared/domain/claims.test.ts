import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asIsoDate, type Ticker } from '../../../src/shared/brand';
import type { Bar } from '../../../src/shared/domain/bar';
import {
  evaluateClaim,
  formatPct,
  type ClaimDefinition,
  type ClaimInputs,
  type ClaimMetric,
} from '../../../src/shared/domain/claims';
import { parseStudyFile, type StudyFile } from '../../../src/shared/domain/study';
import { csvClose, shippedBars, shippedZone, STUDY_PATH, T } from './shipped-data';

const parsed = parseStudyFile(readFileSync(STUDY_PATH, 'utf8'));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const study: StudyFile = parsed.study;

/** Inputs over the shipped bars, optionally cut at `until` (to simulate a shorter cache). */
function inputs(until?: string, drop: string[] = []): ClaimInputs {
  return {
    bars: (s: Ticker): Bar[] => (drop.includes(s) ? [] : shippedBars(s).filter((b) => !until || b.date <= until)),
    timezone: (s: Ticker) => (drop.includes(s) ? null : shippedZone(s)),
    event: (id) => {
      const e = study.events.find((x) => x.id === id);
      return e ? { id: e.id, date: e.date, time: e.time ?? null, timezone: e.timezone ?? null } : null;
    },
  };
}

function claim(id: string, overrides: { metric?: ClaimMetric; symbols?: string[] } = {}): ClaimDefinition {
  const c = study.claims.find((x) => x.id === id)!;
  return {
    id: c.id,
    studyId: study.id,
    origin: 'seed',
    text: c.text,
    quote: c.quote,
    symbols: (overrides.symbols ?? c.symbols).map(T),
    metric: overrides.metric ?? c.metric,
    note: c.note ?? null,
  };
}

const result = (id: string, symbol: string, inp = inputs()) =>
  evaluateClaim(claim(id), inp).results.find((r) => r.symbol === symbol)!;

describe('HSTECH "nearly 30% increase year-to-date"', () => {
  const r = result('hstech-nearly-30-ytd', 'HSTECH.HK');
  const base = 4468.11; // HSTECH close of 2024-12-31, a real close in the close-only file

  it('uses the 2024-12-31 close as base and holds: sessions of Feb–Mar lie within 27–33%', () => {
    expect(csvClose('HSTECH.HK', '2024-12-31')).toBe(base);
    expect(r.verdict).toBe('holds');
    expect(r.base).toEqual({ date: '2024-12-31', value: base, field: 'close' });
    expect(r.from).toBe('2024-12-31');
  });

  it('reports the Feb–Mar session closest to 30%: 2025-02-24, 5789.52 → +29.6%', () => {
    expect(r.to).toBe('2025-02-24');
    expect(r.value).toBeCloseTo(5789.52 / base - 1, 12);
    expect(formatPct(r.value!)).toBe('+29.6%');
  });

  it('lists every run of sessions within 27–33%, computed by hand from the closes', () => {
    // Closes from HSTECH.HK.close-only.csv; in band when 0.27 <= close / 4468.11 - 1 <= 0.33.
    const inBand = (c: number) => c / base - 1 >= 0.27 && c / base - 1 <= 0.33;
    expect(inBand(5672.24)).toBe(false); // 2025-02-19: +26.95%
    expect(inBand(5859.3)).toBe(true); // 2025-02-21: +31.1%
    expect(inBand(5953.79)).toBe(false); // 2025-02-26: +33.25%
    expect(inBand(5845.36) && inBand(5747.77) && inBand(5880.78) && inBand(5872.81)).toBe(true); // 03-12 … 03-17
    expect(r.detail).toMatchObject({ kind: 'ytd-return-range' });
    if (r.detail?.kind !== 'ytd-return-range') return;
    expect(r.detail.inBand).toEqual([
      { from: '2025-02-21', to: '2025-02-25', sessions: 3 },
      { from: '2025-02-27', to: '2025-02-27', sessions: 1 },
      { from: '2025-03-05', to: '2025-03-05', sessions: 1 },
      { from: '2025-03-10', to: '2025-03-10', sessions: 1 },
      { from: '2025-03-12', to: '2025-03-17', sessions: 4 },
      { from: '2025-03-20', to: '2025-03-20', sessions: 1 },
      { from: '2025-03-24', to: '2025-03-24', sessions: 1 },
    ]);
    expect(r.detail.series).toHaveLength(41);
    expect(r.detail.series.find((p) => p.date === '2025-03-12')!.value).toBeCloseTo(5845.36 / base - 1, 12);
    expect(r.note).toContain('within 27–33% on 12 of 41 sessions');
  });

  it('is borderline when only the wider band is reached, fails when neither, and lacks data when the cache stops early', () => {
    const narrow: ClaimMetric = {
      kind: 'ytd-return-range',
      from: asIsoDate('2025-02-01'),
      to: asIsoDate('2025-02-14'),
      target: 0.3,
      holds: { min: 0.27, max: 0.33 },
      borderline: { min: 0.18, max: 0.42 },
    };
    // Feb 1–14 peaks at +23.7% on 02-14 (5526.22): inside 18–42% only.
    const b = evaluateClaim(claim('hstech-nearly-30-ytd', { metric: narrow }), inputs()).results[0]!;
    expect(b.verdict).toBe('borderline');
    expect(b.value).toBeCloseTo(5526.22 / base - 1, 12);
    const f = evaluateClaim(claim('hstech-nearly-30-ytd', { metric: { ...narrow, borderline: undefined } }), inputs())
      .results[0]!;
    expect(f.verdict).toBe('fails');
    const short = evaluateClaim(
      claim('hstech-nearly-30-ytd', { metric: { ...narrow, borderline: undefined } }),
      inputs('2025-02-10'),
    ).results[0]!;
    expect(short.verdict).toBe('not-enough-data');
  });
});

describe('Alibaba "surged more than 50% in less than a month" after Qwen2.5-Max', () => {
  it('9988.HK: T0 2025-02-03, base 87.25 on 2025-01-27 (01-28 is a placeholder), peak 138.50 on 02-21 → +58.7%', () => {
    const r = result('alibaba-50pct-after-qwen', '9988.HK');
    expect(csvClose('9988.HK', '2025-01-27')).toBe(87.25);
    expect(csvClose('9988.HK', '2025-02-21')).toBe(138.5);
    expect(r).toMatchObject({ verdict: 'holds', from: '2025-01-27', to: '2025-02-21' });
    expect(r.value).toBeCloseTo(138.5 / 87.25 - 1, 12);
    expect(formatPct(r.value!)).toBe('+58.7%');
    expect(r.detail).toEqual({
      kind: 'max-gain-within-days',
      eventDate: '2025-01-28',
      t0: '2025-02-03',
      windowEnd: '2025-03-05',
    });
    expect(r.note).toContain('2025-01-28: placeholder half-day row, not a base');
  });

  it('BABA: T0 2025-01-28 (10:00 New York), base 89.99 on 01-27, peak 143.75 on 02-21 → +59.7%', () => {
    const r = result('alibaba-50pct-after-qwen', 'BABA');
    expect(r).toMatchObject({
      verdict: 'holds',
      from: '2025-01-27',
      to: '2025-02-21',
      base: { value: 89.99 },
      end: { value: 143.75 },
    });
    expect(r.value).toBeCloseTo(143.75 / 89.99 - 1, 12);
    expect(formatPct(r.value!)).toBe('+59.7%');
    // Measured from the reaction day's close instead, it would be +49.7%: the base matters.
    expect(143.75 / 96.03 - 1).toBeLessThan(0.5);
  });

  it('is not-enough-data while the window is not cached yet and the threshold is not reached', () => {
    const r = result('alibaba-50pct-after-qwen', '9988.HK', inputs('2025-02-10'));
    expect(r.verdict).toBe('not-enough-data');
    expect(r.value).toBeCloseTo(csvClose('9988.HK', '2025-02-10') / 87.25 - 1, 12);
  });

  it('is borderline between +45% and +50%, fails below', () => {
    const m = (holds: number, borderline: number): ClaimMetric => ({
      kind: 'max-gain-within-days',
      event: 'qwen25-max-release',
      days: 30,
      holds: { above: holds },
      borderline: { above: borderline },
    });
    const v = 138.5 / 87.25 - 1;
    expect(
      evaluateClaim(claim('alibaba-50pct-after-qwen', { metric: m(0.6, 0.55), symbols: ['9988.HK'] }), inputs())
        .results[0]!.verdict,
    ).toBe('borderline');
    expect(
      evaluateClaim(claim('alibaba-50pct-after-qwen', { metric: m(0.7, 0.65), symbols: ['9988.HK'] }), inputs())
        .results[0]!.verdict,
    ).toBe('fails');
    expect(v).toBeGreaterThan(0.55);
    expect(v).toBeLessThan(0.6);
  });
});

describe('BYD "reaching a record high"', () => {
  const r = result('byd-record-high', '1211.HK');

  it('holds on the intraday high of 2025-02-11: 345.0 vs the earlier record 332.4 (2025-02-07)', () => {
    expect(r).toMatchObject({ verdict: 'holds', from: '2024-01-02', to: '2025-02-11' });
    expect(r.base).toEqual({ date: '2025-02-07', value: 332.4, field: 'high' });
    expect(r.end).toEqual({ date: '2025-02-11', value: 345.0, field: 'high' });
    expect(r.value).toBeCloseTo(345.0 / 332.4 - 1, 12);
    expect(r.note).toContain('within the cached history since 2024-01-02');
  });

  it('shows that on a close basis 327.8 stays below the 330.2 close of 2025-02-10', () => {
    expect(r.detail).toMatchObject({ kind: 'record-high', t0: '2025-02-11', historyFrom: '2024-01-02' });
    if (r.detail?.kind !== 'record-high') return;
    expect(r.detail.closeBasis).toMatchObject({ close: 327.8, priorMax: { date: '2025-02-10', value: 330.2 } });
    expect(r.detail.closeBasis!.value).toBeCloseTo(327.8 / 330.2 - 1, 12);
  });

  it('fails on a session that is not a record (2025-02-10 high vs the 02-07 high)', () => {
    const inp = inputs();
    const moved: ClaimInputs = {
      ...inp,
      event: (id) =>
        id === 'byd-record-high' ? { id, date: asIsoDate('2025-02-10'), time: null, timezone: null } : inp.event(id),
    };
    const f = evaluateClaim(claim('byd-record-high'), moved).results[0]!;
    expect(f.verdict).toBe('fails');
    expect(f.base).toMatchObject({ date: '2025-02-07', value: 332.4 });
  });
});

describe('"gains among major companies such as Baidu, Xiaomi, and Alibaba" (YTD to 2025-03-14)', () => {
  it.each([
    // symbol, base date (last valid close of 2024), base close, 2025-03-14 close
    ['9888.HK', '2024-12-30', 83.8, 91.65],
    ['BIDU', '2024-12-31', 84.31, 93.82],
    ['1810.HK', '2024-12-30', 34.45, 53.85],
    ['9988.HK', '2024-12-30', 82.0, 135.8],
    ['BABA', '2024-12-31', 84.79, 141.1],
  ])('%s from %s (%s) to %s', (symbol, baseDate, baseClose, endClose) => {
    const r = result('gains-baidu-xiaomi-alibaba', symbol);
    expect(csvClose(symbol, baseDate)).toBe(baseClose);
    expect(csvClose(symbol, '2025-03-14')).toBe(endClose);
    expect(r).toMatchObject({ verdict: 'holds', from: baseDate, to: '2025-03-14' });
    expect(r.value).toBeCloseTo(endClose / baseClose - 1, 12);
  });

  it('is not-enough-data for a symbol that is not cached, and names it', () => {
    const r = result('gains-baidu-xiaomi-alibaba', 'BIDU', inputs(undefined, ['BIDU']));
    expect(r).toMatchObject({ verdict: 'not-enough-data', value: null, from: null, to: null });
    expect(r.note).toMatch(/BIDU has no cached bars/);
  });

  it('is not-enough-data when the cache stops before the end date', () => {
    expect(result('gains-baidu-xiaomi-alibaba', '1810.HK', inputs('2025-03-13')).verdict).toBe('not-enough-data');
  });
});
