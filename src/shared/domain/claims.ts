import { z } from 'zod';
import { isoDateSchema, tickerSchema, type IsoDate, type Ticker } from '../brand';
import type { Bar } from './bar';
import { formatPercent, formatPercentBand, formatRounded } from '../format';
import { validBarsBefore } from './series';
import { addDays, t0ForEvent, type EventTiming, type T0Gap } from './calendar';
import {
  lastValidBefore,
  periodReturn,
  simpleReturn,
  ytdBase,
  ytdSeries,
  type PricePoint,
  type YtdPoint,
} from './returns';
import { slugSchema, type RowOrigin } from './study-event';

/**
 * Claims: sentences of a study's source with a checkable metric, evaluated on cached bars.
 * All values are fractions (0.25 = +25%). Bases are always valid closes (placeholder rows
 * never serve as a base or an end point).
 */

/** `not-checkable`: the claim is about something prices cannot measure (e.g. a P/E ratio); the metric says why. */
export const verdicts = ['holds', 'borderline', 'fails', 'not-enough-data', 'not-checkable'] as const;
export type Verdict = (typeof verdicts)[number];

const fraction = z.number().finite().min(-1).max(100);
/** An inclusive band of return values, e.g. 0.27..0.33. */
const bandSchema = z
  .object({ min: fraction, max: fraction })
  .strict()
  .refine((b) => b.min <= b.max, { message: 'band "min" must not exceed "max"' });
/** A strict lower bound: the value must be greater than `above`. */
const aboveSchema = z.object({ above: fraction }).strict();

/**
 * The metric of a claim (a discriminated union on `kind`):
 * - `ytd-return-range`: YTD return of each valid session in [from, to]; holds when one lies in `holds`, borderline when one lies in `borderline`.
 * - `max-gain-within-days`: largest close within `days` calendar days from the event's T0, against the last valid close before T0.
 * - `record-high`: the event session's `field` against every earlier value in the cache (a record within the cached history).
 * - `gain-over-period`: return from the last valid close before `from` to the last valid close on or before `to`.
 * - `not-checkable`: a claim the price data cannot check (a P/E ratio, a fund flow); `reason` says why. It is
 *   listed with the verdict `not-checkable`, never silently left out.
 */
export const claimMetricSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('ytd-return-range'),
      from: isoDateSchema,
      to: isoDateSchema,
      target: fraction,
      holds: bandSchema,
      borderline: bandSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('max-gain-within-days'),
      event: slugSchema,
      days: z.number().int().min(1).max(3660),
      holds: aboveSchema,
      borderline: aboveSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('record-high'), event: slugSchema, field: z.enum(['high', 'close']) }).strict(),
  z
    .object({
      kind: z.literal('gain-over-period'),
      from: isoDateSchema,
      to: isoDateSchema,
      holds: aboveSchema,
      borderline: aboveSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('not-checkable'), reason: z.string().trim().min(1).max(1000) }).strict(),
]);
export type ClaimMetric = z.output<typeof claimMetricSchema>;
export type ClaimMetricKind = ClaimMetric['kind'];

/**
 * What makes a metric's parameters disagree with each other, field by field (a study file's
 * claims and a user's what-if obey the same rules): `from` after `to`, a year-to-date range over
 * two years, a borderline band that does not contain the holds band (the verdicts would say
 * "holds" where they say "not even borderline"), a borderline bound above the holds bound.
 */
export function metricProblems(m: ClaimMetric): Array<{ readonly field: string; readonly message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if ((m.kind === 'ytd-return-range' || m.kind === 'gain-over-period') && m.from > m.to)
    out.push({ field: 'from', message: '"from" must not be after "to"' });
  if (m.kind === 'ytd-return-range' && m.from.slice(0, 4) !== m.to.slice(0, 4))
    out.push({ field: 'to', message: 'a year-to-date range must lie within one year' });
  if ((m.kind === 'max-gain-within-days' || m.kind === 'gain-over-period') && m.borderline)
    if (m.borderline.above > m.holds.above)
      out.push({ field: 'borderline', message: 'the borderline bound must not be above the holds bound' });
  if (m.kind === 'ytd-return-range' && m.borderline)
    if (m.borderline.min > m.holds.min || m.borderline.max < m.holds.max)
      out.push({ field: 'borderline', message: 'the borderline band must contain the holds band' });
  return out;
}

/** A claim as written in a study file. */
export const claimFileSchema = z
  .object({
    id: slugSchema,
    /** The exact words of the source that make the claim (a sentence or a fragment of `quote`). */
    text: z.string().trim().min(1).max(2000),
    /** The full sentence of the source that contains `text`. */
    quote: z.string().trim().min(1).max(4000),
    symbols: z.array(tickerSchema).min(1).max(50),
    metric: claimMetricSchema,
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.quote.includes(c.text))
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text must be an exact part of quote' });
    for (const p of metricProblems(c.metric))
      ctx.addIssue({ code: 'custom', path: ['metric', p.field], message: p.message });
    const dup = c.symbols.find((s, i) => c.symbols.indexOf(s) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['symbols'], message: `${dup} is listed twice` });
  });
export type ClaimFile = z.output<typeof claimFileSchema>;

/** A stored claim of a study. */
export interface ClaimDefinition {
  readonly id: string;
  readonly studyId: string;
  readonly origin: RowOrigin;
  readonly text: string;
  readonly quote: string;
  readonly symbols: readonly Ticker[];
  readonly metric: ClaimMetric;
  readonly note: string | null;
}

/** A contiguous run of sessions whose values lie in a band. */
export interface DateRun {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly sessions: number;
}

/** Metric-specific numbers behind a result, for the claims panel. */
export type ClaimDetail =
  | {
      readonly kind: 'ytd-return-range';
      /** Runs of consecutive valid sessions whose YTD return lies in the holds band. */
      readonly inBand: readonly DateRun[];
      /** The YTD return of every valid session of the measured range. */
      readonly series: readonly YtdPoint[];
    }
  | {
      readonly kind: 'max-gain-within-days';
      readonly eventDate: IsoDate;
      readonly t0: IsoDate;
      /** Last calendar day of the window (T0 + days). */
      readonly windowEnd: IsoDate;
    }
  | {
      readonly kind: 'record-high';
      readonly t0: IsoDate;
      /** First cached date: the record is a record since this day only. */
      readonly historyFrom: IsoDate;
      /** The close of the event session against the highest earlier close. */
      readonly closeBasis: { readonly close: number; readonly priorMax: PricePoint; readonly value: number } | null;
    };

/** The measurement of a claim on one symbol. */
export interface ClaimResult {
  readonly symbol: Ticker;
  /** The measured value as a fraction (0.25 = +25%); null when there is not enough data. */
  readonly value: number | null;
  readonly verdict: Verdict;
  /** Start of the measured window: the date of the base price. */
  readonly from: IsoDate | null;
  /** End of the measured window: the date of the price measured against the base. */
  readonly to: IsoDate | null;
  readonly base: PricePoint | null;
  readonly end: PricePoint | null;
  /** One or two sentences with the numbers, dates and the base used (or why data is missing). */
  readonly note: string;
  readonly detail: ClaimDetail | null;
}

/** A claim with its results, one per symbol. */
export interface ClaimEvaluation {
  readonly id: string;
  readonly studyId: string;
  readonly text: string;
  readonly quote: string;
  readonly metric: ClaimMetric;
  readonly note: string | null;
  readonly results: readonly ClaimResult[];
}

/** What evaluation reads: cached bars and zones per symbol, and the study's events. */
export interface ClaimInputs {
  /** Bars ascending by date; empty when the symbol is not cached. */
  bars(symbol: Ticker): readonly Bar[];
  /** The exchange's IANA zone, or null when the symbol is not cached. */
  timezone(symbol: Ticker): string | null;
  event(id: string): (EventTiming & { readonly id: string }) | null;
}

// Band checks tolerate float noise such as 0.33000000000000007.
const EPS = 1e-12;
const inBand = (v: number, b: { min: number; max: number }): boolean => v >= b.min - EPS && v <= b.max + EPS;

/** Formats a fraction as a signed percentage with one decimal: 0.5874 → "+58.7%". */
export function formatPct(v: number): string {
  return formatPercent(v, { digits: 1, plusOnZero: true });
}
const fmtBand = formatPercentBand;
const fmtPrice = (v: number): string => formatRounded(v, 4);

/** Placeholder rows strictly between two dates, named in notes where they were skipped as a base. */
function placeholdersBetween(bars: readonly Bar[], after: IsoDate, before: IsoDate): string {
  const dates = bars.filter((b) => b.placeholder && b.date > after && b.date < before).map((b) => b.date);
  return dates.length ? ` (${dates.join(', ')}: placeholder half-day row, not a base)` : '';
}

function notEnough(symbol: Ticker, note: string): ClaimResult {
  return {
    symbol,
    value: null,
    verdict: 'not-enough-data',
    from: null,
    to: null,
    base: null,
    end: null,
    note,
    detail: null,
  };
}

const gapText: Record<T0Gap, string> = {
  'before-cached-history': 'the event is before the first cached session',
  'after-cached-history': 'no cached session on or after the event yet',
  'no-sessions': 'no cached bars',
};

function runs(points: readonly YtdPoint[], keep: (p: YtdPoint) => boolean): DateRun[] {
  const out: DateRun[] = [];
  let cur: { from: IsoDate; to: IsoDate; sessions: number } | null = null;
  for (const p of points) {
    if (keep(p)) {
      if (cur) {
        cur.to = p.date;
        cur.sessions += 1;
      } else cur = { from: p.date, to: p.date, sessions: 1 };
    } else if (cur) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function closest(points: readonly YtdPoint[], target: number): YtdPoint | null {
  let best: YtdPoint | null = null;
  for (const p of points) if (!best || Math.abs(p.value - target) < Math.abs(best.value - target) - EPS) best = p;
  return best;
}

function evalYtdRange(
  m: Extract<ClaimMetric, { kind: 'ytd-return-range' }>,
  symbol: Ticker,
  bars: readonly Bar[],
): ClaimResult {
  const year = Number(m.from.slice(0, 4));
  const base = ytdBase(bars, year);
  if (!base)
    return notEnough(symbol, `No valid close before ${year}-01-01 in the cache to serve as the year-to-date base.`);
  const series = ytdSeries(bars, m.from, m.to);
  if (series.length === 0) return notEnough(symbol, `No valid cached session between ${m.from} and ${m.to}.`);
  const covered = bars.at(-1)!.date >= m.to;
  const holding = series.filter((p) => inBand(p.value, m.holds));
  const near = m.borderline ? series.filter((p) => inBand(p.value, m.borderline!)) : [];
  const pick = closest(holding, m.target) ?? closest(near, m.target) ?? closest(series, m.target)!;
  const verdict: Verdict = holding.length
    ? 'holds'
    : near.length
      ? 'borderline'
      : covered
        ? 'fails'
        : 'not-enough-data';
  const inBandRuns = runs(series, (p) => inBand(p.value, m.holds));
  const lo = series.reduce((a, p) => (p.value < a.value ? p : a));
  const hi = series.reduce((a, p) => (p.value > a.value ? p : a));
  const basis = `against ${fmtPrice(base.close)}, the last valid close of ${year - 1} (${base.date})${placeholdersBetween(bars, base.date, m.from)}`;
  const where = holding.length
    ? `within ${fmtBand(m.holds)} on ${holding.length} of ${series.length} sessions from ${m.from} to ${m.to}, first ${holding[0]!.date}, last ${holding.at(-1)!.date}`
    : `never within ${fmtBand(m.holds)} on the ${series.length} sessions from ${m.from} to ${m.to}`;
  const note =
    `Year-to-date ${basis}: ${where}; range ${formatPct(lo.value)} (${lo.date}) to ${formatPct(hi.value)} (${hi.date}). ` +
    `Closest to ${formatPct(m.target)}: ${formatPct(pick.value)} on ${pick.date}.` +
    (covered ? '' : ` The cache ends on ${bars.at(-1)!.date}, before ${m.to}.`);
  return {
    symbol,
    value: pick.value,
    verdict,
    from: base.date,
    to: pick.date,
    base: { date: base.date, value: base.close, field: 'close' },
    end: { date: pick.date, value: pick.close, field: 'close' },
    note,
    detail: { kind: 'ytd-return-range', inBand: inBandRuns, series },
  };
}

function judgeAbove(
  value: number,
  m: { holds: { above: number }; borderline?: { above: number } },
  complete: boolean,
): Verdict {
  if (value > m.holds.above + EPS) return 'holds';
  if (!complete) return 'not-enough-data';
  if (m.borderline && value > m.borderline.above + EPS) return 'borderline';
  return 'fails';
}

function evalMaxGain(
  m: Extract<ClaimMetric, { kind: 'max-gain-within-days' }>,
  symbol: Ticker,
  bars: readonly Bar[],
  zone: string,
  event: EventTiming,
): ClaimResult {
  const t = t0ForEvent(
    event,
    zone,
    bars.map((b) => b.date),
  );
  if (!t.t0) return notEnough(symbol, `No T0 for event "${m.event}": ${gapText[t.gap!]}.`);
  const t0 = t.t0;
  const base = lastValidBefore(bars, t0);
  if (!base) return notEnough(symbol, `No valid close before T0 ${t0} in the cache to serve as the base.`);
  const windowEnd = addDays(t0, m.days);
  const window = bars.filter((b) => b.date >= t0 && b.date <= windowEnd && !b.placeholder);
  if (window.length === 0) return notEnough(symbol, `No valid cached session from T0 ${t0} to ${windowEnd}.`);
  const peak = window.reduce((a, b) => (b.close > a.close ? b : a));
  const value = simpleReturn(base.close, peak.close);
  const complete = bars.at(-1)!.date >= windowEnd;
  const note =
    `Base ${fmtPrice(base.close)} on ${base.date}, the last valid close before T0 ${t0}${placeholdersBetween(bars, base.date, t0)}` +
    `; highest close within ${m.days} days (to ${windowEnd}): ${fmtPrice(peak.close)} on ${peak.date}, ${formatPct(value)}.` +
    (complete ? '' : ` The cache ends on ${bars.at(-1)!.date}, before the window does.`);
  return {
    symbol,
    value,
    verdict: judgeAbove(value, m, complete),
    from: base.date,
    to: peak.date,
    base: { date: base.date, value: base.close, field: 'close' },
    end: { date: peak.date, value: peak.close, field: 'close' },
    note,
    detail: { kind: 'max-gain-within-days', eventDate: event.date, t0, windowEnd },
  };
}

function evalRecordHigh(
  m: Extract<ClaimMetric, { kind: 'record-high' }>,
  symbol: Ticker,
  bars: readonly Bar[],
  zone: string,
  event: EventTiming,
): ClaimResult {
  const t = t0ForEvent(
    event,
    zone,
    bars.map((b) => b.date),
  );
  if (!t.t0) return notEnough(symbol, `No T0 for event "${m.event}": ${gapText[t.gap!]}.`);
  const t0 = t.t0;
  const session = bars.find((b) => b.date === t0)!;
  const pick = (b: Bar): number | null => (m.field === 'high' ? b.high : b.close);
  const sessionValue = pick(session);
  if (session.placeholder || sessionValue === null) {
    return notEnough(
      symbol,
      `The T0 session ${t0} has no valid ${m.field === 'high' ? 'intraday high' : 'close'} (placeholder or close-only row).`,
    );
  }
  const prior = validBarsBefore(bars, t0).filter((b) => pick(b) !== null);
  if (prior.length === 0) return notEnough(symbol, `No valid session before ${t0} in the cache to compare with.`);
  const best = prior.reduce((a, b) => (pick(b)! > pick(a)! ? b : a));
  const value = simpleReturn(pick(best)!, sessionValue);
  const historyFrom = bars[0]!.date;
  const priorClose = prior.reduce((a, b) => (b.close > a.close ? b : a));
  const closeBasis =
    m.field === 'high'
      ? {
          close: session.close,
          priorMax: { date: priorClose.date, value: priorClose.close, field: 'close' as const },
          value: simpleReturn(priorClose.close, session.close),
        }
      : null;
  const label = m.field === 'high' ? 'intraday high' : 'close';
  const note =
    `${t0} ${label} ${fmtPrice(sessionValue)} against the previous record ${label} ${fmtPrice(pick(best)!)} (${best.date}): ${formatPct(value)}; ` +
    `a record within the cached history since ${historyFrom} only.` +
    (closeBasis
      ? ` On a close basis, ${fmtPrice(session.close)} against the earlier best close ${fmtPrice(priorClose.close)} (${priorClose.date}): ${formatPct(closeBasis.value)}.`
      : '');
  return {
    symbol,
    value,
    verdict: value > EPS ? 'holds' : 'fails',
    from: historyFrom,
    to: t0,
    base: { date: best.date, value: pick(best)!, field: m.field },
    end: { date: t0, value: sessionValue, field: m.field },
    note,
    detail: { kind: 'record-high', t0, historyFrom, closeBasis },
  };
}

function evalGain(
  m: Extract<ClaimMetric, { kind: 'gain-over-period' }>,
  symbol: Ticker,
  bars: readonly Bar[],
): ClaimResult {
  const r = periodReturn(bars, m.from, m.to);
  if (!r) {
    const reason = !lastValidBefore(bars, m.from)
      ? `no valid close before ${m.from} in the cache to serve as the base`
      : `the cache does not reach ${m.to}`;
    return notEnough(symbol, `Cannot measure ${m.from} → ${m.to}: ${reason}.`);
  }
  const note =
    `Base ${fmtPrice(r.base.value)} on ${r.base.date}, the last valid close before ${m.from}${placeholdersBetween(bars, r.base.date, m.from)}; ` +
    `${fmtPrice(r.end.value)} on ${r.end.date}: ${formatPct(r.value)}.`;
  return {
    symbol,
    value: r.value,
    verdict: judgeAbove(r.value, m, true),
    from: r.base.date,
    to: r.end.date,
    base: r.base,
    end: r.end,
    note,
    detail: null,
  };
}

/** Measures one claim on every symbol it names. Pure: reads only `inputs`. */
export function evaluateClaim(claim: ClaimDefinition, inputs: ClaimInputs): ClaimEvaluation {
  const m = claim.metric;
  const results = claim.symbols.map((symbol): ClaimResult => {
    const bars = inputs.bars(symbol);
    const zone = inputs.timezone(symbol);
    if (m.kind === 'not-checkable')
      return { ...notEnough(symbol, `Not checkable from prices: ${m.reason}`), verdict: 'not-checkable' };
    if (bars.length === 0 || zone === null) return notEnough(symbol, `${symbol} has no cached bars.`);
    switch (m.kind) {
      case 'ytd-return-range':
        return evalYtdRange(m, symbol, bars);
      case 'gain-over-period':
        return evalGain(m, symbol, bars);
      case 'max-gain-within-days':
      case 'record-high': {
        const event = inputs.event(m.event);
        if (!event) return notEnough(symbol, `The study has no event "${m.event}".`);
        return m.kind === 'record-high'
          ? evalRecordHigh(m, symbol, bars, zone, event)
          : evalMaxGain(m, symbol, bars, zone, event);
      }
    }
  });
  return {
    id: claim.id,
    studyId: claim.studyId,
    text: claim.text,
    quote: claim.quote,
    metric: m,
    note: claim.note,
    results,
  };
}
