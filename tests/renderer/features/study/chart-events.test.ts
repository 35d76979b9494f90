import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker, type IsoDate } from '../../../../src/shared/brand';
import { eventFromFile, parseStudyFile } from '../../../../src/shared/domain/study';
import type { EventWithT0 } from '../../../../src/shared/domain/study-event';
import {
  chartEventsFor,
  defaultStudySymbol,
  eventNumbers,
  followNewSessions,
  t0On,
  visibleEvents,
} from '../../../../src/renderer/src/features/study/chart-events';

// The shipped study file, read as the app stores it; T0s are given the way the study service
// returns them (its own tests check how they are computed), so these tests are about what the
// renderer does with them.
const parsed = parseStudyFile(
  readFileSync(resolve(import.meta.dirname, '../../../../resources/studies/china-tech-rally-2025.study.json'), 'utf8'),
);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const T0: Record<string, Record<string, string>> = {
  'qwen25-max-release': { '9988.HK': '2025-02-03', BABA: '2025-01-28', 'HSTECH.HK': '2025-02-03' },
  'deepseek-r1-release': { '9988.HK': '2025-01-20', BABA: '2025-01-21', 'HSTECH.HK': '2025-01-20' },
};
const events: EventWithT0[] = parsed.study.events.map((e) => {
  const base = eventFromFile(e, parsed.study.id, 'seed');
  const t0 = Object.fromEntries(base.symbols.map((s) => [s, (T0[e.id]?.[s] ?? e.date) as IsoDate | null]));
  return { ...base, t0, hidden: false };
});
const universe = parsed.study.universe.map((u) => ({ ...u, instrument: {} as unknown }));

describe('chartEventsFor', () => {
  it('marks on a symbol only the events that concern it, at the T0 the service gives for that symbol', () => {
    const alibaba = chartEventsFor(events, asTicker('9988.HK'), new Set());
    expect(alibaba.every((e) => events.find((x) => x.id === e.id)!.symbols.includes(asTicker('9988.HK')))).toBe(true);
    expect(alibaba.find((e) => e.id === 'qwen25-max-release')?.t0).toBe('2025-02-03');
    expect(chartEventsFor(events, asTicker('BABA'), new Set()).find((e) => e.id === 'qwen25-max-release')?.t0).toBe(
      '2025-01-28',
    );
    expect(alibaba.some((e) => e.id === 'hstech-2025-low')).toBe(false);
  });

  it('numbers events by their place in the whole timeline, whatever the symbol or filter', () => {
    const numbers = eventNumbers(events);
    const hstech = chartEventsFor(events, asTicker('HSTECH.HK'), new Set(['policy']), numbers);
    expect(hstech.find((e) => e.id === 'qwen25-max-release')?.number).toBe(
      events.findIndex((e) => e.id === 'qwen25-max-release') + 1,
    );
    expect(hstech.some((e) => e.category === 'policy')).toBe(false);
  });

  it('leaves out events without a T0 in the cache and keeps approximate flags and windows', () => {
    const gap = events.map((e) => (e.id === 'deepseek-r1-release' ? { ...e, t0: { ...e.t0, 'HSTECH.HK': null } } : e));
    expect(chartEventsFor(gap, asTicker('HSTECH.HK'), new Set()).some((e) => e.id === 'deepseek-r1-release')).toBe(
      false,
    );
    const approx = chartEventsFor(events, asTicker('HSTECH.HK'), new Set()).find(
      (e) => e.id === 'hstech-nearly-30-ytd',
    )!;
    expect(approx).toMatchObject({ approximate: true, window: { from: '2025-03-12', to: '2025-03-14' } });
  });
});

describe('t0On', () => {
  it('is null for a symbol the event does not concern, even if a T0 were known', () => {
    const qwen = events.find((e) => e.id === 'qwen25-max-release')!;
    expect(t0On(qwen, asTicker('9988.HK'))).toBe(asIsoDate('2025-02-03'));
    expect(t0On({ ...qwen, t0: { ...qwen.t0, '^GSPC': asIsoDate('2025-01-28') } }, asTicker('^GSPC'))).toBeNull();
  });
});

describe('visibleEvents', () => {
  it('keeps timeline order and drops hidden categories', () => {
    const shown = visibleEvents(events, new Set(['market', 'policy']));
    expect(shown.map((e) => e.id)).toEqual(
      events.filter((e) => e.category !== 'market' && e.category !== 'policy').map((e) => e.id),
    );
  });
});

describe('defaultStudySymbol', () => {
  it('opens on the cached subject the most events concern: HSTECH.HK for the embedded study', () => {
    expect(defaultStudySymbol(universe, events)).toBe('HSTECH.HK');
  });
  it('skips symbols that are not cached, and falls back to any cached member', () => {
    const noHstech = universe.map((u) => (u.symbol === 'HSTECH.HK' ? { ...u, instrument: null } : u));
    expect(defaultStudySymbol(noHstech, events)).toBe('BABA');
    const onlyBenchmarks = universe.map((u) => (u.role === 'subject' ? { ...u, instrument: null } : u));
    expect(defaultStudySymbol(onlyBenchmarks, events)).toBe('^HSI');
    expect(defaultStudySymbol([], events)).toBeNull();
  });
});

describe('followNewSessions', () => {
  it('shifts a view that reached the newest session by the sessions added', () => {
    expect(followNewSessions({ from: 80, to: 99.5, barCount: 100 }, 103)).toEqual({ from: 83, to: 102.5 });
  });
  it('keeps a view that did not reach the newest session', () => {
    expect(followNewSessions({ from: 10, to: 50, barCount: 100 }, 103)).toEqual({ from: 10, to: 50 });
  });
  it('keeps the view when nothing was added', () => {
    expect(followNewSessions({ from: 80, to: 99, barCount: 100 }, 100)).toEqual({ from: 80, to: 99 });
  });
});
