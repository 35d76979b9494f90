import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asIsoDate, type IsoDate } from '../../../../src/shared/brand';
import {
  centredRange,
  fitIndicesRange,
  monthsBefore,
  presetRange,
  RANGE_PRESETS,
} from '../../../../src/renderer/src/features/chart/range-presets';
import { fixtureBars } from './bars-fixture';

const dates = fixtureBars('9988.HK-2024-12-16..2025-03-31.csv').map((b) => b.date);
const first = (span: { from: number } | null) => dates[Math.ceil(span!.from)];

describe('monthsBefore', () => {
  it('clamps the day to the end of a shorter month', () => {
    expect(monthsBefore(asIsoDate('2025-03-31'), 1)).toBe('2025-02-28');
    expect(monthsBefore(asIsoDate('2024-03-31'), 1)).toBe('2024-02-29');
    expect(monthsBefore(asIsoDate('2025-01-15'), 1)).toBe('2024-12-15');
    expect(monthsBefore(asIsoDate('2025-03-31'), 12)).toBe('2024-03-31');
  });
});

describe('presetRange', () => {
  it('starts 1M at the first session on or after one month before the last session', () => {
    // last session 2025-03-31 → from 2025-02-28 (a Friday session).
    expect(first(presetRange('1M', dates))).toBe('2025-02-28');
  });
  it('starts YTD at the first session of the last session’s year', () => {
    expect(first(presetRange('YTD', dates))).toBe('2025-01-02');
  });
  it('shows everything for All and for presets longer than the data', () => {
    expect(presetRange('All', dates)).toEqual({ from: -0.5, to: dates.length - 0.5 });
    expect(presetRange('1Y', dates)).toEqual(presetRange('All', dates));
  });
  it('always ends at the last session and is null without data', () => {
    for (const p of RANGE_PRESETS) expect(presetRange(p, dates)!.to).toBe(dates.length - 0.5);
    expect(presetRange('3M', [])).toBeNull();
  });
  it('never starts after it ends, and longer presets never show less (property)', () => {
    const order = ['1M', '3M', '6M', '1Y', 'All'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: dates.length }), (n) => {
        const ds = dates.slice(0, n) as IsoDate[];
        const froms = order.map((p) => presetRange(p, ds)!.from);
        for (let i = 1; i < froms.length; i++) expect(froms[i]).toBeLessThanOrEqual(froms[i - 1]!);
        for (const f of froms) expect(f).toBeLessThanOrEqual(n - 0.5);
      }),
    );
  });
});

describe('fitIndicesRange', () => {
  it('covers every index with padding', () => {
    const r = fitIndicesRange([20, 40, 60], 200)!;
    expect(r.from).toBeLessThan(20);
    expect(r.to).toBeGreaterThan(60);
    expect(r).toEqual({ from: 15, to: 65 });
  });
  it('does not start before the first bar', () => {
    expect(fitIndicesRange([1], 100)!.from).toBe(-0.5);
  });
  it('is null without events', () => {
    expect(fitIndicesRange([], 100)).toBeNull();
  });
});

describe('centredRange', () => {
  it('keeps the current width and puts the index in the middle', () => {
    expect(centredRange(50, { from: 0, to: 40 })).toEqual({ from: 30, to: 70 });
  });
  it('uses the fallback width without a current range', () => {
    expect(centredRange(100, null, 60)).toEqual({ from: 70, to: 130 });
  });
});
