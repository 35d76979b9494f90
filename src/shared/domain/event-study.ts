import { z } from 'zod';
import { asTicker, type IsoDate, type Ticker } from '../brand';
import type { Bar } from './bar';
import { lowerBound } from './calendar';
import { simpleReturn } from './returns';

/**
 * Event-study maths on daily bars: pure functions, no I/O. Returns are simple fractions
 * (0.01 = +1 %). Conventions, fixed here and documented in docs/cli.md:
 *
 * - **Sessions.** A symbol's return series runs over its valid sessions only: close-to-close
 *   simple returns from one valid close to the next. A vendor placeholder row (flagged on the
 *   bar) is skipped: it is neither an observation nor counted in a window; the return of the
 *   next valid session spans it.
 * - **Benchmark alignment across calendars.** The benchmark's return for a symbol's session
 *   is taken over the same calendar span: from the benchmark's last valid close on or before
 *   the symbol's previous session date to its last valid close on or before the symbol's
 *   session date. So when Hong Kong is shut and New York trades, the first Hong Kong session
 *   after the holiday is compared with the compounded US move over the holiday; when New York
 *   is shut and Hong Kong trades, the benchmark return of that session is 0. Dates are
 *   exchange-local calendar dates compared as such (no intraday lag between a Hong Kong close
 *   and a New York close of the same date). A benchmark whose cache does not reach the
 *   session's date (or starts after its previous session) has no return there (null).
 * - **Windows** are inclusive session offsets `[a, b]` around T0 (T0 = 0) on that return series:
 *   position 0 is the first valid session on or after T0.
 * - **Market model**: alpha and beta by OLS of the symbol's returns on the benchmark's over
 *   the estimation window (default sessions −130 … −11, 120 observations); s² is the residual
 *   variance with n − 2 degrees of freedom; CAR = Σ (r − α − β·r_m) over the window and its
 *   t = CAR / sqrt(L · s²), L the window's length in sessions.
 * - Nothing is guessed: a window or estimation period the data does not cover comes back
 *   with its numbers null and a `missing` sentence saying what is lacking.
 */

/** An inclusive window of session offsets around T0, `[from, to]`, e.g. `[-5, -1]`. */
export type SessionWindow = readonly [number, number];

/** The windows an event study measures unless told otherwise. */
export const DEFAULT_WINDOWS: readonly SessionWindow[] = [
  [-5, -1],
  [0, 1],
  [0, 5],
  [0, 20],
];

/** The estimation window: `length` sessions ending `gap + 1` sessions before T0 (−130 … −11 by default). */
export interface EstimationSpec {
  readonly length: number;
  /** Sessions left out between the estimation window's end and T0 (10 → it ends at −11). */
  readonly gap: number;
}

export const DEFAULT_ESTIMATION: EstimationSpec = { length: 120, gap: 10 };

/** Window offsets must stay within a year of sessions either side of T0. */
export const MAX_WINDOW_OFFSET = 250;

/** A session window `[a, b]`, a ≤ b, within ±{@link MAX_WINDOW_OFFSET} sessions of T0. */
export const sessionWindowSchema = z
  .tuple([
    z.number().int().min(-MAX_WINDOW_OFFSET).max(MAX_WINDOW_OFFSET),
    z.number().int().min(-MAX_WINDOW_OFFSET).max(MAX_WINDOW_OFFSET),
  ])
  .refine(([a, b]) => a <= b, { message: 'a window [a, b] needs a ≤ b' });

/** Most windows one run (or a study's own list) measures. */
export const MAX_WINDOWS = 12;

/** Windows in the order a study keeps them: by start, then by end. */
export function orderWindows(windows: readonly SessionWindow[]): SessionWindow[] {
  return windows.map(([a, b]) => [a, b] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** A study's own list of windows: 1 to {@link MAX_WINDOWS}, each listed once. */
export const studyWindowsSchema = z
  .array(sessionWindowSchema)
  .min(1, { message: 'a study needs at least one window' })
  .max(MAX_WINDOWS, { message: `at most ${MAX_WINDOWS} windows` })
  .refine((ws) => new Set(ws.map(([a, b]) => `${a}:${b}`)).size === ws.length, {
    message: 'each window is listed once',
  });

/**
 * A symbol's daily return series aligned with its benchmark. Parallel arrays, one entry per
 * valid session after the first; `benchmark[k]` is NaN where the benchmark has no return for
 * that span (see module notes). Typed arrays keep 500 symbols × 500 sessions cheap.
 */
export interface AlignedReturns {
  /** Session date of each observation (the close the return ends on), ascending. */
  readonly dates: readonly IsoDate[];
  /** Previous valid session date of each observation (the close the return starts from). */
  readonly prevDates: readonly IsoDate[];
  readonly symbol: Float64Array;
  readonly benchmark: Float64Array;
}

/**
 * A symbol's cached sessions by column (what the cache reads in one query, no object per
 * bar): session dates ascending, placeholders included; `close` and `placeholder` parallel.
 */
export interface SessionCloses {
  readonly dates: readonly IsoDate[];
  readonly close: Float64Array;
  /** 1 where the session is a vendor placeholder row (never a return base), else 0. */
  readonly placeholder: Uint8Array;
}

/** {@link SessionCloses} of bars (ascending). */
export function sessionClosesOf(bars: readonly Bar[]): SessionCloses {
  const n = bars.length;
  const dates = new Array<IsoDate>(n);
  const close = new Float64Array(n);
  const placeholder = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = bars[i]!;
    dates[i] = b.date;
    close[i] = b.close;
    placeholder[i] = b.placeholder ? 1 : 0;
  }
  return { dates, close, placeholder };
}

/**
 * Builds the aligned return series of a symbol against a benchmark (both ascending bars,
 * placeholders allowed: they are skipped). One pass over each series.
 */
export function alignReturns(symbolBars: readonly Bar[], benchmarkBars: readonly Bar[]): AlignedReturns {
  return alignCloses(sessionClosesOf(symbolBars), sessionClosesOf(benchmarkBars));
}

/** The valid sessions' positions of a series (placeholders left out). */
function validPositions(s: SessionCloses): Int32Array {
  const out = new Int32Array(s.dates.length);
  let n = 0;
  for (let i = 0; i < s.dates.length; i++) if (s.placeholder[i] === 0) out[n++] = i;
  return out.subarray(0, n);
}

/**
 * {@link alignReturns} on columns: one pass over each series, typed arrays only (an event
 * study over 500 symbols aligns each once from the cache's columns).
 */
export function alignCloses(symbol: SessionCloses, benchmark: SessionCloses): AlignedReturns {
  const sv = validPositions(symbol);
  const mv = validPositions(benchmark);
  const sd = symbol.dates;
  const md = benchmark.dates;
  const sc = symbol.close;
  const mc = benchmark.close;
  const n = Math.max(0, sv.length - 1);
  const dates: IsoDate[] = new Array<IsoDate>(n);
  const prevDates: IsoDate[] = new Array<IsoDate>(n);
  const rs = new Float64Array(n);
  const rm = new Float64Array(n);
  const lastM = mv.length ? md[mv[mv.length - 1]!]! : undefined;
  // j: index into mv of the benchmark's last valid close on or before the current date (-1: none yet).
  let j = -1;
  const advance = (date: string): number => {
    while (j + 1 < mv.length && md[mv[j + 1]!]! <= date) j += 1;
    return j;
  };
  let jPrev = sv.length > 0 ? advance(sd[sv[0]!]!) : -1;
  for (let k = 1; k < sv.length; k++) {
    const prev = sv[k - 1]!;
    const cur = sv[k]!;
    const curDate = sd[cur]!;
    dates[k - 1] = curDate;
    prevDates[k - 1] = sd[prev]!;
    rs[k - 1] = simpleReturn(sc[prev]!, sc[cur]!);
    const jCur = advance(curDate);
    rm[k - 1] =
      jPrev >= 0 && lastM !== undefined && lastM >= curDate ? mc[mv[jCur]!]! / mc[mv[jPrev]!]! - 1 : Number.NaN;
    jPrev = jCur;
  }
  return { dates, prevDates, symbol: rs, benchmark: rm };
}

/** Position of T0 on an aligned series: the first observation dated on or after `t0` (dates.length when none). */
export function t0Position(series: AlignedReturns, t0: IsoDate): number {
  return lowerBound(series.dates, t0);
}

/** Market-model parameters estimated by OLS. */
export interface MarketModel {
  readonly alpha: number;
  readonly beta: number;
  /** Residual variance with n − 2 degrees of freedom. */
  readonly residualVariance: number;
  readonly n: number;
  /** Dates of the first and last observation of the estimation window. */
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A result that is either a value or a sentence saying what data is missing. */
export type Measured<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missing: string };

/**
 * OLS of `y` on `x` (same length n ≥ 3): alpha, beta and the residual variance Σe²/(n − 2).
 * Null when x does not vary (beta undefined).
 */
export function olsFit(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { alpha: number; beta: number; residualVariance: number } | null {
  const n = x.length;
  if (n !== y.length || n < 3) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (y[i]! - my);
  }
  if (!(sxx > 0)) return null;
  const beta = sxy / sxx;
  const alpha = my - beta * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - alpha - beta * x[i]!;
    sse += e * e;
  }
  return { alpha, beta, residualVariance: sse / (n - 2) };
}

/**
 * The market model of the estimation window before T0 (position `p0` on `series`): sessions
 * −(gap + length) … −(gap + 1). Says what is missing when the series starts too late or the
 * benchmark has no return on some of those sessions.
 */
export function estimateMarketModel(
  series: AlignedReturns,
  p0: number,
  spec: EstimationSpec = DEFAULT_ESTIMATION,
): Measured<MarketModel> {
  const first = p0 - spec.gap - spec.length;
  const last = p0 - spec.gap - 1;
  const label = `sessions −${spec.gap + spec.length} … −${spec.gap + 1}`;
  if (first < 0) {
    const have = Math.max(0, last + 1);
    const since = series.dates[0] ? ` (returns start ${series.dates[0]})` : '';
    return {
      ok: false,
      missing: `estimation window (${label}) needs ${spec.length} sessions of returns; the cache has ${have}${since}`,
    };
  }
  const x = series.benchmark.subarray(first, last + 1);
  const y = series.symbol.subarray(first, last + 1);
  let gaps = 0;
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) gaps += 1;
  if (gaps > 0) {
    return {
      ok: false,
      missing: `estimation window (${label}, ${series.dates[first]} … ${series.dates[last]}): the benchmark has no return on ${gaps} of ${spec.length} sessions`,
    };
  }
  const fit = olsFit(x, y);
  if (!fit)
    return { ok: false, missing: `estimation window (${label}): the benchmark does not move, beta is undefined` };
  return { ok: true, value: { ...fit, n: spec.length, from: series.dates[first]!, to: series.dates[last]! } };
}

/** The measures of one symbol over one window around one event. Fractions, not percents. */
export interface WindowMeasure {
  readonly window: SessionWindow;
  /** Dates of the window's first and last session; null when the window is not covered. */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  /** Raw return over the window, compounded: Π(1 + r) − 1. */
  readonly ret: number | null;
  /** Market-adjusted abnormal return: Σ (r − r_m). */
  readonly arMarketAdjusted: number | null;
  /** Cumulative abnormal return of the market model: Σ (r − α − β·r_m). */
  readonly carMarketModel: number | null;
  /** CAR / sqrt(L · s²). */
  readonly tStat: number | null;
  /** What data is missing for the null fields, as sentences (empty when all are measured). */
  readonly missing: readonly string[];
}

/** Where T0 sits on a series and which model applies: the shared part of every window of one event. */
export interface EventAnchor {
  readonly t0: IsoDate | null;
  /** Position of T0 on the series; null when there is no T0 or no valid session on or after it. */
  readonly p0: number | null;
  readonly model: Measured<MarketModel>;
  /** Why there is no position, when there is none. */
  readonly missing: string | null;
}

/** Anchors an event on an aligned series: T0's position and the market model before it. */
export function anchorEvent(
  series: AlignedReturns,
  t0: IsoDate | null,
  spec: EstimationSpec = DEFAULT_ESTIMATION,
  t0Missing = 'no T0: the event lies outside the cached sessions',
): EventAnchor {
  if (t0 === null) return { t0, p0: null, model: { ok: false, missing: t0Missing }, missing: t0Missing };
  const p0 = t0Position(series, t0);
  if (p0 >= series.dates.length) {
    const missing = `no valid session on or after T0 ${t0} in the cache${series.dates.length ? ` (last ${series.dates.at(-1)})` : ''}`;
    return { t0, p0: null, model: { ok: false, missing }, missing };
  }
  return { t0, p0, model: estimateMarketModel(series, p0, spec), missing: null };
}

/** The `missing` of a fully measured window: one shared empty list (a study has 100 000 of them). */
const NOTHING_MISSING: readonly string[] = Object.freeze([]);

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** Measures one window on an anchored series. */
export function measureWindow(series: AlignedReturns, anchor: EventAnchor, window: SessionWindow): WindowMeasure {
  const [a, b] = window;
  const empty = { window, from: null, to: null, ret: null, arMarketAdjusted: null, carMarketModel: null, tStat: null };
  if (anchor.p0 === null) return { ...empty, missing: [anchor.missing ?? 'no T0'] };
  const lo = anchor.p0 + a;
  const hi = anchor.p0 + b;
  const n = series.dates.length;
  if (lo < 0) {
    return {
      ...empty,
      missing: [
        `window [${signed(a)}, ${signed(b)}] starts ${-lo} session(s) before the first return in the cache (${series.dates[0]})`,
      ],
    };
  }
  if (hi >= n) {
    return {
      ...empty,
      missing: [
        `window [${signed(a)}, ${signed(b)}] needs sessions to ${signed(b)}; the cache reaches ${signed(n - 1 - anchor.p0)} (last ${series.dates[n - 1]})`,
      ],
    };
  }
  const missing: string[] = [];
  let growth = 1;
  let ar = 0;
  let arGaps = 0;
  for (let k = lo; k <= hi; k++) {
    const r = series.symbol[k]!;
    growth *= 1 + r;
    const rm = series.benchmark[k]!;
    if (Number.isNaN(rm)) arGaps += 1;
    else ar += r - rm;
  }
  if (arGaps > 0) missing.push(`the benchmark has no return on ${arGaps} session(s) of the window`);
  let car: number | null = null;
  let t: number | null = null;
  if (!anchor.model.ok) missing.push(anchor.model.missing);
  else if (arGaps === 0) {
    const { alpha, beta, residualVariance } = anchor.model.value;
    let sum = 0;
    for (let k = lo; k <= hi; k++) sum += series.symbol[k]! - alpha - beta * series.benchmark[k]!;
    car = sum;
    const L = b - a + 1;
    t = residualVariance > 0 ? sum / Math.sqrt(L * residualVariance) : null;
  }
  return {
    window,
    from: series.dates[lo]!,
    to: series.dates[hi]!,
    ret: growth - 1,
    arMarketAdjusted: arGaps === 0 ? ar : null,
    carMarketModel: car,
    tStat: t,
    missing: missing.length ? missing : NOTHING_MISSING,
  };
}

/** One point of a cumulative abnormal return path: the CAR from the window's start through `date`. */
export interface CarPoint {
  readonly offset: number;
  readonly date: IsoDate;
  readonly car: number;
}

/** The market-model CAR session by session over a window (for a small chart); empty when not measurable. */
export function carPath(series: AlignedReturns, anchor: EventAnchor, window: SessionWindow): CarPoint[] {
  if (anchor.p0 === null || !anchor.model.ok) return [];
  const [a, b] = window;
  const lo = anchor.p0 + a;
  const hi = anchor.p0 + b;
  if (lo < 0 || hi >= series.dates.length) return [];
  const { alpha, beta } = anchor.model.value;
  const out: CarPoint[] = [];
  let sum = 0;
  for (let k = lo; k <= hi; k++) {
    const rm = series.benchmark[k]!;
    if (Number.isNaN(rm)) return [];
    sum += series.symbol[k]! - alpha - beta * rm;
    out.push({ offset: k - anchor.p0, date: series.dates[k]!, car: sum });
  }
  return out;
}

/** Mean of several CARs and its cross-sectional t-statistic: mean / (sd / sqrt(N)), sd with N − 1. */
export interface CrossSection {
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation (N − 1); null when N < 2. */
  readonly sd: number | null;
  readonly tStat: number | null;
}

/** Cross-sectional mean and t of the given values (nulls are left out and not counted). */
export function crossSection(values: ReadonlyArray<number | null>): CrossSection {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { n, mean: null, sd: null, tStat: null };
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean, sd: null, tStat: null };
  const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, tStat: sd > 0 ? mean / (sd / Math.sqrt(n)) : null };
}

/** How a t-statistic is marked: `**` for |t| ≥ 2.58 (1 %, two-sided, normal), `*` for ≥ 1.96 (5 %), else ''. */
export function significanceMark(t: number | null): '' | '*' | '**' {
  if (t === null || !Number.isFinite(t)) return '';
  const a = Math.abs(t);
  return a >= 2.58 ? '**' : a >= 1.96 ? '*' : '';
}

/**
 * The default benchmark of a listing, by its exchange's time zone (else its symbol's suffix):
 * Hong Kong → `^HSI`, Shanghai/Shenzhen → `000001.SS`, New York → `^GSPC`. Null when unknown.
 */
export function defaultBenchmark(symbol: Ticker, timezone: string | null): Ticker | null {
  if (timezone === 'Asia/Hong_Kong' || symbol.endsWith('.HK')) return asTicker('^HSI');
  if (timezone === 'Asia/Shanghai' || timezone === 'Asia/Chongqing' || /\.(SS|SZ)$/.test(symbol))
    return asTicker('000001.SS');
  if (timezone === 'America/New_York' || !symbol.includes('.')) return asTicker('^GSPC');
  return null;
}

/** Parses `a:b` (e.g. `-5:-1`, `0:20`) into a window; null when malformed, reversed or out of range. */
export function parseWindow(text: string): SessionWindow | null {
  const m = /^\s*([+-]?\d{1,3})\s*:\s*([+-]?\d{1,3})\s*$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > b || Math.abs(a) > MAX_WINDOW_OFFSET || Math.abs(b) > MAX_WINDOW_OFFSET) return null;
  return [a, b];
}
