import { z } from 'zod';
import { asIsoDate, isIsoDate, type IsoDate, type Ticker } from '../../../shared/brand';
import type { BarInput } from '../../../shared/domain/bar';
import { SyncFailure } from '../sync-failure';
import { authFailure, checkSchema, excerpt, finishBars, parseJson } from './common';
import type { CorporateAction, HttpAnswer, Provider, ProviderAccess, ProviderData, ProviderRequest } from './types';

const LABEL = 'Tiingo';

const rowSchema = z
  .object({
    // Midnight UTC of the trading date, e.g. "2025-01-02T00:00:00.000Z".
    date: z
      .string()
      .refine((v) => /^\d{4}-\d{2}-\d{2}(T|$)/.test(v) && isIsoDate(v.slice(0, 10)), { message: 'not a date' }),
    open: z.number().nullable(),
    high: z.number().nullable(),
    low: z.number().nullable(),
    close: z.number(),
    volume: z.number().nullable().optional(),
    adjClose: z.number().nullable().optional(),
    divCash: z.number().optional(),
    splitFactor: z.number().optional(),
  })
  .loose();

/** Tiingo's end-of-day answer: an array of rows, or `{detail}` on an error. */
export const tiingoPricesSchema = z.array(rowSchema);
const detailSchema = z.object({ detail: z.string() }).loose();

/**
 * Tiingo end-of-day prices, with the user's key in the `Authorization: Token` header (never in
 * the URL): `GET {base}/tiingo/daily/{ticker}/prices?startDate&endDate`. Tiingo covers US
 * listings: symbols with an exchange suffix (`9988.HK`), indices and currencies are refused
 * before asking. Dates are US exchange dates; `close` is as traded, `adjClose` adjusted.
 */
export const tiingoProvider: Provider = {
  id: 'tiingo',
  label: LABEL,
  needsKey: true,
  buildRequest(symbol: Ticker, from: IsoDate, to: IsoDate, access: ProviderAccess): ProviderRequest {
    if (!/^[A-Z0-9]+(-[A-Z0-9]+)?$/.test(symbol)) {
      throw new SyncFailure('unsupported-symbol', `${LABEL} covers US listings only; ${symbol} is not one`);
    }
    if (!access.apiKey)
      throw new SyncFailure(
        'missing-key',
        `no ${LABEL} API key is stored (settings, or CATALYST_TIINGO_KEY for the CLI)`,
      );
    const url = `${access.baseUrl}/tiingo/daily/${encodeURIComponent(symbol.toLowerCase())}/prices?startDate=${from}&endDate=${to}&resampleFreq=daily&format=json`;
    return { url, displayUrl: url, headers: { accept: 'application/json', authorization: `Token ${access.apiKey}` } };
  },
  parse(answer: HttpAnswer, symbol: Ticker, from: IsoDate, to: IsoDate): ProviderData {
    const body = parseJson(answer, LABEL);
    if (!Array.isArray(body)) {
      const detail = detailSchema.safeParse(body).data?.detail ?? null;
      if (answer.status === 401 || answer.status === 403 || (detail && /token|auth|key/i.test(detail)))
        throw authFailure(answer, LABEL, excerpt(detail));
      if (answer.status === 404 || (detail && /not found/i.test(detail))) {
        throw new SyncFailure(
          'unknown-symbol',
          `${LABEL} does not know ${symbol}${detail ? ` ("${excerpt(detail)}")` : ''}`,
        );
      }
      throw new SyncFailure(
        'bad-response',
        `${LABEL} answered HTTP ${answer.status}${detail ? `: ${excerpt(detail)}` : ' without data'}`,
      );
    }
    if (answer.status >= 400) throw new SyncFailure('bad-response', `${LABEL} answered HTTP ${answer.status}`);
    const data = checkSchema(tiingoPricesSchema, body, LABEL);
    const rows: BarInput[] = [];
    const actions: CorporateAction[] = [];
    for (const r of data) {
      const date = asIsoDate(r.date.slice(0, 10));
      if (r.open == null || r.high == null || r.low == null) continue;
      rows.push({
        date,
        open: r.open,
        high: r.high,
        low: r.low,
        close: r.close,
        adjClose: r.adjClose ?? null,
        volume: r.volume ?? null,
      });
      if (date < from || date > to) continue;
      if (r.divCash !== undefined && r.divCash > 0)
        actions.push({ date, kind: 'dividend', amount: r.divCash, numerator: null, denominator: null });
      if (r.splitFactor !== undefined && r.splitFactor > 0 && r.splitFactor !== 1) {
        actions.push({ date, kind: 'split', amount: null, numerator: r.splitFactor, denominator: 1 });
      }
    }
    const bars = finishBars(rows, from, to, LABEL);
    return {
      bars,
      actions,
      meta: { name: null, exchange: null, currency: 'USD', timezone: 'America/New_York', kind: null },
    };
  },
};
