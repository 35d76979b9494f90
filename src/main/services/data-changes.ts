import type { Ticker } from '../../shared/brand';
import type { DataChangedEvent, DataKind } from '../../shared/contract/app';

/**
 * Told by a service after a committed write that changes what a view shows. The composition
 * root turns it into the `data.changed` push event; the CLI and tests pass {@link ignoreChanges}
 * or collect the calls. Never called for a write that was rolled back or changed nothing.
 */
export type NotifyChange = (change: DataChangedEvent) => void;

/** For entry points without a window (the CLI). */
export const ignoreChanges: NotifyChange = () => {};

/** A change of these kinds, narrowed to `symbols` when given (deduplicated, in first-seen order). */
export function dataChange(kinds: readonly DataKind[], symbols?: Iterable<Ticker>): DataChangedEvent {
  if (symbols === undefined) return { kinds: [...kinds] };
  return { kinds: [...kinds], symbols: [...new Set(symbols)] };
}
