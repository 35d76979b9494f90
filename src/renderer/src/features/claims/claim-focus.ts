import { useSyncExternalStore } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';

/** A claim's measured span on one symbol, to mark on that symbol's chart. */
export interface ClaimFocus {
  readonly claimId: string;
  readonly symbol: Ticker;
  /** Date of the base price. */
  readonly from: IsoDate;
  /** Date of the price measured against the base. */
  readonly to: IsoDate;
  /** The measured value as a fraction, or null. */
  readonly value: number | null;
  /** Bumped on every request, so asking again for the same span brings it back into view. */
  readonly seq: number;
}

let current: ClaimFocus | null = null;
let seq = 0;
const listeners = new Set<() => void>();

/** Marks a claim's base and end on its symbol's chart (null clears the marks). */
export function focusClaim(f: Omit<ClaimFocus, 'seq'> | null): void {
  current = f ? { ...f, seq: ++seq } : null;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The claim span marked on the chart, or null. */
export function useClaimFocus(): ClaimFocus | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}
