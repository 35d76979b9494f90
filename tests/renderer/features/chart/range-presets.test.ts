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
    expect(r).toEqual({ from: 15, to: 65, clipped: false });
  });
  it('does not start before the first bar', () => {
    expect(fitIndicesRange([1], 100)!.from).toBe(-0.5);
  });
  it('does not pad past the last bar', () => {
    expect(fitIndicesRange([90, 99], 100)!.to).toBe(99.5);
    expect(fitIndicesRange([95, 120], 100)!.to).toBe(99.5);
  });
  it('is null without events', () => {
    expect(fitIndicesRange([], 100)).toBeNull();
  });

  // A 800 px pane at lightweight-charts' default minimum spacing (0.5 px) draws 1,600 bars.
  const pane = { width: 800, minBarSpacing: 0.5 };
  const within = (r: { from: number; to: number }, n: number) => {
    expect(r.from).toBeGreaterThanOrEqual(-0.5);
    expect(r.to).toBeLessThanOrEqual(n - 0.5);
    expect(r.to - r.from).toBeLessThanOrEqual(1600);
  };

  for (const n of [2_500, 5_000, 50_000]) {
    it(`shows a study's events near the end of ${n} bars, all of them, on the bars`, () => {
      const events = [n - 80, n - 60, n - 31, n - 5, n - 1];
      const r = fitIndicesRange(events, n, 5, pane)!;
      within(r, n);
      expect(r.clipped).toBe(false);
      for (const i of events) expect(i >= r.from && i <= r.to).toBe(true);
      // Zoomed in on the events, not the whole history.
      expect(r.to - r.from).toBeLessThan(120);
    });

    it(`with events over all ${n} bars, fits them or shows the latest at the closest zoom`, () => {
      const events = Array.from({ length: 40 }, (_, k) => Math.round((k * (n - 1)) / 39));
      const r = fitIndicesRange(events, n, 5, pane)!;
      within(r, n);
      expect(r.to).toBe(n - 0.5);
      // 2,500 and more sessions do not fit in 1,600: the latest events, up to the last one.
      expect(r.clipped).toBe(true);
      expect(r.to - r.from).toBe(1600);
      const shown = events.filter((i) => i >= r.from && i <= r.to);
      expect(shown.at(-1)).toBe(n - 1);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(events.length);
    });
  }

  it('fits 2,500 sessions whole when the pane is wide enough', () => {
    const r = fitIndicesRange([0, 1_200, 2_499], 2_500, 5, { width: 1_400, minBarSpacing: 0.5 })!;
    expect(r).toEqual({ from: -0.5, to: 2_499.5, clipped: false });
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
