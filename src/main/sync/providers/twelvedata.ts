import { z } from 'zod';
import { asIsoDate, isIsoDate, type IsoDate, type Ticker } from '../../../shared/brand';
import type { BarInput } from '../../../shared/domain/bar';
import type { InstrumentKind } from '../../../shared/domain/instrument';
import { SyncFailure } from '../sync-failure';
import { addDays, isTimeZone } from '../zone-date';
import { authFailure, checkSchema, excerpt, finishBars, parseJson } from './common';
import type { HttpAnswer, Provider, ProviderAccess, ProviderData, ProviderRequest } from './types';

const LABEL = 'Twelve Data';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'not a decimal' });

const valueSchema = z
  .object({
    datetime: z.string().refine(isIsoDate, { message: 'not a date' }),
    open: decimal,
    high: decimal,
    low: decimal,
    close: decimal,
    volume: decimal.optional(),
  })
  .loose();

/** Twelve Data's `time_series` answer: prices as decimal strings, newest first. */
export const twelveDataSeriesSchema = z
  .object({
    meta: z
      .object({
        symbol: z.string(),
        currency: z.string().optional(),
        exchange_timezone: z.string().optional(),
        exchange: z.string().optional(),
        type: z.string().optional(),
      })
      .loose(),
    values: z.array(valueSchema),
    status: z.literal('ok'),
  })
  .loose();

const errorSchema = z.object({ code: z.number().int(), message: z.string(), status: z.literal('error') }).loose();

/** Yahoo suffix → Twelve Data exchange code, for the listings Catalyst users follow. */
const EXCHANGES: Readonly<Record<string, string>> = {
  HK: 'HKEX',
  SS: 'SSE',
  SZ: 'SZSE',
  T: 'JPX',
  L: 'LSE',
  TO: 'TSX',
  AX: 'ASX',
  DE: 'XETR',
  PA: 'Euronext',
  KS: 'KRX',
  TW: 'TWSE',
};

/** Maps a Yahoo-style symbol to Twelve Data's `symbol` and `exchange` parameters, or null. */
export function twelveDataSymbol(symbol: Ticker): { symbol: string; exchange: string | null } | null {
  if (symbol.startsWith('^') || symbol.includes('=')) return null;
  const m = /^([A-Z0-9-]+)\.([A-Z]{1,2})$/.exec(symbol);
  if (m) {
    const exchange = EXCHANGES[m[2]!];
    return exchange ? { symbol: m[1]!, exchange } : null;
  }
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)?$/.test(symbol)) return null;
  // Yahoo writes share classes with a dash (BRK-B), Twelve Data with a dot (BRK.B).
  return { symbol: symbol.replace('-', '.'), exchange: null };
}

const KINDS: Readonly<Record<string, InstrumentKind>> = {
  'Common Stock': 'equity',
  'Depositary Receipt': 'equity',
  ETF: 'fund',
  Index: 'index',
};

/**
 * Twelve Data `time_series`, with the user's key:
 * `GET {base}/time_series?symbol&exchange&interval=1day&start_date&end_date&apikey`.
 * Errors come as `{code, message, status: "error"}`, often with HTTP 200, so the body decides.
 */
export const twelveDataProvider: Provider = {
  id: 'twelvedata',
  label: LABEL,
  needsKey: true,
  buildRequest(symbol: Ticker, from: IsoDate, to: IsoDate, access: ProviderAccess): ProviderRequest {
    const mapped = twelveDataSymbol(symbol);
    if (!mapped)
      throw new SyncFailure(
        'unsupported-symbol',
        `${LABEL} cannot be asked for ${symbol} (indices and unknown exchange suffixes are not mapped)`,
      );
    if (!access.apiKey)
      throw new SyncFailure(
        'missing-key',
        `no ${LABEL} API key is stored (settings, or CATALYST_TWELVEDATA_KEY for the CLI)`,
      );
    const params = new URLSearchParams({
      symbol: mapped.symbol,
      interval: '1day',
      start_date: from,
      end_date: addDays(to, 1),
      timezone: 'Exchange',
    });
    if (mapped.exchange) params.set('exchange', mapped.exchange);
    const query = params.toString();
    const url = `${access.baseUrl}/time_series?${query}&apikey=${encodeURIComponent(access.apiKey)}`;
    return {
      url,
      displayUrl: `${access.baseUrl}/time_series?${query}&apikey=…`,
      headers: { accept: 'application/json' },
    };
  },
  parse(answer: HttpAnswer, symbol: Ticker, from: IsoDate, to: IsoDate): ProviderData {
    const body = parseJson(answer, LABEL);
    const err = errorSchema.safeParse(body);
    if (err.success) {
      const { code, message } = err.data;
      const msg = excerpt(message);
      if (code === 401 || code === 403) throw authFailure(answer, LABEL, msg);
      if (code === 429)
        throw new SyncFailure('rate-limited', `${LABEL} rate limit: ${msg}`, { retryable: true, retryAfterMs: 60_000 });
      if (code >= 500) throw new SyncFailure('server-error', `${LABEL} error ${code}: ${msg}`, { retryable: true });
      // Asked for a range without sessions: not an error for us.
      if (/no data is available/i.test(message)) {
        return {
          bars: [],
          actions: [],
          meta: { name: null, exchange: null, currency: null, timezone: null, kind: null },
        };
      }
      if (code === 404 || (code === 400 && /symbol/i.test(message)))
        throw new SyncFailure('unknown-symbol', `${LABEL} does not know ${symbol} ("${msg}")`);
      throw new SyncFailure('bad-response', `${LABEL} error ${code}: ${msg}`);
    }
    if (answer.status === 401 || answer.status === 403) throw authFailure(answer, LABEL);
    if (answer.status === 404) throw new SyncFailure('unknown-symbol', `${LABEL} does not know ${symbol}`);
    if (answer.status >= 400) throw new SyncFailure('bad-response', `${LABEL} answered HTTP ${answer.status}`);
    const data = checkSchema(twelveDataSeriesSchema, body, LABEL);
    const rows: BarInput[] = data.values.map((v) => ({
      date: asIsoDate(v.datetime),
      open: Number(v.open),
      high: Number(v.high),
      low: Number(v.low),
      close: Number(v.close),
      adjClose: null,
      volume: v.volume === undefined ? null : Number(v.volume),
    }));
    const bars = finishBars(rows, from, to, LABEL);
    const tz = data.meta.exchange_timezone;
    return {
      bars,
      actions: [],
      meta: {
        name: null,
        exchange: data.meta.exchange ?? null,
        currency: data.meta.currency ?? null,
        timezone: tz && isTimeZone(tz) ? tz : null,
        kind: (data.meta.type && KINDS[data.meta.type]) || null,
      },
    };
  },
};
