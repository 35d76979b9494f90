import { DateTime } from 'luxon';
import { asIsoDate } from '../../shared/brand';
import { sessionCloseTime } from '../../shared/domain/calendar';
import type { Coverage } from '../db/repositories/sync-repository';

/**
 * The instant (ms since the epoch) of the most recent session close at or before `now` on the
 * exchange in `zone`: today's close if it has passed, else the previous weekday's, with the
 * exchange's half days (see {@link sessionCloseTime}). Weekends have no session; public
 * holidays are not known, so a holiday counts as a session (the cost is one request more).
 */
export function lastSessionClose(now: Date, zone: string): number {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) throw new Error(`invalid time zone ${zone}`);
  for (let back = 0; back < 8; back++) {
    const day = local.minus({ days: back });
    // luxon: 6 = Saturday, 7 = Sunday.
    if (day.weekday >= 6) continue;
    const date = asIsoDate(day.toISODate()!);
    const close = DateTime.fromISO(`${date}T${sessionCloseTime(zone, date)}`, { zone });
    if (close.toMillis() <= now.getTime()) return close.toMillis();
  }
  throw new Error(`no weekday in the week before ${now.toISOString()}`);
}

/**
 * Providers publish the final session some minutes after the close (Yahoo's quotes can lag by
 * 15 minutes): a fetch this soon after the close does not count as after it.
 */
export const SETTLE_MARGIN_MS = 30 * 60_000;

/**
 * True when asking the provider for [from, to] again cannot bring anything new: the cache
 * holds the symbol from `from` on, up to `to` or up to the day it was fetched, and that fetch
 * came after the exchange's latest close (plus {@link SETTLE_MARGIN_MS}), so no session has
 * ended since. `zone` 'UTC' is the placeholder of an instrument whose exchange is not known
 * yet: never settled.
 */
export function isSettled(
  coverage: Coverage | null,
  from: string,
  to: string,
  zone: string | null,
  now: Date,
): boolean {
  if (!coverage || !zone || zone === 'UTC') return false;
  if (from < coverage.from) return false;
  // A range that stopped before the day of its fetch (a `to` in the past) says nothing of what follows.
  if (to > coverage.to && coverage.to < coverage.fetchedAt.slice(0, 10)) return false;
  return Date.parse(coverage.fetchedAt) >= lastSessionClose(now, zone) + SETTLE_MARGIN_MS;
}
