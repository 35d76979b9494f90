import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import type { SyncFinishedEvent, SyncSymbolEvent } from '../../../../src/shared/domain/sync';
import { emptySyncView, formatUpdated, reduceSyncView } from '../../../../src/renderer/src/features/sync/sync-view';

const HK = asTicker('9988.HK');
const US = asTicker('BABA');
const symbolEvent = (over: Partial<SyncSymbolEvent>): SyncSymbolEvent => ({
  runId: 'r1',
  symbol: HK,
  state: 'running',
  provider: null,
  added: 0,
  changed: 0,
  reason: null,
  error: null,
  done: 0,
  total: 2,
  ...over,
});

describe('reduceSyncView', () => {
  it('follows a run from started to finished', () => {
    let v = reduceSyncView(emptySyncView, {
      type: 'started',
      event: { runId: 'r1', symbols: [HK, US], total: 2, providers: ['yahoo'], from: null, to: '2025-02-03' as never },
    });
    expect(v.running).toEqual({ runId: 'r1', total: 2, done: 0, current: [] });
    v = reduceSyncView(v, { type: 'symbol', event: symbolEvent({}) });
    v = reduceSyncView(v, { type: 'symbol', event: symbolEvent({ symbol: US }) });
    expect(v.running!.current).toEqual([HK, US]);
    v = reduceSyncView(v, {
      type: 'symbol',
      event: symbolEvent({ state: 'updated', provider: 'yahoo', added: 5, done: 1 }),
    });
    expect(v.running).toEqual({ runId: 'r1', total: 2, done: 1, current: [US] });
    expect(v.results).toEqual([
      { symbol: HK, status: 'updated', added: 5, changed: 0, provider: 'yahoo', reason: null, error: null },
    ]);
    // An event of another run does not disturb this one.
    expect(
      reduceSyncView(v, { type: 'symbol', event: symbolEvent({ runId: 'other', state: 'failed', done: 2 }) }),
    ).toBe(v);
    const finished: SyncFinishedEvent = {
      runId: 'r1',
      results: [
        ...v.results,
        {
          symbol: US,
          status: 'failed',
          added: 0,
          changed: 0,
          provider: 'yahoo',
          reason: 'bad-response',
          error: 'HTML',
        },
      ],
      summary: { total: 2, updated: 1, upToDate: 0, failed: 1, added: 5, changed: 0 },
      cancelled: false,
      offline: false,
      message: '1 updated, 0 up to date, 1 failed (5 new sessions).',
      startedAt: '2025-02-03T10:00:00.000Z',
      finishedAt: '2025-02-03T10:00:02.000Z',
    };
    v = reduceSyncView(v, { type: 'finished', event: finished });
    expect(v.running).toBeNull();
    expect(v.results).toHaveLength(2);
    expect(v.last).toBe(finished);
  });

  it('keeps the offline flag until a provider answers again', () => {
    let v = reduceSyncView(emptySyncView, {
      type: 'status',
      status: { running: null, lastRun: { offline: true, results: [] } as unknown as SyncFinishedEvent, symbols: [] },
    });
    expect(v.offline).toBe(true);
    v = reduceSyncView(v, { type: 'symbol', event: symbolEvent({ state: 'up-to-date', done: 1 }) });
    expect(v.offline).toBe(false);
  });

  it('formats last-updated times', () => {
    const now = Date.parse('2025-02-03T10:00:00Z');
    expect(formatUpdated(null, now)).toBe('never');
    expect(formatUpdated('2025-02-03T09:59:30Z', now)).toBe('just now');
    expect(formatUpdated('2025-02-03T09:45:00Z', now)).toBe('15 min ago');
    expect(formatUpdated('2025-02-03T07:00:00Z', now)).toBe('3 h ago');
    expect(formatUpdated('2025-01-20T07:05:00Z', now)).toMatch(/^2025-01-20 \d\d:05$/);
  });
});
