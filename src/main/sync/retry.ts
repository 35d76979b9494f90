import { SyncFailure, asSyncFailure } from './sync-failure';

/** How often and how patiently a failed request is asked again. */
export interface RetryPolicy {
  /** Attempts in all, the first included (1 = never retry). */
  readonly maxAttempts: number;
  /** Backoff before the 2nd attempt; doubles each time. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the symbol fails as rate-limited. */
  readonly maxRetryAfterMs: number;
}

/** Sleeps `ms`, rejecting with a cancelled failure when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new SyncFailure('cancelled', 'cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(t);
      reject(new SyncFailure('cancelled', 'cancelled'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Exponential backoff with "equal jitter": half the doubled delay is fixed, half random, so
 * clients that failed together do not retry together. `attempt` is the attempt that failed (1-based).
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Parses `Retry-After` (seconds or an HTTP date) into ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export interface RetryDeps {
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly signal?: AbortSignal;
  /** Told before each wait (for logs and tests). */
  readonly onRetry?: (failure: SyncFailure, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable failure, or runs out of
 * attempts. Waits the larger of the backoff and the provider's `Retry-After`.
 */
export async function withRetries<T>(
  run: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (e) {
      const f = asSyncFailure(e);
      if (!f.retryable || deps.signal?.aborted) throw f;
      if (attempt >= policy.maxAttempts) {
        throw attempt > 1
          ? new SyncFailure(f.reason, `${f.message} (${attempt} attempts)`, { provider: f.provider ?? undefined })
          : f;
      }
      if (f.retryAfterMs !== null && f.retryAfterMs > policy.maxRetryAfterMs) {
        throw new SyncFailure(
          f.reason,
          `${f.message}; it asked to wait ${Math.ceil(f.retryAfterMs / 1000)} s, longer than the ${Math.round(policy.maxRetryAfterMs / 1000)} s we wait`,
          {
            provider: f.provider ?? undefined,
          },
        );
      }
      const delay = Math.max(backoffDelay(attempt, policy, deps.random), f.retryAfterMs ?? 0);
      deps.onRetry?.(f, attempt, delay);
      await deps.sleep(delay, deps.signal);
    }
  }
}
