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

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Seconds to add to UTC to get the wall-clock time in `zone` at an instant (one Intl call). */
export function zoneOffsetSeconds(unixSeconds: number, zone: string): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(zone, f);
  }
  const whole = Math.floor(unixSeconds);
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(whole * 1000))) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return Date.UTC(v.year!, v.month! - 1, v.day!, v.hour!, v.minute!, v.second!) / 1000 - whole;
}

/** Offsets are probed at the start of every such period of UTC time (one week). */
const PROBE_SECONDS = 7 * 86_400;
/** Per zone: probe index → offset at the probe, kept for the process's life (a few KB per zone). */
const probes = new Map<string, Map<number, number>>();
const isoOfDay = new Map<number, IsoDate>();

function isoDay(day: number): IsoDate {
  let s = isoOfDay.get(day);
  if (!s) {
    s = asIsoDate(new Date(day * 86_400_000).toISOString().slice(0, 10));
    isoOfDay.set(day, s);
  }
  return s;
}

/**
 * {@link dateInZone} for many instants at once, without an Intl call per instant: the zone's
 * offset is probed once a week of UTC time (probes cached per zone). Where the offsets at both
 * ends of the week agree, no zone changes its offset twice within a week, so the offset is that
 * one; where they differ (a DST change inside the week), the date is taken when both offsets
 * give the same day, and from Intl otherwise.
 */
export function datesInZone(unixSeconds: readonly number[], zone: string): IsoDate[] {
  let cache = probes.get(zone);
  if (!cache) {
    cache = new Map();
    probes.set(zone, cache);
  }
  const probe = (k: number): number => {
    let o = cache.get(k);
    if (o === undefined) {
      o = zoneOffsetSeconds(k * PROBE_SECONDS, zone);
      cache.set(k, o);
    }
    return o;
  };
  const out = new Array<IsoDate>(unixSeconds.length);
  for (let i = 0; i < unixSeconds.length; i++) {
    const t = unixSeconds[i]!;
    const k = Math.floor(t / PROBE_SECONDS);
    const a = probe(k);
    const b = probe(k + 1);
    const da = Math.floor((t + a) / 86_400);
    out[i] = a === b || da === Math.floor((t + b) / 86_400) ? isoDay(da) : dateInZone(t, zone);
  }
  return out;
}

// Calendar arithmetic without a zone is shared (src/shared/dates.ts); re-exported for the sync code.
export { addDays, utcDate, utcMidnight } from '../../shared/dates';
