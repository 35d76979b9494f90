import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { asIsoDate, type IsoDate } from '../brand';
import { addDays } from '../dates';

/**
 * Trading-calendar rules needed to align a dated event with an exchange's sessions.
 *
 * Sessions themselves are never guessed: they are the dates of the symbol's cached bars
 * (placeholder rows included, since the exchange did trade that day). What this module
 * knows is each exchange's local closing time, including the half-day sessions, so an
 * event after the close moves to the next session.
 */

/** A dated event as far as timing goes: a calendar date, optionally a local time in a zone. */
export interface EventTiming {
  readonly date: IsoDate;
  /** Local `HH:MM` in `timezone`; null for a date-only event. */
  readonly time: string | null;
  readonly timezone: string | null;
}

/** First day of the Lunar New Year, 2020–2030; the eve before it is a Hong Kong half day when it is a weekday session. */
const LUNAR_NEW_YEAR = [
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
];
const LNY_EVE = new Set<string>(LUNAR_NEW_YEAR.map((d) => addDays(d, -1)));

function isDayAfterThanksgiving(d: DateTime): boolean {
  if (d.month !== 11 || d.weekday !== 5) return false;
  const thursday = d.minus({ days: 1 });
  // The fourth Thursday of November falls on the 22nd to the 28th.
  return thursday.day >= 22 && thursday.day <= 28;
}

/**
 * The local closing time (`HH:MM`) of a session of the exchange in `timezone` on `date`.
 * - Hong Kong: 16:00; 12:00 on Christmas Eve, New Year's Eve and Lunar New Year's Eve (no afternoon session).
 * - New York: 16:00; 13:00 on 3 July, the day after Thanksgiving and Christmas Eve.
 * - Shanghai/Shenzhen: 15:00, no half days.
 * - Any other zone: 16:00 (the common close; no half-day knowledge).
 * Only meaningful for dates that are sessions (the caller takes them from cached bars).
 */
export function sessionCloseTime(timezone: string, date: IsoDate): string {
  const md = date.slice(5);
  switch (timezone) {
    case 'Asia/Hong_Kong':
      return md === '12-24' || md === '12-31' || LNY_EVE.has(date) ? '12:00' : '16:00';
    case 'America/New_York': {
      const d = DateTime.fromISO(date, { zone: 'UTC' });
      return md === '07-03' || md === '12-24' || isDayAfterThanksgiving(d) ? '13:00' : '16:00';
    }
    case 'Asia/Shanghai':
    case 'Asia/Chongqing':
      return '15:00';
    default:
      return '16:00';
  }
}

/** The event's date and time in `zone`: converted when the event has a time, else its own calendar date. */
export function localMoment(event: EventTiming, zone: string): { date: IsoDate; time: string | null } {
  if (!event.time || !event.timezone) return { date: event.date, time: null };
  const at = DateTime.fromISO(`${event.date}T${event.time}`, { zone: event.timezone });
  if (!at.isValid)
    throw new Error(`invalid event time ${event.date} ${event.time} ${event.timezone}: ${at.invalidExplanation ?? ''}`);
  const local = at.setZone(zone);
  if (!local.isValid) throw new Error(`invalid time zone ${zone}`);
  return { date: asIsoDate(local.toISODate()!), time: local.toFormat('HH:mm') };
}

/** Why T0 is missing, when it is. */
export type T0Gap = 'before-cached-history' | 'after-cached-history' | 'no-sessions';

/** Where an event lands on one exchange's calendar. */
export interface T0Result {
  /** The first session on or after the event (the next one if the event is after that session's close); null when the cache cannot tell. */
  readonly t0: IsoDate | null;
  /** The event's date in the exchange's zone. */
  readonly localDate: IsoDate;
  /** The event's time in the exchange's zone, when it has one. */
  readonly localTime: string | null;
  /** True when the event fell on a session day at or after its close and moved to the next session. */
  readonly afterClose: boolean;
  readonly gap: T0Gap | null;
}

/** Index of the first element >= `date` in ascending `sessions` (sessions.length when none). */
export function lowerBound(sessions: readonly string[], date: string): number {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sessions[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * T0 of an event for a symbol: that symbol's first session on or after the event's date
 * in the exchange's time zone; an event at or after the session's close moves to the
 * next session. `sessions` are the symbol's cached bar dates, ascending, placeholder rows
 * included. An event before the first cached session has no T0 (the sessions between are
 * unknown), nor has one after the last.
 *
 * Example: Qwen2.5-Max, 2025-01-28 23:00 Asia/Shanghai → BABA (New York) 10:00 on 01-28,
 * before the 16:00 close → T0 2025-01-28; 9988.HK: 23:00 is after the 12:00 half-day close
 * and Hong Kong was shut 29–31 Jan → T0 2025-02-03.
 */
export function t0ForEvent(
  event: EventTiming,
  exchangeZone: string,
  sessions: readonly IsoDate[] | SessionSeek,
): T0Result {
  return t0FromLocal(localMoment(event, exchangeZone), exchangeZone, sessions);
}

/**
 * A symbol's cached sessions (placeholders included) as T0 needs them, without the whole
 * calendar in memory: the main process answers these with index seeks on the bars.
 */
export interface SessionSeek {
  /** The first cached session, or null when none is cached. */
  readonly first: IsoDate | null;
  /** The first session on or after `date`, or null when the cache ends before it. */
  onOrAfter(date: IsoDate): IsoDate | null;
  /** The first session strictly after `date`, or null. */
  after(date: IsoDate): IsoDate | null;
}

/** {@link SessionSeek} over ascending session dates already in memory (binary search). */
export function seekSessions(sessions: readonly IsoDate[]): SessionSeek {
  return {
    first: sessions[0] ?? null,
    onOrAfter: (date) => sessions[lowerBound(sessions, date)] ?? null,
    after: (date) => {
      const i = lowerBound(sessions, date);
      return sessions[sessions[i] === date ? i + 1 : i] ?? null;
    },
  };
}

/**
 * {@link t0ForEvent} from the event's moment already converted to the exchange's zone (by
 * {@link localMoment}), so a study over many symbols of one exchange converts each event once.
 * `sessions`: the cached session dates ascending, or a {@link SessionSeek} over them.
 */
export function t0FromLocal(
  local: { date: IsoDate; time: string | null },
  exchangeZone: string,
  sessions: readonly IsoDate[] | SessionSeek,
): T0Result {
  const seek = isSeek(sessions) ? sessions : seekSessions(sessions);
  const base = { localDate: local.date, localTime: local.time };
  if (seek.first === null) return { ...base, t0: null, afterClose: false, gap: 'no-sessions' };
  if (local.date < seek.first) return { ...base, t0: null, afterClose: false, gap: 'before-cached-history' };
  let t0 = seek.onOrAfter(local.date);
  let afterClose = false;
  if (t0 === local.date && local.time !== null && local.time >= sessionCloseTime(exchangeZone, local.date)) {
    afterClose = true;
    t0 = seek.after(local.date);
  }
  if (t0 === null) return { ...base, t0: null, afterClose, gap: 'after-cached-history' };
  return { ...base, t0, afterClose, gap: null };
}

function isSeek(s: readonly IsoDate[] | SessionSeek): s is SessionSeek {
  return !Array.isArray(s);
}

export { addDays };

/** An IANA time zone name luxon (and the platform's Intl) knows, e.g. `Asia/Hong_Kong`. */
export const timeZoneSchema = z
  .string()
  .refine((v) => IANAZone.isValidZone(v), { message: 'must be an IANA time zone such as Asia/Hong_Kong' });
