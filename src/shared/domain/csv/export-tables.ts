import type { Bar } from '../bar';
import type { ClaimEvaluation } from '../claims';
import type { EventWithT0 } from '../study-event';
import type { CsvValue } from './csv-cells';

/**
 * The tables Catalyst exports as CSV, as header + rows for {@link toCsv}. Dates stay ISO
 * (`YYYY-MM-DD`), numbers full precision, returns and claim values fractions (0.25 = +25 %),
 * as in the CLI's JSON; a missing value is an empty cell. Column names are a public interface:
 * only ever added at the end, never renamed (documented in docs/cli.md).
 */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly CsvValue[]>;
}

/**
 * Daily bars in the header `catalyst import-bars` reads back exactly:
 * `date,open,high,low,close,adj_close,volume`, or `date,close,adj_close,volume` when the series
 * is close-only (no bar has an open). Placeholder rows are written as stored; the importer
 * recognises them again (volume 0, O = H = L = C).
 */
export function barsTable(bars: readonly Bar[]): CsvTable {
  const closeOnly = bars.length > 0 && bars.every((b) => b.open === null);
  if (closeOnly) {
    return {
      header: ['date', 'close', 'adj_close', 'volume'],
      rows: bars.map((b) => [b.date, b.close, b.adjClose, b.volume]),
    };
  }
  return {
    header: ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume'],
    rows: bars.map((b) => [b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume]),
  };
}

/** Lists inside one cell (symbols, T0s) are joined with `; `. */
const LIST = '; ';

/**
 * Events with their sources and T0s, one row per event: `t0` lists `SYMBOL=YYYY-MM-DD` per
 * concerned symbol (`SYMBOL=` when the cache cannot tell).
 */
export function eventsTable(events: readonly EventWithT0[]): CsvTable {
  return {
    header: [
      'id',
      'study',
      'date',
      'time',
      'timezone',
      'approximate',
      'approx_note',
      'title',
      'category',
      'symbols',
      't0',
      'summary',
      'source_kind',
      'quote',
      'url',
      'publication',
      'window_from',
      'window_to',
      'origin',
    ],
    rows: events.map((e) => [
      e.id,
      e.studyId,
      e.date,
      e.time,
      e.timezone,
      e.approximate,
      e.approxNote,
      e.title,
      e.category,
      e.symbols.join(LIST),
      e.symbols.map((s) => `${s}=${e.t0[s] ?? ''}`).join(LIST),
      e.summary,
      e.source.kind,
      e.source.quote,
      e.source.url,
      e.source.publication,
      e.window?.from,
      e.window?.to,
      e.origin,
    ]),
  };
}

/**
 * Evaluated claims, one row per claim and symbol: the value (a fraction), the verdict, the
 * measured window with its base and end prices (`price_field`: close, or the intraday high), the note, and the claim's metric parameters
 * as JSON (`metric`).
 */
export function claimsTable(claims: readonly ClaimEvaluation[]): CsvTable {
  return {
    header: [
      'study',
      'claim',
      'text',
      'metric_kind',
      'symbol',
      'value',
      'verdict',
      'from',
      'to',
      'base_date',
      'base_value',
      'end_date',
      'end_value',
      'price_field',
      'note',
      'metric',
    ],
    rows: claims.flatMap((c) =>
      c.results.map((r) => [
        c.studyId,
        c.id,
        c.text,
        c.metric.kind,
        r.symbol,
        r.value,
        r.verdict,
        r.from,
        r.to,
        r.base?.date,
        r.base?.value,
        r.end?.date,
        r.end?.value,
        r.end?.field ?? r.base?.field,
        r.note,
        JSON.stringify(c.metric),
      ]),
    ),
  };
}

/** One measured row of an event study (the shape `eventStudy.run` returns). Fractions. */
export interface EventStudyCsvRow {
  readonly eventId: string;
  readonly symbol: string;
  readonly benchmark: string | null;
  readonly t0: string | null;
  readonly window: readonly [number, number];
  readonly from: string | null;
  readonly to: string | null;
  readonly ret: number | null;
  readonly arMarketAdjusted: number | null;
  readonly carMarketModel: number | null;
  readonly tStat: number | null;
  readonly alpha: number | null;
  readonly beta: number | null;
  readonly estimation: { readonly from: string; readonly to: string; readonly n: number } | null;
  readonly missing: readonly string[];
}

/**
 * An event study, one row per event × symbol × window: the window as session offsets and the
 * dates of its first and last session, raw return, market-adjusted abnormal return,
 * market-model CAR and its t, the model's alpha and beta and its estimation period, and what
 * data is missing for the empty numbers. `event_title` from `titleOf` (the event id when unknown).
 */
export function eventStudyTable(rows: readonly EventStudyCsvRow[], titleOf: (eventId: string) => string): CsvTable {
  return {
    header: [
      'event',
      'event_title',
      'symbol',
      'benchmark',
      't0',
      'window_start',
      'window_end',
      'from',
      'to',
      'return',
      'ar_market_adjusted',
      'car_market_model',
      't_stat',
      'alpha',
      'beta',
      'estimation_from',
      'estimation_to',
      'estimation_n',
      'missing',
    ],
    rows: rows.map((r) => [
      r.eventId,
      titleOf(r.eventId),
      r.symbol,
      r.benchmark,
      r.t0,
      r.window[0],
      r.window[1],
      r.from,
      r.to,
      r.ret,
      r.arMarketAdjusted,
      r.carMarketModel,
      r.tStat,
      r.alpha,
      r.beta,
      r.estimation?.from,
      r.estimation?.to,
      r.estimation?.n,
      r.missing.join(LIST),
    ]),
  };
}

/** One series of a rebased comparison (the shape `compare.series` returns). */
export interface CompareCsvSeries {
  readonly symbol: string;
  readonly anchorDate: string | null;
  readonly anchorClose: number | null;
  readonly currency: string | null;
  readonly points: ReadonlyArray<{ readonly date: string; readonly value: number }>;
  readonly missing: string | null;
}

/**
 * A rebased comparison in long form, one row per symbol and session on that symbol's own
 * calendar (series on different exchanges are never shifted onto one): the anchor session and
 * close and the rebased value (100 × close / anchor close; 100 at the anchor). A series without
 * an anchor is one row with its reason in `missing`.
 */
export function compareTable(series: readonly CompareCsvSeries[]): CsvTable {
  return {
    header: ['symbol', 'currency', 'anchor_date', 'anchor_close', 'date', 'rebased', 'missing'],
    rows: series.flatMap((s) =>
      s.points.length
        ? s.points.map((p) => [s.symbol, s.currency, s.anchorDate, s.anchorClose, p.date, p.value, null])
        : [[s.symbol, s.currency, s.anchorDate, s.anchorClose, null, null, s.missing ?? 'no sessions in the range']],
    ),
  };
}
