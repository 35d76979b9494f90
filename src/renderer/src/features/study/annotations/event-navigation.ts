import type { PlacedEvent } from './event-markers';

/**
 * The event to move to from `currentId` in time order (`step` +1 = next, -1 = previous);
 * with no current event, "next" starts at the first and "previous" at the last. Stops at the
 * ends rather than wrapping, so holding the key does not jump from April back to January.
 */
export function neighbourEvent(
  placed: readonly PlacedEvent[],
  currentId: string | null,
  step: 1 | -1,
): PlacedEvent | null {
  if (placed.length === 0) return null;
  const at = currentId === null ? -1 : placed.findIndex((p) => p.event.id === currentId);
  if (at < 0) return step > 0 ? placed[0]! : placed[placed.length - 1]!;
  return placed[at + step] ?? null;
}
