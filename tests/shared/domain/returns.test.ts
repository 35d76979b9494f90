import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../src/shared/brand';
import { toBar, type Bar } from '../../../src/shared/domain/bar';
import {
  lastValidBefore,
  lastValidOnOrBefore,
  periodReturn,
  simpleReturn,
  ytdBase,
  ytdSeries,
} from '../../../src/shared/domain/returns';
import { csvClose, shippedBars } from './shipped-data';

const d = asIsoDate;
const bar = (date: string, close: number, volume = 1000): Bar =>
  toBar({ date: d(date), open: close, high: close, low: close, close, adjClose: null, volume });

describe('bases skip placeholder rows', () => {
  const hk = shippedBars('9988.HK');

  it('the 2025 YTD base of 9988.HK is 2024-12-30, not the 2024-12-31 half-day placeholder', () => {
    expect(hk.find((b) => b.date === '2024-12-31')).toMatchObject({ placeholder: true, close: 82.85, volume: 0 });
    expect(ytdBase(hk, 2025)).toMatchObject({ date: '2024-12-30', close: csvClose('9988.HK', '2024-12-30') });
  });

  it('the last valid close before 2025-02-03 is 2025-01-27 (2025-01-28 is a placeholder)', () => {
    expect(lastValidBefore(hk, d('2025-02-03'))).toMatchObject({ date: '2025-01-27', close: 87.25 });
    expect(lastValidOnOrBefore(hk, d('2025-01-28'))?.date).toBe('2025-01-27');
    expect(lastValidOnOrBefore(hk, d('2025-02-03'))?.date).toBe('2025-02-03');
  });

  it('HSTECH (close-only, no placeholders) uses its real 2024-12-31 close 4468.11', () => {
    expect(ytdBase(shippedBars('HSTECH.HK'), 2025)).toMatchObject({ date: '2024-12-31', close: 4468.11 });
  });
});

describe('periodReturn', () => {
  it('measures 9988.HK from the last 2024 valid close to 2025-03-14 by hand', () => {
    const r = periodReturn(shippedBars('9988.HK'), d('2025-01-01'), d('2025-03-14'))!;
    expect(r.base).toEqual({ date: '2024-12-30', value: 82.0, field: 'close' });
    expect(r.end).toEqual({ date: '2025-03-14', value: 135.8, field: 'close' });
    expect(r.value).toBeCloseTo(135.8 / 82.0 - 1, 12);
  });

  it('ends on the last valid close when `to` is a placeholder day', () => {
    const bars = [bar('2025-01-02', 10), bar('2025-01-03', 11), bar('2025-01-06', 12, 0), bar('2025-01-07', 13)];
    expect(bars[2]!.placeholder).toBe(true);
    const r = periodReturn(bars, d('2025-01-03'), d('2025-01-06'))!;
    expect(r).toMatchObject({ base: { date: '2025-01-02', value: 10 }, end: { date: '2025-01-03', value: 11 } });
  });

  it('is null without a base, or when the cache does not reach `to`', () => {
    const bars = [bar('2025-01-02', 10), bar('2025-01-03', 11)];
    expect(periodReturn(bars, d('2025-01-02'), d('2025-01-03'))).toBeNull();
    expect(periodReturn(bars, d('2025-01-03'), d('2025-01-10'))).toBeNull();
    expect(periodReturn(bars, d('2025-01-03'), d('2025-01-03'))?.value).toBeCloseTo(0.1, 12);
  });
});

describe('ytdSeries', () => {
  it('gives HSTECH +30.8% on 2025-03-12 and +28.6% on 2025-03-13 against 4468.11', () => {
    const s = ytdSeries(shippedBars('HSTECH.HK'), d('2025-03-12'), d('2025-03-13'));
    expect(s.map((p) => p.date)).toEqual(['2025-03-12', '2025-03-13']);
    expect(s[0]!.value).toBeCloseTo(5845.36 / 4468.11 - 1, 12);
    expect(s[1]!.value).toBeCloseTo(5747.77 / 4468.11 - 1, 12);
    expect(Math.round(s[0]!.value * 1000) / 10).toBe(30.8);
    expect(Math.round(s[1]!.value * 1000) / 10).toBe(28.6);
  });

  it('skips placeholder sessions', () => {
    const s = ytdSeries(shippedBars('9988.HK'), d('2025-01-27'), d('2025-02-03'));
    expect(s.map((p) => p.date)).toEqual(['2025-01-27', '2025-02-03']);
  });
});

it('simpleReturn refuses a non-positive base', () => {
  expect(simpleReturn(80, 100)).toBeCloseTo(0.25, 12);
  expect(() => simpleReturn(0, 1)).toThrow(/cannot compute/);
});
