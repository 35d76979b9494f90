import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FakeBar, FakeSeries } from './series';

/**
 * A fake market-data server on 127.0.0.1 speaking Yahoo's v8 chart format, Tiingo's daily
 * prices and Twelve Data's time_series, with fault injection per symbol. It counts requests,
 * the most requests in flight at once, and the start time of each, so tests can check the
 * client's limits from the server's side.
 */

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  /** A captive-portal style HTML page with HTTP 200. */
  | { readonly kind: 'html' }
  /** A complete HTTP answer whose JSON body stops halfway. */
  | { readonly kind: 'truncated' }
  /** Yahoo: null open/high/low/close on these dates (the rows must be dropped). */
  | { readonly kind: 'nulls'; readonly dates: readonly string[] }
  /** Yahoo's 404 "No data found, symbol may be delisted". */
  | { readonly kind: 'unknown' }
  /** Yahoo's 200 placeholder for a listing it has no data for: no timestamps, currency and firstTradeDate null. */
  | { readonly kind: 'placeholder' }
  /** Headers at once, then the body trickles in over `ms`. */
  | { readonly kind: 'slow'; readonly ms: number }
  /** Headers and half the body, then the socket is destroyed. */
  | { readonly kind: 'drop' }
  /** An impossible bar (high below low) on this date. */
  | { readonly kind: 'bad-bar'; readonly date: string };

export interface FaultRule {
  readonly symbol: string;
  readonly fault: Fault;
  /** How many requests get the fault before the symbol is served normally (default: all). */
  readonly times?: number;
  readonly provider?: 'yahoo' | 'tiingo' | 'twelvedata';
}

export interface RequestRecord {
  readonly provider: 'yahoo' | 'tiingo' | 'twelvedata' | 'other';
  readonly symbol: string;
  readonly url: string;
  /** ms, performance.now() of this process. */
  readonly startedAt: number;
  /** Sessions in the answer (0 for faults). */
  sessions: number;
  /** True when the rate limit refused it (429). */
  limited?: boolean;
}

export interface FakeProviderOptions {
  readonly series: readonly FakeSeries[];
  readonly faults?: readonly FaultRule[];
  /** Delay before answering each request, ms. */
  readonly latencyMs?: number;
  readonly tiingoKey?: string;
  readonly twelveDataKey?: string;
  /**
   * A provider's rate limit: a request that would be the (max+1)th to start within the last
   * `windowMs` is refused with 429 (and `Retry-After: retryAfter` when given). Refused requests
   * are recorded with `limited: true`.
   */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number; readonly retryAfter?: string };
}

export interface FakeProvider {
  readonly url: string;
  readonly requests: RequestRecord[];
  /** Most requests in flight at once since the last reset. */
  readonly maxInFlight: number;
  setFaults(faults: readonly FaultRule[]): void;
  /** Appends a session to a symbol (a new trading day). */
  addBar(symbol: string, bar: FakeBar): void;
  /** Serves a symbol's series from now on (e.g. split-adjusted history after a split). */
  replaceSeries(series: FakeSeries): void;
  reset(): void;
  close(): Promise<void>;
}

const f32 = (v: number) => Math.fround(v);

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const sessionTimes = new Map<string, number>();

/**
 * Seconds of the session start: `hh:mm` local time in `zone` on `date`. Cached: building an
 * Intl formatter per bar made every answer slow enough to time out on a loaded machine.
 */
export function sessionTimestamp(date: string, hhmm: string, zone: string): number {
  const key = `${date} ${hhmm} ${zone}`;
  const hit = sessionTimes.get(key);
  if (hit !== undefined) return hit;
  const [h, m] = hhmm.split(':').map(Number);
  const guess = Date.parse(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`);
  let f = zoneFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    zoneFormats.set(zone, f);
  }
  const parts = f.formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const ts = (guess - (local - guess)) / 1000;
  sessionTimes.set(key, ts);
  return ts;
}

/** Yahoo's chart JSON for the sessions with a timestamp in [period1, period2). */
export function yahooChart(
  s: FakeSeries,
  period1: number,
  period2: number,
  nulls: readonly string[] = [],
  badDate?: string,
): unknown {
  const rows = s.bars
    .map((b) => ({ b, ts: sessionTimestamp(b.date, s.sessionStart, s.timezone) }))
    .filter((r) => r.ts >= period1 && r.ts < period2);
  const meta = {
    currency: s.currency,
    symbol: s.symbol,
    exchangeName: s.exchange,
    fullExchangeName: s.exchange === 'HKSE' ? 'HKSE' : s.exchange,
    instrumentType: s.instrumentType,
    firstTradeDate: 1410912000,
    regularMarketTime: rows.at(-1)?.ts ?? period2,
    hasPrePostMarketData: false,
    gmtoffset: 28800,
    timezone: s.timezone === 'Asia/Hong_Kong' ? 'HKT' : 'EST',
    exchangeTimezoneName: s.timezone,
    regularMarketPrice: rows.at(-1)?.b.close ?? null,
    longName: s.name,
    shortName: s.name.toUpperCase().slice(0, 24),
    chartPreviousClose: rows[0]?.b.close ?? null,
    priceHint: 3,
    dataGranularity: '1d',
    range: '',
    validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
  };
  if (rows.length === 0) {
    return { chart: { result: [{ meta, indicators: { quote: [{}], adjclose: [{}] } }], error: null } };
  }
  const isNull = (d: string) => nulls.includes(d);
  const events: Record<string, unknown> = {};
  const inRange = (d: string) => {
    const ts = sessionTimestamp(d, s.sessionStart, s.timezone);
    return ts >= period1 && ts < period2 ? ts : null;
  };
  const dividends = Object.fromEntries(
    (s.dividends ?? []).flatMap((d) => {
      const ts = inRange(d.date);
      return ts === null ? [] : [[String(ts), { amount: d.amount, date: ts }]];
    }),
  );
  const splits = Object.fromEntries(
    (s.splits ?? []).flatMap((d) => {
      const ts = inRange(d.date);
      return ts === null
        ? []
        : [
            [
              String(ts),
              {
                date: ts,
                numerator: d.numerator,
                denominator: d.denominator,
                splitRatio: `${d.numerator}:${d.denominator}`,
              },
            ],
          ];
    }),
  );
  if (Object.keys(dividends).length) events.dividends = dividends;
  if (Object.keys(splits).length) events.splits = splits;
  return {
    chart: {
      result: [
        {
          meta,
          timestamp: rows.map((r) => r.ts),
          ...(Object.keys(events).length ? { events } : {}),
          indicators: {
            quote: [
              {
                open: rows.map((r) => (isNull(r.b.date) ? null : f32(r.b.open))),
                low: rows.map((r) => (isNull(r.b.date) ? null : f32(r.b.date === badDate ? r.b.high + 1 : r.b.low))),
                volume: rows.map((r) => (isNull(r.b.date) ? null : r.b.volume)),
                high: rows.map((r) => (isNull(r.b.date) ? null : f32(r.b.high))),
                close: rows.map((r) => (isNull(r.b.date) ? null : f32(r.b.close))),
              },
            ],
            adjclose: [{ adjclose: rows.map((r) => (isNull(r.b.date) ? null : f32(r.b.adjClose ?? r.b.close))) }],
          },
        },
      ],
      error: null,
    },
  };
}

function tiingoRows(s: FakeSeries, from: string, to: string): unknown[] {
  return s.bars
    .filter((b) => b.date >= from && b.date <= to)
    .map((b) => ({
      date: `${b.date}T00:00:00.000Z`,
      close: b.close,
      high: b.high,
      low: b.low,
      open: b.open,
      volume: b.volume,
      adjClose: b.adjClose ?? b.close,
      adjHigh: b.high,
      adjLow: b.low,
      adjOpen: b.open,
      adjVolume: b.volume,
      divCash: s.dividends?.find((d) => d.date === b.date)?.amount ?? 0,
      splitFactor: 1,
    }));
}

const TD_EXCHANGES: Readonly<Record<string, string>> = { HKEX: 'HK' };

function twelveDataSeries(s: FakeSeries, from: string, toExclusive: string): unknown {
  const values = s.bars
    .filter((b) => b.date >= from && b.date < toExclusive)
    .reverse()
    .map((b) => ({
      datetime: b.date,
      open: b.open.toFixed(5),
      high: b.high.toFixed(5),
      low: b.low.toFixed(5),
      close: b.close.toFixed(5),
      volume: String(b.volume),
    }));
  if (values.length === 0)
    return {
      code: 400,
      message: 'No data is available on the specified dates. Try setting different start/end dates.',
      status: 'error',
    };
  return {
    meta: {
      symbol: s.symbol.replace(/\.HK$/, ''),
      interval: '1day',
      currency: s.currency,
      exchange_timezone: s.timezone,
      exchange: s.timezone === 'Asia/Hong_Kong' ? 'HKEX' : 'NYSE',
      mic_code: 'XHKG',
      type: 'Common Stock',
    },
    values,
    status: 'ok',
  };
}

const HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Yahoo</title></head><body><p>Will be right back…</p><p>Thank you for your patience.</p></body></html>';

/** Starts the fake provider on an ephemeral port of 127.0.0.1. */
export async function startFakeProvider(options: FakeProviderOptions): Promise<FakeProvider> {
  const series = new Map(options.series.map((s) => [s.symbol, { ...s, bars: [...s.bars] }]));
  let faults = [...(options.faults ?? [])];
  const served = new Map<FaultRule, number>();
  const requests: RequestRecord[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();

  const faultFor = (symbol: string, provider: RequestRecord['provider']): Fault | null => {
    for (const rule of faults) {
      if (rule.symbol !== symbol || (rule.provider && rule.provider !== provider)) continue;
      const n = served.get(rule) ?? 0;
      if (rule.times !== undefined && n >= rule.times) continue;
      served.set(rule, n + 1);
      return rule.fault;
    }
    return null;
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: string,
    type = 'application/json;charset=utf-8',
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };

  const deliver = async (res: ServerResponse, fault: Fault | null, status: number, json: unknown) => {
    const body = JSON.stringify(json);
    if (!fault) return send(res, status, body);
    switch (fault.kind) {
      case 'status':
        return send(
          res,
          fault.status,
          fault.status >= 500
            ? '<html><body>Internal error</body></html>'
            : '{"finance":{"result":null,"error":{"code":"Too Many Requests","description":"Rate limited"}}}',
          fault.status >= 500 ? 'text/html' : 'application/json',
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        );
      case 'html':
        return send(res, 200, HTML, 'text/html; charset=utf-8');
      case 'truncated':
        return send(res, status, body.slice(0, Math.floor(body.length / 2)));
      case 'slow': {
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        const parts = 5;
        const size = Math.ceil(body.length / parts);
        for (let i = 0; i < parts; i++) {
          if (res.destroyed) return;
          res.write(body.slice(i * size, (i + 1) * size));
          await new Promise((r) => setTimeout(r, fault.ms / parts));
        }
        return res.end();
      }
      case 'drop':
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.write(body.slice(0, Math.floor(body.length / 2)));
        await new Promise((r) => setTimeout(r, 20));
        res.socket?.destroy();
        return;
      default:
        return send(res, status, body);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let provider: RequestRecord['provider'] = 'other';
    let symbol = '';
    const yahoo = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    const tiingo = /^\/tiingo\/daily\/([^/]+)\/prices$/.exec(url.pathname);
    if (yahoo) {
      provider = 'yahoo';
      symbol = decodeURIComponent(yahoo[1]!);
    } else if (tiingo) {
      provider = 'tiingo';
      symbol = decodeURIComponent(tiingo[1]!).toUpperCase();
    } else if (url.pathname === '/time_series') {
      provider = 'twelvedata';
      const ex = url.searchParams.get('exchange');
      symbol = `${url.searchParams.get('symbol') ?? ''}${ex && TD_EXCHANGES[ex] ? `.${TD_EXCHANGES[ex]}` : ''}`;
    }
    const record: RequestRecord = {
      provider,
      symbol,
      url: url.pathname + url.search,
      startedAt: performance.now(),
      sessions: 0,
    };
    requests.push(record);
    if (options.rateLimit) {
      const { max, windowMs, retryAfter } = options.rateLimit;
      const recent = requests.filter((r) => !r.limited && r !== record && record.startedAt - r.startedAt < windowMs);
      if (recent.length >= max) {
        record.limited = true;
        res.writeHead(429, {
          'content-type': 'application/json',
          ...(retryAfter ? { 'retry-after': retryAfter } : {}),
        });
        res.end(JSON.stringify({ error: 'Too Many Requests' }));
        return;
      }
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const s = series.get(symbol);
    let fault = faultFor(symbol, provider);

    if (provider === 'yahoo') {
      if (fault?.kind === 'unknown' || !s) {
        return send(
          res,
          404,
          JSON.stringify({
            chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
          }),
        );
      }
      const p1 = Number(url.searchParams.get('period1'));
      const p2 = Number(url.searchParams.get('period2'));
      if (!Number.isInteger(p1) || !Number.isInteger(p2) || url.searchParams.get('interval') !== '1d') {
        return send(
          res,
          400,
          JSON.stringify({ chart: { result: null, error: { code: 'Bad Request', description: 'Invalid input' } } }),
        );
      }
      if (fault?.kind === 'placeholder') {
        const meta = {
          currency: null,
          symbol,
          exchangeName: 'YHD',
          fullExchangeName: 'YHD',
          instrumentType: 'MUTUALFUND',
          firstTradeDate: null,
          regularMarketTime: 1561759658,
          exchangeTimezoneName: 'America/New_York',
          longName: s.name,
          dataGranularity: '1d',
          range: '',
        };
        return send(
          res,
          200,
          JSON.stringify({ chart: { result: [{ meta, indicators: { quote: [{}], adjclose: [{}] } }], error: null } }),
        );
      }
      const chart = yahooChart(
        s,
        p1,
        p2,
        fault?.kind === 'nulls' ? fault.dates : [],
        fault?.kind === 'bad-bar' ? fault.date : undefined,
      );
      if (fault?.kind === 'nulls' || fault?.kind === 'bad-bar') fault = null;
      record.sessions = fault
        ? 0
        : ((chart as { chart: { result: Array<{ timestamp?: number[] }> } }).chart.result[0]!.timestamp?.length ?? 0);
      return deliver(res, fault, 200, chart);
    }
    if (provider === 'tiingo') {
      if (options.tiingoKey && req.headers.authorization !== `Token ${options.tiingoKey}`)
        return send(res, 401, JSON.stringify({ detail: 'Invalid token.' }));
      if (fault?.kind === 'unknown' || !s)
        return send(res, 404, JSON.stringify({ detail: `Error: Ticker '${symbol.toLowerCase()}' not found` }));
      const rows = tiingoRows(s, url.searchParams.get('startDate') ?? '', url.searchParams.get('endDate') ?? '');
      record.sessions = fault ? 0 : rows.length;
      return deliver(res, fault, 200, rows);
    }
    if (provider === 'twelvedata') {
      if (options.twelveDataKey && url.searchParams.get('apikey') !== options.twelveDataKey) {
        return send(
          res,
          200,
          JSON.stringify({
            code: 401,
            message: '**apikey** parameter is incorrect or not specified.',
            status: 'error',
          }),
        );
      }
      if (fault?.kind === 'unknown' || !s) {
        return send(
          res,
          200,
          JSON.stringify({
            code: 400,
            message: `**symbol** not found: ${url.searchParams.get('symbol')}. Please specify it correctly according to API Documentation.`,
            status: 'error',
            meta: { symbol: url.searchParams.get('symbol'), interval: '1day', exchange: '' },
          }),
        );
      }
      const json = twelveDataSeries(
        s,
        url.searchParams.get('start_date') ?? '',
        url.searchParams.get('end_date') ?? '',
      );
      record.sessions = fault ? 0 : ((json as { values?: unknown[] }).values?.length ?? 0);
      return deliver(res, fault, 200, json);
    }
    return send(res, 404, '<html><body>Not found</body></html>', 'text/html');
  };

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, String(e), 'text/plain');
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    setFaults(next) {
      faults = [...next];
      served.clear();
    },
    addBar(symbol, bar) {
      const s = series.get(symbol);
      if (!s) throw new Error(`no series ${symbol}`);
      s.bars.push(bar);
    },
    replaceSeries(next) {
      series.set(next.symbol, { ...next, bars: [...next.bars] });
    },
    reset() {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
