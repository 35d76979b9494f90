import { asIsoDate, type IsoDate } from '../../shared/brand';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `zone` is an IANA time zone this runtime knows (e.g. `Asia/Hong_Kong`). */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The calendar date of an instant in a time zone: a session's trading date is local to its
 * exchange, so 2025-01-01T16:00Z is 2025-01-02 in Hong Kong, never 2025-01-01.
 */
export function dateInZone(unixSeconds: number, zone: string): IsoDate {
  const parts = formatterFor(zone).formatToParts(new Date(unixSeconds * 1000));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return asIsoDate(`${get('year')}-${get('month')}-${get('day')}`);
}

// Calendar arithmetic without a zone is shared (src/shared/dates.ts); re-exported for the sync code.
export { addDays, utcDate, utcMidnight } from '../../shared/dates';
