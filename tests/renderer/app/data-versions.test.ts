import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../src/shared/brand';
import type { DataChangedEvent } from '../../../src/shared/contract/app';
import { connectDataChanged, DataVersions, type OnDataChanged } from '../../../src/renderer/src/app/data-versions';

/** A push-event source like the bridge's `api.on`, that a test can fire. */
function pushSource() {
  const listeners = new Set<(e: DataChangedEvent) => void>();
  const on: OnDataChanged = (event, listener) => {
    expect(event).toBe('data.changed');
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { on, push: (e: DataChangedEvent) => listeners.forEach((l) => l(e)), count: () => listeners.size };
}

const A = asTicker('9988.HK');
const B = asTicker('BABA');

describe('the data.changed subscriber', () => {
  it('bumps exactly the kinds a change names', () => {
    const versions = new DataVersions();
    const src = pushSource();
    connectDataChanged(src.on, versions);
    src.push({ kinds: ['watchlists'] });
    expect(versions.snapshot().kinds).toEqual({
      instruments: 0,
      bars: 0,
      watchlists: 1,
      studies: 0,
      events: 0,
      claims: 0,
      settings: 0,
    });
    src.push({ kinds: ['events', 'claims'] });
    src.push({ kinds: ['events'] });
    expect(versions.snapshot().kinds.events).toBe(2);
    expect(versions.snapshot().kinds.claims).toBe(1);
    expect(versions.snapshot().kinds.watchlists).toBe(1);
  });

  it('bumps the bars of the symbols written only, and every symbol when none is named', () => {
    const versions = new DataVersions();
    const src = pushSource();
    connectDataChanged(src.on, versions);
    src.push({ kinds: ['bars', 'instruments'], symbols: [A] });
    let v = versions.snapshot();
    expect([v.bars(A), v.bars(B), v.kinds.bars, v.kinds.instruments]).toEqual([1, 0, 1, 1]);
    src.push({ kinds: ['bars'], symbols: [A, A, B] });
    v = versions.snapshot();
    expect([v.bars(A), v.bars(B)]).toEqual([2, 1]);
    src.push({ kinds: ['bars'] });
    v = versions.snapshot();
    expect([v.bars(A), v.bars(B), v.bars(asTicker('0700.HK'))]).toEqual([3, 2, 1]);
  });

  it('does not touch bars versions for a change of another kind that names symbols', () => {
    const versions = new DataVersions();
    versions.apply({ kinds: ['instruments'], symbols: [A] });
    expect(versions.snapshot().bars(A)).toBe(0);
    expect(versions.snapshot().kinds.instruments).toBe(1);
  });

  it('gives a new snapshot and notifies subscribers once per change; an empty change is ignored', () => {
    const versions = new DataVersions();
    let calls = 0;
    const off = versions.subscribe(() => calls++);
    const before = versions.snapshot();
    versions.apply({ kinds: [] });
    expect(versions.snapshot()).toBe(before);
    versions.apply({ kinds: ['bars', 'claims'], symbols: [A, B] });
    expect(calls).toBe(1);
    expect(versions.snapshot()).not.toBe(before);
    // An old snapshot keeps its values: views compare versions across renders.
    expect(before.bars(A)).toBe(0);
    off();
    versions.apply({ kinds: ['bars'] });
    expect(calls).toBe(1);
  });

  it('ignores kinds it does not know (a newer main) instead of failing', () => {
    const versions = new DataVersions();
    versions.apply({ kinds: ['future-kind' as never, 'settings'] });
    expect(versions.snapshot().kinds.settings).toBe(1);
    expect(Object.keys(versions.snapshot().kinds)).not.toContain('future-kind');
  });

  it('stops listening when disconnected', () => {
    const versions = new DataVersions();
    const src = pushSource();
    const off = connectDataChanged(src.on, versions);
    expect(src.count()).toBe(1);
    off();
    expect(src.count()).toBe(0);
    src.push({ kinds: ['bars'] });
    expect(versions.snapshot().kinds.bars).toBe(0);
  });
});
