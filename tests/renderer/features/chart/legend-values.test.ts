import { describe, expect, it } from 'vitest';
import {
  lastValidIndex,
  legendValues,
  restingLegendIndex,
} from '../../../../src/renderer/src/features/chart/legend-values';
import { fixtureBars } from './bars-fixture';

const alibaba = fixtureBars('9988.HK-2024-12-16..2025-03-31.csv');
const hstech = fixtureBars('HSTECH.HK-2024-12-16..2025-03-31.csv');
const at = (bars: typeof alibaba, date: string) => bars.findIndex((b) => b.date === date);

describe('legendValues', () => {
  it('shows date, OHLC, volume and the close-to-close change of a session', () => {
    const v = legendValues(alibaba, at(alibaba, '2025-02-21'));
    expect(v).toMatchObject({ kind: 'session', date: '2025-02-21', close: 138.5, changeBase: '2025-02-20' });
    expect(v?.kind === 'session' && v.change).toBeCloseTo(138.5 / 120.9 - 1, 10);
    expect(v?.kind === 'session' && v.volume).toBeGreaterThan(0);
  });

  it('flags a half-day placeholder instead of showing its unverified price', () => {
    expect(legendValues(alibaba, at(alibaba, '2025-01-28'))).toEqual({ kind: 'placeholder', date: '2025-01-28' });
  });

  it('never uses a placeholder as the change base: the session after it is measured from the last valid close', () => {
    const v = legendValues(alibaba, at(alibaba, '2025-02-03'));
    expect(v).toMatchObject({ kind: 'session', changeBase: '2025-01-27' });
    const jan27 = alibaba[at(alibaba, '2025-01-27')]!.close;
    expect(v?.kind === 'session' && v.change).toBeCloseTo(alibaba[at(alibaba, '2025-02-03')]!.close / jan27 - 1, 10);
  });

  it('has no OHLC on a close-only series, only the close and its change', () => {
    const v = legendValues(hstech, at(hstech, '2025-03-20'));
    expect(v).toMatchObject({ kind: 'session', open: null, high: null, low: null, close: 5836.28, volume: null });
    expect(v?.kind === 'session' && v.change).toBeCloseTo(-0.0339, 4);
  });

  it('is null outside the bars or between sessions', () => {
    expect(legendValues(alibaba, -1)).toBeNull();
    expect(legendValues(alibaba, alibaba.length)).toBeNull();
    expect(legendValues(alibaba, 3.5)).toBeNull();
  });

  it('has no change for the first bar', () => {
    expect(legendValues(alibaba, 0)).toMatchObject({ change: null, changeBase: null });
  });
});

describe('lastValidIndex', () => {
  it('skips trailing placeholders', () => {
    const cut = alibaba.slice(0, at(alibaba, '2025-01-28') + 1);
    expect(cut[lastValidIndex(cut)!]!.date).toBe('2025-01-27');
    expect(lastValidIndex([])).toBeNull();
  });
});

describe('restingLegendIndex', () => {
  const t0 = at(alibaba, '2025-02-03');
  it("shows the selected event's T0 session", () => {
    expect(restingLegendIndex(alibaba, t0, alibaba.length - 1)).toBe(t0);
  });
  it('else the last valid session in view, skipping a placeholder at the edge', () => {
    expect(alibaba[restingLegendIndex(alibaba, null, at(alibaba, '2025-01-28') + 0.4)!]!.date).toBe('2025-01-27');
  });
  it('else the last valid session', () => {
    expect(restingLegendIndex(alibaba, null, null)).toBe(alibaba.length - 1);
    expect(restingLegendIndex(alibaba, null, 1e6)).toBe(alibaba.length - 1);
  });
});
