import type { IsoDate } from './brand';

/*
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`). Such dates carry no time zone: a session
 * date is already local to its exchange, so every computation here is plain UTC calendar
 * arithmetic and never depends on the machine's zone. Zone conversions (an instant → an
 * exchange's date) live with their callers: `src/main/sync/zone-date.ts`, `domain/calendar.ts`.
 */

const DAY_MS = 86_400_000;

const toIso = (t: Date): IsoDate => t.toISOString().slice(0, 10) as IsoDate;

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): IsoDate {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return toIso(t);
}

/** The day after `date`. */
export function nextDay(date: string): IsoDate {
  return addDays(date, 1);
}

/** `date` plus whole months (negative to go back), the day clamped to the target month (31 Mar − 1 month = 28 Feb). */
export function addMonths(date: string, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  target.setUTCDate(Math.min(d, daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1)));
  return toIso(target);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The later of two ISO dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** The earlier of two ISO dates. */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** The UTC calendar date of an instant (a `Date`, or an ISO instant string). */
export function utcDate(t: Date | string): IsoDate {
  return toIso(typeof t === 'string' ? new Date(t) : t);
}

/** Seconds since the epoch of midnight UTC at the start of an ISO date. */
export function utcMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

/** The instant `days` whole days before `t` (for retention windows such as "deleted 30 days ago"). */
export function daysBeforeInstant(t: Date, days: number): Date {
  return new Date(t.getTime() - days * DAY_MS);
}
