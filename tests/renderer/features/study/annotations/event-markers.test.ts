import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../../../src/shared/brand';
import {
  categoryColors,
  type ChartEvent,
} from '../../../../../src/renderer/src/features/study/annotations/chart-event';
import {
  eventsToMarkers,
  placedById,
  placeEvents,
} from '../../../../../src/renderer/src/features/study/annotations/event-markers';
import { fixtureBars } from '../../chart/bars-fixture';

const bars = fixtureBars('9988.HK-2024-12-16..2025-03-31.csv');

function event(id: string, t0: string, extra: Partial<ChartEvent> = {}): ChartEvent {
  return { id, number: 1, t0: asIsoDate(t0), title: id, category: 'ai', approximate: false, window: null, ...extra };
}

const style = { colors: categoryColors.light, selectedId: null };

describe('placeEvents', () => {
  it('puts each event on the index of its T0 session, in time order', () => {
    const { placed, offChart } = placeEvents(
      [event('qwen', '2025-02-03', { number: 5 }), event('r1', '2025-01-20', { number: 2 })],
      bars,
    );
    expect(offChart).toEqual([]);
    expect(placed.map((p) => [p.event.id, bars[p.index]!.date])).toEqual([
      ['r1', '2025-01-20'],
      ['qwen', '2025-02-03'],
    ]);
  });

  it('leaves out events whose T0 is not a cached session instead of moving them to a neighbour', () => {
    const { placed, offChart } = placeEvents([event('weekend', '2025-02-08'), event('later', '2025-04-07')], bars);
    expect(placed).toEqual([]);
    expect(offChart.map((e) => e.id)).toEqual(['weekend', 'later']);
  });
});

describe('eventsToMarkers', () => {
  it('gives each marker the event id, its T0 as time and the numbered label above the bar', () => {
    const { placed } = placeEvents([event('qwen25-max-release', '2025-02-03', { number: 5, category: 'ai' })], bars);
    const [m] = eventsToMarkers(placed, bars, style);
    expect(m).toEqual({
      id: 'qwen25-max-release',
      time: '2025-02-03',
      position: 'aboveBar',
      shape: 'arrowDown',
      color: categoryColors.light.ai,
      text: '5',
      size: 1,
    });
  });

  it('draws approximate events as faded circles labelled with ≈', () => {
    const { placed } = placeEvents(
      [event('telcos', '2025-02-10', { number: 9, approximate: true, category: 'ai' })],
      bars,
    );
    const [m] = eventsToMarkers(placed, bars, style);
    expect(m).toMatchObject({ shape: 'circle', text: '≈9', color: 'rgba(124, 58, 237, 0.6)' });
  });

  it('enlarges the selected event only', () => {
    const { placed } = placeEvents([event('a', '2025-02-03'), event('b', '2025-02-04')], bars);
    const markers = eventsToMarkers(placed, bars, { ...style, selectedId: 'b' });
    expect(markers.map((m) => m.size)).toEqual([1, 1.6]);
  });

  it('pins a marker on a placeholder session at the last valid bar before it, never on the placeholder price', () => {
    // 2025-01-28 is a half-day placeholder row in 9988.HK (88.35 flat, volume 0).
    const { placed } = placeEvents([event('half-day', '2025-01-28')], bars);
    const [m] = eventsToMarkers(placed, bars, style);
    const prior = bars.find((b) => b.date === '2025-01-27')!;
    expect(m).toMatchObject({ time: '2025-01-28', position: 'atPriceTop', price: prior.high });
    expect(m!.price).not.toBe(88.35);
  });

  it('keeps markers ascending by time, as lightweight-charts requires', () => {
    const events = bars
      .filter((_, i) => i % 7 === 0)
      .reverse()
      .map((b, i) => event(`e${i}`, b.date, { number: i + 1 }));
    const markers = eventsToMarkers(placeEvents(events, bars).placed, bars, style);
    const times = markers.map((m) => m.time as string);
    expect(times).toEqual([...times].sort());
  });
});

describe('placedById', () => {
  it('finds each marked event by id, and the selected one without a marker', () => {
    const { placed } = placeEvents([event('qwen', '2025-02-03'), event('r1', '2025-01-20')], bars);
    const selected = placeEvents([event('other-symbol', '2025-02-10')], bars).placed[0]!;
    const byId = placedById(placed, selected);
    expect(bars[byId.get('qwen')!.index]!.date).toBe('2025-02-03');
    expect(bars[byId.get('r1')!.index]!.date).toBe('2025-01-20');
    expect(byId.get('other-symbol')).toBe(selected);
    expect(byId.get('nope')).toBeUndefined();
    expect(placedById(placed, null).has('other-symbol')).toBe(false);
  });

  it('keeps the marked event when the selection has the same id', () => {
    const { placed } = placeEvents([event('qwen', '2025-02-03')], bars);
    const stale = { event: event('qwen', '2025-01-20'), index: 0 };
    expect(placedById(placed, stale).get('qwen')).toBe(placed[0]);
  });

  it('answers for thousands of events with one entry each', () => {
    const many = bars.map((b, i) => ({ event: event(`e${i}`, b.date), index: i }));
    const byId = placedById(many, null);
    expect(byId.size).toBe(many.length);
    for (const p of many) expect(byId.get(p.event.id)).toBe(p);
  });
});
