import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../../src/shared/brand';
import type { Bar } from '../../../../src/shared/domain/bar';
import {
  eventsInRange,
  summariseRange,
  summaryText,
  type SummaryEvent,
} from '../../../../src/renderer/src/features/chart-summary/range-summary';

const bar = (date: string, close: number, high: number | null = close + 1, low: number | null = close - 1): Bar => ({
  date: asIsoDate(date),
  open: close,
  high,
  low,
  close,
  adjClose: null,
  volume: 1000,
  placeholder: false,
});

const BARS = [
  bar('2025-01-02', 100),
  bar('2025-01-03', 110, 120, 105),
  bar('2025-01-06', 90, 95, 80),
  bar('2025-01-07', 105),
  bar('2025-01-08', 130, null, null),
];

const EVENTS: SummaryEvent[] = [
  { id: 'b', label: '2', t0: asIsoDate('2025-01-06'), title: 'Second' },
  { id: 'a', label: '≈1', t0: asIsoDate('2025-01-03'), title: 'First' },
  { id: 'c', label: '3', t0: asIsoDate('2025-02-01'), title: 'Outside' },
];

describe('the chart text alternative: what the visible range shows', () => {
  it('gives first and last close, change, and the high and low with their dates for the visible dates only', () => {
    expect(summariseRange(BARS, asIsoDate('2025-01-03'), asIsoDate('2025-01-07'))).toEqual({
      from: '2025-01-03',
      to: '2025-01-07',
      sessions: 3,
      firstClose: 110,
      lastClose: 105,
      change: 105 / 110 - 1,
      high: { value: 120, date: '2025-01-03' },
      low: { value: 80, date: '2025-01-06' },
    });
  });

  it('uses the close where a bar has no high or low (close-only series), and the first date on a tie', () => {
    const s = summariseRange(BARS, asIsoDate('2025-01-07'), asIsoDate('2025-01-08'))!;
    expect(s.high).toEqual({ value: 130, date: '2025-01-08' });
    expect(s.low).toEqual({ value: 104, date: '2025-01-07' });
    const flat = [bar('2025-01-02', 5, 5, 5), bar('2025-01-03', 5, 5, 5)];
    expect(summariseRange(flat, asIsoDate('2025-01-01'), asIsoDate('2025-01-31'))!.high.date).toBe('2025-01-02');
  });

  it('is null when no bar lies in the range', () => {
    expect(summariseRange(BARS, asIsoDate('2024-01-01'), asIsoDate('2024-12-31'))).toBeNull();
    expect(summaryText('X', null, EVENTS)).toBe('X: no prices in the visible range.');
  });

  it('lists the events whose T0 is in range, in date order', () => {
    expect(eventsInRange(EVENTS, asIsoDate('2025-01-02'), asIsoDate('2025-01-08')).map((e) => e.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('says it all in one sentence', () => {
    const s = summariseRange(BARS, asIsoDate('2025-01-02'), asIsoDate('2025-01-08'));
    expect(summaryText('HSTECH.HK', s, EVENTS)).toBe(
      'HSTECH.HK from 2025-01-02 to 2025-01-08 (5 sessions): close 100.00 to 130.00, +30.00%; ' +
        'high 130.00 on 2025-01-08, low 80.00 on 2025-01-06. 2 events: ≈1. First (2025-01-03); 2. Second (2025-01-06).',
    );
    const quiet = summariseRange(BARS, asIsoDate('2025-01-07'), asIsoDate('2025-01-08'));
    expect(summaryText('HSTECH.HK', quiet, EVENTS)).toMatch(/No events in this range\.$/);
  });
});
