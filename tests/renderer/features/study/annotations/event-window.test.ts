import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../../../src/shared/brand';
import type { ChartEvent } from '../../../../../src/renderer/src/features/study/annotations/chart-event';
import { placeEvents } from '../../../../../src/renderer/src/features/study/annotations/event-markers';
import { eventWindowSpan } from '../../../../../src/renderer/src/features/study/annotations/event-window';
import { neighbourEvent } from '../../../../../src/renderer/src/features/study/annotations/event-navigation';
import { fixtureBars } from '../../chart/bars-fixture';

const bars = fixtureBars('9988.HK-2024-12-16..2025-03-31.csv');
const dateOf = (i: number) => bars[i]!.date;

function placed(id: string, t0: string, window: ChartEvent['window'] = null) {
  const e: ChartEvent = { id, number: 1, t0: asIsoDate(t0), title: id, category: 'policy', approximate: false, window };
  return placeEvents([e], bars).placed[0]!;
}

describe('eventWindowSpan', () => {
  it('shades T0 … T0+5 sessions by default, counting sessions, not calendar days', () => {
    const span = eventWindowSpan(placed('qwen', '2025-02-03'), bars);
    expect([dateOf(span.from), dateOf(span.to)]).toEqual(['2025-02-03', '2025-02-10']);
  });

  it("uses the event's own window when it covers sessions", () => {
    const span = eventWindowSpan(
      placed('cppcc', '2025-03-04', { from: asIsoDate('2025-03-04'), to: asIsoDate('2025-03-10') }),
      bars,
    );
    expect([dateOf(span.from), dateOf(span.to)]).toEqual(['2025-03-04', '2025-03-10']);
  });

  it('falls back to the default window when the own window holds no session (a weekend)', () => {
    const span = eventWindowSpan(
      placed('telcos', '2025-02-10', { from: asIsoDate('2025-02-08'), to: asIsoDate('2025-02-09') }),
      bars,
    );
    expect([dateOf(span.from), dateOf(span.to)]).toEqual(['2025-02-10', '2025-02-17']);
  });

  it('clips the default window at the last cached session', () => {
    const span = eventWindowSpan(placed('late', '2025-03-27'), bars);
    expect(dateOf(span.to)).toBe('2025-03-31');
    expect(span.to).toBe(bars.length - 1);
  });
});

describe('neighbourEvent', () => {
  const events = ['2025-01-20', '2025-02-03', '2025-02-21'].map((d, i) => ({
    id: `e${i}`,
    number: i + 1,
    t0: asIsoDate(d),
    title: d,
    category: 'ai' as const,
    approximate: false,
    window: null,
  }));
  const all = placeEvents(events, bars).placed;

  it('steps forward and back in time order', () => {
    expect(neighbourEvent(all, 'e0', 1)?.event.id).toBe('e1');
    expect(neighbourEvent(all, 'e1', -1)?.event.id).toBe('e0');
  });
  it('starts at the first (next) or last (previous) with nothing selected', () => {
    expect(neighbourEvent(all, null, 1)?.event.id).toBe('e0');
    expect(neighbourEvent(all, null, -1)?.event.id).toBe('e2');
  });
  it('stops at the ends instead of wrapping', () => {
    expect(neighbourEvent(all, 'e2', 1)).toBeNull();
    expect(neighbourEvent(all, 'e0', -1)).toBeNull();
    expect(neighbourEvent([], null, 1)).toBeNull();
  });
});
