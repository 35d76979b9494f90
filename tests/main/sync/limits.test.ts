import { describe, expect, it } from 'vitest';
import { HostLimiter } from '../../../src/main/sync/host-limiter';
import { backoffDelay, parseRetryAfter, withRetries, type RetryPolicy } from '../../../src/main/sync/retry';
import { SyncFailure } from '../../../src/main/sync/sync-failure';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 30_000 };

describe('backoff and retries', () => {
  it('doubles the delay, caps it, and jitters only its upper half', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(1500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('retries retryable failures with the larger of backoff and Retry-After, up to the bound', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failure = await withRetries(
      async () => {
        calls++;
        throw calls === 2
          ? new SyncFailure('rate-limited', 'HTTP 429', { retryable: true, retryAfterMs: 5000 })
          : new SyncFailure('server-error', 'HTTP 503', { retryable: true });
      },
      policy,
      { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    ).catch((e: SyncFailure) => e);
    expect(calls).toBe(4);
    expect(waits).toEqual([500, 5000, 2000]);
    expect([failure.reason, failure.message]).toEqual(['server-error', 'HTTP 503 (4 attempts)']);
  });

  it('stops at once on a non-retryable failure, and on a Retry-After longer than accepted', async () => {
    let calls = 0;
    const f1 = await withRetries(
      async () => {
        calls++;
        throw new SyncFailure('unknown-symbol', 'no');
      },
      policy,
      { sleep: async () => undefined, random: () => 0 },
    ).catch((e: SyncFailure) => e);
    expect([calls, f1.reason]).toEqual([1, 'unknown-symbol']);
    const f2 = await withRetries(
      async () => {
        throw new SyncFailure('rate-limited', 'HTTP 429', { retryable: true, retryAfterMs: 3_600_000 });
      },
      policy,
      { sleep: async () => undefined, random: () => 0 },
    ).catch((e: SyncFailure) => e);
    expect(f2.message).toBe('HTTP 429; it asked to wait 3600 s, longer than the 30 s we wait');
  });

  it('returns the first success', async () => {
    let calls = 0;
    const v = await withRetries(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw new SyncFailure('timeout', 'slow', { retryable: true });
        return 'ok';
      },
      policy,
      { sleep: async () => undefined, random: () => 0.3 },
    );
    expect([v, calls]).toEqual(['ok', 3]);
  });
});

describe('HostLimiter', () => {
  it('holds concurrency and spacing per host, first come first served', async () => {
    const limiter = new HostLimiter(() => ({ concurrency: 2, minSpacingMs: 30 }));
    let active = 0;
    let maxActive = 0;
    const starts: number[] = [];
    const order: number[] = [];
    const task = async (i: number) => {
      await limiter.acquire('a.example');
      starts.push(performance.now());
      order.push(i);
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 50));
      active--;
      limiter.release('a.example');
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => task(i)));
    expect(maxActive).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(29);
  });

  it('keeps hosts independent and lets a waiter cancel', async () => {
    const limiter = new HostLimiter(() => ({ concurrency: 1, minSpacingMs: 0 }));
    await limiter.acquire('a');
    await limiter.acquire('b');
    const ctl = new AbortController();
    const waiting = limiter.acquire('a', ctl.signal);
    ctl.abort();
    await expect(waiting).rejects.toMatchObject({ reason: 'cancelled' });
    limiter.release('a');
    await limiter.acquire('a');
  });
});

describe('getOnce and the host slot', () => {
  it('frees the slot when the host has answered, not when the body has streamed in; a failed body is still reported', async () => {
    const { getOnce, HostHealth } = await import('../../../src/main/sync/http-client');
    const limiter = new HostLimiter(() => ({ concurrency: 1, minSpacingMs: 0 }));
    const started: string[] = [];
    let finishFirstBody: () => void = () => undefined;
    const fetchFn = async (url: string) => {
      started.push(url);
      if (url.endsWith('/slow')) {
        // Headers at once, the body only when the test says so.
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"part":'));
            finishFirstBody = () => {
              controller.enqueue(new TextEncoder().encode('1}'));
              controller.close();
            };
          },
        });
        return new Response(body, { status: 200 });
      }
      return new Response('{"fast":true}', { status: 200 });
    };
    const o = {
      fetch: fetchFn,
      limiter,
      health: new HostHealth(),
      timeoutMs: 5000,
      maxBodyBytes: 1024,
      signal: new AbortController().signal,
    };
    const req = (path: string) => ({ url: `http://h.test${path}`, displayUrl: path, headers: {} });
    const slow = getOnce(req('/slow'), 'Test', o);
    // With one slot, the second request goes out while the first body is still streaming.
    const fast = await getOnce(req('/fast'), 'Test', o);
    expect(fast.body).toBe('{"fast":true}');
    expect(started).toEqual(['http://h.test/slow', 'http://h.test/fast']);
    finishFirstBody();
    expect((await slow).body).toBe('{"part":1}');
    // A body over the limit fails the request, and the slot was freed once (the next one runs).
    const big = await getOnce(req('/fast'), 'Test', { ...o, maxBodyBytes: 4 }).catch((e: SyncFailure) => e);
    expect(big).toBeInstanceOf(SyncFailure);
    expect((await getOnce(req('/fast'), 'Test', o)).status).toBe(200);
  });
});
