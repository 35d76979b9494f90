import type { HostLimiter } from './host-limiter';
import type { HttpAnswer, ProviderRequest } from './providers/types';
import { parseRetryAfter } from './retry';
import { SyncFailure } from './sync-failure';

/** The fetch function (the global one in production; any WHATWG-compatible one in tests). */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** Error codes that mean "the host cannot be reached at all", as opposed to a failure mid-talk. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);

/** Consecutive connection failures after which a host that did answer earlier counts as gone. */
const STRIKES = 3;

/**
 * What the run knows about each host's reachability. A host that never answered in this run
 * and refuses the first connection is offline at once (one report, no retries); a host that
 * answered before is given {@link STRIKES} consecutive chances.
 */
export class HostHealth {
  private readonly hosts = new Map<string, { answered: boolean; strikes: number; offline: boolean }>();

  private get(host: string) {
    let s = this.hosts.get(host);
    if (!s) {
      s = { answered: false, strikes: 0, offline: false };
      this.hosts.set(host, s);
    }
    return s;
  }

  markAnswered(host: string): void {
    const s = this.get(host);
    s.answered = true;
    s.strikes = 0;
  }

  /** Records a connection failure; returns true when the host now counts as offline. */
  noteUnreachable(host: string): boolean {
    const s = this.get(host);
    s.strikes++;
    if (!s.answered || s.strikes >= STRIKES) s.offline = true;
    return s.offline;
  }

  isOffline(host: string): boolean {
    return this.hosts.get(host)?.offline ?? false;
  }
}

export interface HttpClientOptions {
  readonly fetch: FetchFn;
  readonly limiter: HostLimiter;
  readonly health: HostHealth;
  /** Whole request, headers and body, in ms. */
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** The run's cancel signal. */
  readonly signal: AbortSignal;
}

function errorCode(e: unknown): string | null {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) {
      const c = errorCode(errors[0]);
      if (c) return c;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

async function readBody(res: Response, maxBytes: number, label: string): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await res.body.cancel().catch(() => undefined);
      throw new SyncFailure(
        'bad-response',
        `${label} sent more than ${Math.round(maxBytes / 1024 / 1024)} MiB; refused`,
      );
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * One GET through the host limiter, with a timeout over the whole exchange. Returns the answer
 * for 2xx-4xx; throws a {@link SyncFailure} for everything else, retryable where asking again
 * may help (429 with its `Retry-After`, 5xx, timeouts, dropped connections).
 */
export async function getOnce(req: ProviderRequest, label: string, o: HttpClientOptions): Promise<HttpAnswer> {
  const host = new URL(req.url).host;
  if (o.health.isOffline(host)) throw new SyncFailure('offline', `${host} cannot be reached`);
  await o.limiter.acquire(host, o.signal);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), o.timeoutMs);
  const signal = AbortSignal.any([o.signal, timeout.signal]);
  let phase: 'connect' | 'body' = 'connect';
  let released = false;
  let answer: HttpAnswer;
  try {
    o.limiter.started(host);
    const res = await o.fetch(req.url, { headers: { ...req.headers }, signal, redirect: 'follow' });
    o.health.markAnswered(host);
    // Before the slot is released: the next grant must already see the new spacing or pause.
    if (res.status === 429) o.limiter.throttled(host, parseRetryAfter(res.headers.get('retry-after')));
    else o.limiter.answered(host);
    // The host has answered: its slot is free while the body streams in. Reading the body takes
    // several turns of the event loop, which other symbols' parsing and commits share; holding
    // the slot through them left it idle (fewer requests in flight than the host allows).
    released = true;
    o.limiter.release(host);
    phase = 'body';
    const body = await readBody(res, o.maxBodyBytes, label);
    answer = {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body,
      retryAfter: res.headers.get('retry-after'),
    };
  } catch (e) {
    if (e instanceof SyncFailure) throw e;
    if (o.signal.aborted) throw new SyncFailure('cancelled', 'cancelled');
    const secs = Math.round(o.timeoutMs / 100) / 10;
    if (timeout.signal.aborted) {
      throw new SyncFailure(
        'timeout',
        phase === 'connect'
          ? `${label} did not answer within ${secs} s`
          : `${label} was still sending its answer after ${secs} s`,
        { retryable: true },
      );
    }
    const code = errorCode(e);
    const why = (e as { cause?: { message?: unknown } }).cause?.message;
    if (phase === 'connect' && !code && typeof why === 'string' && /bad port|invalid url|protocol/i.test(why)) {
      // fetch refuses some addresses outright (ports it blocks, like 6000 or 9): asking again cannot help.
      throw new SyncFailure('network', `fetch refuses to connect to ${host}: ${why}`);
    }
    if (phase === 'connect' && code && UNREACHABLE.has(code)) {
      if (o.health.noteUnreachable(host)) throw new SyncFailure('offline', `${host} cannot be reached (${code})`);
      throw new SyncFailure('network', `${host} cannot be reached (${code})`, { retryable: true });
    }
    if (phase === 'body') {
      throw new SyncFailure(
        'connection-dropped',
        `${label} closed the connection before the whole answer arrived (${code ?? (e as Error).message})`,
        {
          retryable: true,
        },
      );
    }
    throw new SyncFailure('network', `network error talking to ${label} (${code ?? (e as Error).message})`, {
      retryable: true,
    });
  } finally {
    clearTimeout(timer);
    if (!released) o.limiter.release(host);
  }
  if (answer.status === 429) {
    const wait = parseRetryAfter(answer.retryAfter);
    throw new SyncFailure(
      'rate-limited',
      `${label} is rate limiting requests (HTTP 429${wait !== null ? `, retry after ${Math.ceil(wait / 1000)} s` : ''})`,
      {
        retryable: true,
        retryAfterMs: wait ?? undefined,
      },
    );
  }
  if (answer.status >= 500) {
    throw new SyncFailure('server-error', `${label} had a server error (HTTP ${answer.status})`, { retryable: true });
  }
  if (answer.status < 200 || (answer.status >= 300 && answer.status < 400)) {
    throw new SyncFailure('bad-response', `${label} answered HTTP ${answer.status}`);
  }
  return answer;
}
