import { z } from 'zod';
import type { IsoDate, Ticker } from '../../../shared/brand';
import type { BarInput } from '../../../shared/domain/bar';
import type { InstrumentKind } from '../../../shared/domain/instrument';
import { cleanFloat32 } from '../float32';
import { SyncFailure } from '../sync-failure';
import { addDays, dateInZone, datesInZone, isTimeZone, utcMidnight } from '../zone-date';
import { checkSchema, excerpt, finishBars, parseJson } from './common';
import type {
  CorporateAction,
  HttpAnswer,
  InstrumentMeta,
  Provider,
  ProviderAccess,
  ProviderData,
  ProviderRequest,
} from './types';

const LABEL = 'Yahoo Finance';

const numbers = z.array(z.number().nullable());

const errorSchema = z.object({ code: z.string(), description: z.string().nullable().optional() }).loose();

const metaSchema = z
  .object({
    currency: z.string().nullable().optional(),
    symbol: z.string(),
    exchangeName: z.string().optional(),
    fullExchangeName: z.string().optional(),
    instrumentType: z.string().optional(),
    exchangeTimezoneName: z.string(),
    longName: z.string().optional(),
    shortName: z.string().optional(),
    firstTradeDate: z.number().nullable().optional(),
  })
  .loose();

const resultSchema = z
  .object({
    meta: metaSchema,
    // Absent when the range holds no session.
    timestamp: z.array(z.number().int()).optional(),
    events: z
      .object({
        dividends: z.record(z.string(), z.object({ amount: z.number(), date: z.number().int() }).loose()).optional(),
        splits: z
          .record(
            z.string(),
            z.object({ date: z.number().int(), numerator: z.number(), denominator: z.number() }).loose(),
          )
          .optional(),
      })
      .loose()
      .optional(),
    indicators: z
      .object({
        // `[{}]` when the range is empty.
        quote: z
          .array(
            z
              .object({
                open: numbers.optional(),
                high: numbers.optional(),
                low: numbers.optional(),
                close: numbers.optional(),
                volume: numbers.optional(),
              })
              .loose(),
          )
          .min(1),
        adjclose: z.array(z.object({ adjclose: numbers.optional() }).loose()).optional(),
      })
      .loose(),
  })
  .loose();

/** Yahoo's v8 chart answer: `{chart: {result: [..] | null, error: {code, description} | null}}`. */
export const yahooChartSchema = z.object({
  chart: z.object({ result: z.array(resultSchema).nullable(), error: errorSchema.nullable().optional() }).loose(),
});

const KINDS: Readonly<Record<string, InstrumentKind>> = {
  EQUITY: 'equity',
  INDEX: 'index',
  ETF: 'fund',
  MUTUALFUND: 'fund',
};

function price(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : cleanFloat32(v);
}

function unknownSymbol(symbol: Ticker, description: string | null | undefined): SyncFailure {
  return new SyncFailure(
    'unknown-symbol',
    `${LABEL} does not know ${symbol}${description ? ` ("${excerpt(description)}")` : ''}`,
  );
}

/**
 * Yahoo answers a listing it keeps only as a name (delisted, merged) with a placeholder: no
 * sessions, `currency: null` and `firstTradeDate: null`. A range without sessions of a live
 * listing (a weekend) has both. Returns the provider's own words for the placeholder, or null.
 */
function placeholderProblem(meta: z.infer<typeof metaSchema>, sessions: number): string | null {
  if (sessions > 0 || meta.currency != null || meta.firstTradeDate != null) return null;
  const name = meta.longName ?? meta.shortName;
  const where = meta.fullExchangeName ?? meta.exchangeName;
  return `${name ? `"${excerpt(name, 60)}"` : 'the listing'}${where ? ` on ${excerpt(where, 20)}` : ''} has no sessions, currency null and firstTradeDate null (delisted?)`;
}

/**
 * Yahoo Finance chart API (v8), keyless:
 * `GET {base}/v8/finance/chart/{symbol}?period1&period2&interval=1d&events=div|split`.
 * Trading dates come from the timestamps in the exchange's zone (`meta.exchangeTimezoneName`);
 * rows with a null open, high, low or close are dropped; `adjclose` is kept as the adjusted
 * close; dividends and splits become corporate actions; `meta` fills the instrument.
 */
export const yahooProvider: Provider = {
  id: 'yahoo',
  label: LABEL,
  needsKey: false,
  buildRequest(symbol: Ticker, from: IsoDate, to: IsoDate, access: ProviderAccess): ProviderRequest {
    // A day of margin on both sides: sessions are local dates and the zone is not known
    // before the answer; rows outside [from, to] are dropped after conversion.
    const period1 = utcMidnight(addDays(from, -1));
    const period2 = utcMidnight(addDays(to, 2));
    const url = `${access.baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?period1=${period1}&period2=${period2}&interval=1d&events=div%7Csplit&includeAdjustedClose=true`;
    return {
      url,
      displayUrl: url,
      // Yahoo answers 429 to requests without a browser-like agent.
      headers: { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Catalyst/0.1' },
    };
  },
  parse(answer: HttpAnswer, symbol: Ticker, from: IsoDate, to: IsoDate): ProviderData {
    const body = parseJson(answer, LABEL);
    const parsed = checkSchema(yahooChartSchema, body, LABEL);
    const { result, error } = parsed.chart;
    if (answer.status === 404 || (error && /not found/i.test(error.code)))
      throw unknownSymbol(symbol, error?.description);
    if (error || !result) {
      throw new SyncFailure(
        'bad-response',
        `${LABEL} answered HTTP ${answer.status} with error ${error?.code ?? 'and no result'}${error?.description ? `: ${excerpt(error.description)}` : ''}`,
      );
    }
    if (answer.status >= 400) throw new SyncFailure('bad-response', `${LABEL} answered HTTP ${answer.status}`);
    const r = result[0];
    if (!r) throw unknownSymbol(symbol, 'empty result');
    const zone = r.meta.exchangeTimezoneName;
    if (!isTimeZone(zone))
      throw new SyncFailure('bad-response', `${LABEL} gave an unknown exchange time zone "${excerpt(zone, 40)}"`);

    const ts = r.timestamp ?? [];
    const noData = placeholderProblem(r.meta, ts.length);
    if (noData) throw new SyncFailure('no-data', `${LABEL} knows ${symbol} but has no data for it: ${noData}`);
    const q = r.indicators.quote[0]!;
    const adj = r.indicators.adjclose?.[0]?.adjclose;
    for (const [name, arr] of [
      ['open', q.open],
      ['high', q.high],
      ['low', q.low],
      ['close', q.close],
      ['volume', q.volume],
      ['adjclose', adj],
    ] as const) {
      if (ts.length > 0 && arr !== undefined && arr.length !== ts.length) {
        throw new SyncFailure('bad-response', `${LABEL} sent ${arr.length} ${name} values for ${ts.length} timestamps`);
      }
      if (ts.length > 0 && arr === undefined && name !== 'adjclose' && name !== 'volume') {
        throw new SyncFailure('bad-response', `${LABEL} sent timestamps without ${name} values`);
      }
    }
    const rows: BarInput[] = [];
    const dates = datesInZone(ts, zone);
    for (let i = 0; i < ts.length; i++) {
      const open = q.open![i];
      const high = q.high![i];
      const low = q.low![i];
      const close = q.close![i];
      // A row with a null price is a session Yahoo has no real data for: dropped, never filled.
      if (open == null || high == null || low == null || close == null) continue;
      const volume = q.volume?.[i];
      rows.push({
        date: dates[i]!,
        open: price(open),
        high: price(high),
        low: price(low),
        close: price(close)!,
        adjClose: price(adj?.[i]),
        volume: volume === null || volume === undefined ? null : volume,
      });
    }
    const bars = finishBars(rows, from, to, LABEL);

    const actions: CorporateAction[] = [];
    for (const d of Object.values(r.events?.dividends ?? {})) {
      const date = dateInZone(d.date, zone);
      if (date < from || date > to) continue;
      if (!(d.amount > 0)) throw new SyncFailure('invalid-data', `${LABEL} sent a dividend of ${d.amount} on ${date}`);
      actions.push({ date, kind: 'dividend', amount: cleanFloat32(d.amount), numerator: null, denominator: null });
    }
    for (const s of Object.values(r.events?.splits ?? {})) {
      const date = dateInZone(s.date, zone);
      if (date < from || date > to) continue;
      if (!(s.numerator > 0 && s.denominator > 0)) {
        throw new SyncFailure('invalid-data', `${LABEL} sent a split of ${s.numerator}:${s.denominator} on ${date}`);
      }
      actions.push({ date, kind: 'split', amount: null, numerator: s.numerator, denominator: s.denominator });
    }
    const m = r.meta;
    const meta: InstrumentMeta = {
      name: m.longName ?? m.shortName ?? null,
      exchange: m.fullExchangeName ?? m.exchangeName ?? null,
      currency: m.currency ?? null,
      timezone: zone,
      kind: (m.instrumentType && KINDS[m.instrumentType]) || null,
    };
    return { bars, meta, actions };
  },
};
