import type { IsoDate } from '../../shared/brand';
import type { Coverage } from '../db/repositories/sync-repository';
import { laterDate } from '../../shared/dates';
import { addDays } from './zone-date';

/** One request of a plan. `backward` chunks are committed newest first, so coverage stays contiguous. */
export interface PlannedRequest {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly direction: 'forward' | 'backward';
}

export interface PlanOptions {
  readonly overlapDays: number;
  readonly settleDays: number;
}

/**
 * What to ask a provider for, given what is already held from it (`coverage`) and the wanted
 * range. First sync: the whole range. Later: the part before what is held (if wanted), and the
 * tail from a few days before the end of what is held (revisions, the session in progress)
 * to the wanted end, unless the wanted range ended well before it was last fetched (final).
 * A gap between what is held and what is wanted is fetched too. `force` (the user's "ask
 * anyway") asks even a final range: the tail as usual, or, for a range inside what is held,
 * that range itself.
 */
export function planRequests(
  coverage: Coverage | null,
  from: IsoDate,
  to: IsoDate,
  o: PlanOptions,
  force = false,
): PlannedRequest[] {
  if (from > to) return [];
  if (!coverage) return [{ from, to, direction: 'forward' }];
  const plan: PlannedRequest[] = [];
  // Gaps are always filled, so the held range stays one contiguous run of dates.
  if (from < coverage.from) plan.push({ from, to: addDays(coverage.from, -1), direction: 'backward' });
  const fetchedOn = coverage.fetchedAt.slice(0, 10);
  const settled = !force && to <= coverage.to && to < addDays(fetchedOn, -o.settleDays);
  const tailFrom = laterDate(coverage.from, addDays(coverage.to, -o.overlapDays));
  if (!settled && to >= tailFrom) plan.push({ from: tailFrom, to, direction: 'forward' });
  else if (force && to < tailFrom) {
    const held = laterDate(from, coverage.from);
    if (held <= to) plan.push({ from: held, to, direction: 'forward' });
  }
  return plan;
}
