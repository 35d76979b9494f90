import type { Ticker } from '../../../shared/brand';
import { dataKinds, type DataChangedEvent, type DataKind } from '../../../shared/contract/app';

/**
 * Per-resource versions, bumped by the `data.changed` push event: what views list in their
 * effects' dependencies so that they re-read exactly when what they show changed. Versions
 * only grow; two equal versions mean "nothing committed in between".
 */
export interface DataVersionsSnapshot {
  /** One counter per kind of resource, bumped by every change of that kind. */
  readonly kinds: Readonly<Record<DataKind, number>>;
  /** Bars of one symbol: bumped by a bars change naming it, or naming no symbol. */
  bars(symbol: Ticker): number;
}

type Listener = () => void;

const zeroKinds = (): Record<DataKind, number> =>
  Object.fromEntries(dataKinds.map((k) => [k, 0])) as Record<DataKind, number>;

/**
 * The renderer's store of data versions. Plain TypeScript (no React, no bridge), so the
 * subscriber is tested without a window; `connectDataChanged` wires it to the push event.
 */
export class DataVersions {
  private kinds = zeroKinds();
  /** Bars changes that named no symbol ("any symbol may have changed"). */
  private allBars = 0;
  private readonly barsBySymbol = new Map<Ticker, number>();
  private current: DataVersionsSnapshot = this.makeSnapshot();
  private readonly listeners = new Set<Listener>();

  /** Applies one `data.changed` event and notifies subscribers once. */
  apply(event: DataChangedEvent): void {
    const kinds = new Set(event.kinds.filter((k): k is DataKind => (dataKinds as readonly string[]).includes(k)));
    if (kinds.size === 0) return;
    const next = { ...this.kinds };
    for (const k of kinds) next[k] += 1;
    this.kinds = next;
    if (kinds.has('bars')) {
      if (!event.symbols || event.symbols.length === 0) this.allBars += 1;
      else for (const s of new Set(event.symbols)) this.barsBySymbol.set(s, (this.barsBySymbol.get(s) ?? 0) + 1);
    }
    this.current = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  /** The current versions; a new object after each change (for `useSyncExternalStore`). */
  readonly snapshot = (): DataVersionsSnapshot => this.current;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private makeSnapshot(): DataVersionsSnapshot {
    const all = this.allBars;
    const bySymbol = new Map(this.barsBySymbol);
    return { kinds: this.kinds, bars: (symbol) => all + (bySymbol.get(symbol) ?? 0) };
  }
}

/** How the subscriber listens to a push event (the bridge's `api.on`, or a test's emitter). */
export type OnDataChanged = (event: 'data.changed', listener: (payload: DataChangedEvent) => void) => () => void;

/**
 * The renderer's one subscriber of `data.changed`: every change main commits reaches the
 * versions here, and only here. Returns the unsubscribe function.
 */
export function connectDataChanged(on: OnDataChanged, versions: DataVersions): () => void {
  return on('data.changed', (event) => versions.apply(event));
}
