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
