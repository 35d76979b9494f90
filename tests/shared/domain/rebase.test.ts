import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../src/shared/brand';
import { toBar, type Bar } from '../../../src/shared/domain/bar';
import { t0ForEvent } from '../../../src/shared/domain/calendar';
import { rebaseAt, rebasedValueAt } from '../../../src/shared/domain/rebase';

const d = asIsoDate;
const bar = (date: string, close: number, volume = 1000): Bar =>
  toBar({ date: d(date), open: close, high: close, low: close, close, adjClose: null, volume });

// Hong Kong: half-day placeholder on 28 Jan 2025, shut 29–31 Jan. New York trades every weekday.
const hk = [bar('2025-01-27', 80), bar('2025-01-28', 82, 0), bar('2025-02-03', 88), bar('2025-02-04', 96.8)];
const ny = [
  bar('2025-01-27', 50),
  bar('2025-01-28', 40),
  bar('2025-01-29', 44),
  bar('2025-01-30', 42),
  bar('2025-02-03', 46),
];
const sessions = (bars: Bar[]) => bars.map((b) => b.date);
// 2025-01-28 23:00 Beijing: after the Hong Kong half-day close (→ 02-03), 10:00 in New York (→ 01-28).
const qwen = { date: d('2025-01-28'), time: '23:00', timezone: 'Asia/Shanghai' };

describe('rebasing at an event: each series = 100 at its own T0', () => {
  it('anchors Hong Kong on 02-03 and New York on 01-28, keeping each calendar', () => {
    const a = rebaseAt(hk, t0ForEvent(qwen, 'Asia/Hong_Kong', sessions(hk)));
    const b = rebaseAt(ny, t0ForEvent(qwen, 'America/New_York', sessions(ny)));
    expect(a).toMatchObject({ anchorDate: '2025-02-03', anchorClose: 88, missing: null });
    // 100 × 80 / 88, (the 01-28 placeholder is a gap), 100, 100 × 96.8 / 88 = 110
    expect(a.points.map((p) => p.date)).toEqual(['2025-01-27', '2025-02-03', '2025-02-04']);
    expect(a.points[0]!.value).toBeCloseTo((100 * 80) / 88, 12);
    expect(a.points[1]!.value).toBe(100);
    expect(a.points[2]!.value).toBeCloseTo(110, 12);
    // New York: 100 × 50 / 40 = 125, 100, 110, 105, 115 — on its own dates, 01-29 and 01-30 included.
    expect(b.anchorDate).toBe('2025-01-28');
    expect(b.points.map((p) => [p.date, Math.round(p.value * 1e9) / 1e9])).toEqual([
      ['2025-01-27', 125],
      ['2025-01-28', 100],
      ['2025-01-29', 110],
      ['2025-01-30', 105],
      ['2025-02-03', 115],
    ]);
  });

  it('a date anchor is the first session on or after it; [from, to] narrows the points', () => {
    const r = rebaseAt(
      ny,
      t0ForEvent({ date: d('2025-01-31'), time: null, timezone: null }, 'America/New_York', sessions(ny)),
      d('2025-01-30'),
    );
    expect(r.anchorDate).toBe('2025-02-03');
    expect(r.points.map((p) => p.date)).toEqual(['2025-01-30', '2025-02-03']);
  });

  it('says so when there is no data at the anchor', () => {
    const onPlaceholder = rebaseAt(
      hk,
      t0ForEvent({ date: d('2025-01-28'), time: null, timezone: null }, 'Asia/Hong_Kong', sessions(hk)),
    );
    expect(onPlaceholder).toEqual({
      anchorDate: '2025-01-28',
      anchorClose: null,
      points: [],
      missing: 'no data at the anchor 2025-01-28: the bar is a vendor placeholder row',
    });
    const late = rebaseAt(
      hk,
      t0ForEvent({ date: d('2025-03-01'), time: null, timezone: null }, 'Asia/Hong_Kong', sessions(hk)),
    );
    expect(late.missing).toBe('no data at the anchor 2025-03-01: the anchor is after the last cached session');
  });

  it('the value at the crosshair is the last point on or before the date', () => {
    const b = rebaseAt(ny, t0ForEvent(qwen, 'America/New_York', sessions(ny)));
    expect(rebasedValueAt(b, d('2025-01-31'))).toMatchObject({ date: '2025-01-30', value: 105 });
    expect(rebasedValueAt(b, d('2025-01-20'))).toBeNull();
  });
});
