import type { IsoDate, Ticker } from '../brand';
import {
  claimMetricSchema,
  evaluateClaim,
  metricProblems,
  type ClaimDefinition,
  type ClaimInputs,
  type ClaimMetric,
  type Verdict,
} from './claims';

/**
 * Sensitivity of a claim to its as-of date: the measured value and verdict had the claim been
 * checked on each admissible date instead of its own, so a user sees whether "nearly 30%"
 * holds on one day or on most days. Admissible dates are the symbol's valid sessions:
 * - `ytd-return-range`: each session in [from, to] (the YTD return as of that day);
 * - `gain-over-period`: each session in [from, to] as the end of the period;
 * - `max-gain-within-days`: each session from T0 to the end of the window (the largest gain so far);
 * - `record-high`, `not-checkable`: none (a record is a single session; there is nothing to measure).
 */

export interface SensitivityPoint {
  readonly date: IsoDate;
  readonly value: number | null;
  readonly verdict: Verdict;
}

export interface ClaimSensitivity {
  readonly symbol: Ticker;
  readonly points: readonly SensitivityPoint[];
  /** Sessions on which the claim holds, and on which it is borderline. */
  readonly holds: number;
  readonly borderline: number;
  /** Why there is no strip, when there is none. */
  readonly note: string | null;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** The metric as of `date` for one kind; null when the kind has no as-of variant. */
function metricAsOf(m: ClaimMetric, date: IsoDate, t0: IsoDate | null): ClaimMetric | null {
  switch (m.kind) {
    case 'ytd-return-range':
      return { ...m, from: date, to: date };
    case 'gain-over-period':
      return { ...m, to: date };
    case 'max-gain-within-days':
      return t0 ? { ...m, days: Math.max(1, daysBetween(t0, date)) } : null;
    default:
      return null;
  }
}

/** The claim's sensitivity strip, one per symbol it names. */
export function claimSensitivity(claim: ClaimDefinition, inputs: ClaimInputs): ClaimSensitivity[] {
  const base = evaluateClaim(claim, inputs);
  const m = claim.metric;
  return base.results.map((r) => {
    const none = (note: string): ClaimSensitivity => ({ symbol: r.symbol, points: [], holds: 0, borderline: 0, note });
    if (m.kind === 'record-high') return none('A record high is one session: there is no as-of range to vary.');
    if (m.kind === 'not-checkable') return none('Not checkable from prices.');
    let from: IsoDate;
    let to: IsoDate;
    let t0: IsoDate | null = null;
    if (m.kind === 'max-gain-within-days') {
      if (r.detail?.kind !== 'max-gain-within-days') return none(r.note);
      t0 = r.detail.t0;
      from = r.detail.t0;
      to = r.detail.windowEnd;
    } else {
      from = m.from;
      to = m.to;
    }
    const dates = inputs
      .bars(r.symbol)
      .filter((b) => !b.placeholder && b.date >= from && b.date <= to)
      .map((b) => b.date);
    const points = dates.map((date): SensitivityPoint => {
      const metric = metricAsOf(m, date, t0)!;
      const one = evaluateClaim({ ...claim, symbols: [r.symbol], metric }, inputs).results[0]!;
      return { date, value: one.value, verdict: one.verdict };
    });
    return {
      symbol: r.symbol,
      points,
      holds: points.filter((p) => p.verdict === 'holds').length,
      borderline: points.filter((p) => p.verdict === 'borderline').length,
      note: points.length ? null : `No valid session between ${from} and ${to}.`,
    };
  });
}

/**
 * Checks a what-if metric by the same rules as a study file's claims (its shape, from ≤ to, bands
 * in order, the borderline band containing the holds band): the problems as one sentence, or null.
 */
export function whatIfProblem(metric: ClaimMetric): string | null {
  const r = claimMetricSchema.safeParse(metric);
  if (!r.success) return r.error.issues.map((i) => i.message).join('; ');
  const problems = metricProblems(r.data);
  return problems.length ? problems.map((p) => p.message).join('; ') : null;
}
