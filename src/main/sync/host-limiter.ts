import { SyncFailure } from './sync-failure';

/** How hard one host may be asked. */
export interface HostLimits {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /**
   * The lowest time between the starts of two requests, in ms: where the spacing starts and
   * what it returns to while the host answers. It grows on a 429 (see {@link HostLimiter}).
   */
  readonly minSpacingMs: number;
  /** The most the spacing grows to after 429s, in ms (default {@link DEFAULT_MAX_SPACING_MS}). */
  readonly maxSpacingMs?: number;
}

/** Spacing cap after repeated 429s when a host's limits do not say. */
export const DEFAULT_MAX_SPACING_MS = 30_000;
/** The first spacing after a 429 when the host had none: doubling from 0 would stay 0. */
export const FIRST_BACKOFF_SPACING_MS = 100;
/** Each answer that is not a 429 takes this share off the spacing above the minimum. */
const RECOVERY = 0.1;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

class HostGate {
  private active = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  /** The spacing now in force: adapts between the host's minimum and maximum. */
  spacingMs: number;
  /** No request starts before this moment (a `Retry-After`). */
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly limits: HostLimits;
  private readonly now: () => number;
  constructor(limits: HostLimits, now: () => number) {
    this.limits = limits;
    this.now = now;
    this.spacingMs = limits.minSpacingMs;
  }

  /** A 429: doubles the spacing (up to the maximum) and pauses the host for `retryAfterMs`. */
  throttled(retryAfterMs: number | null, maxPauseMs: number): void {
    const max = this.limits.maxSpacingMs ?? DEFAULT_MAX_SPACING_MS;
    this.spacingMs = Math.min(max, Math.max(this.spacingMs * 2, this.limits.minSpacingMs, FIRST_BACKOFF_SPACING_MS));
    // A longer wait than the run would make is not a pause: the symbol fails as rate-limited.
    if (retryAfterMs !== null && retryAfterMs > 0 && retryAfterMs <= maxPauseMs)
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfterMs);
  }

  /** An answer that is not a 429: the spacing creeps back towards the minimum. */
  answered(): void {
    const min = this.limits.minSpacingMs;
    const next = this.spacingMs - (this.spacingMs - min) * RECOVERY;
    this.spacingMs = next - min < 1 ? min : next;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new SyncFailure('cancelled', 'cancelled'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new SyncFailure('cancelled', 'cancelled'));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  release(): void {
    this.active--;
    this.pump();
  }

  /** Moves the spacing reference to the moment the request really went out. */
  started(): void {
    this.lastStart = Math.max(this.lastStart, this.now());
  }

  private pump(): void {
    while (this.queue.length > 0 && this.active < this.limits.concurrency) {
      const now = this.now();
      const wait = Math.max(this.lastStart + this.spacingMs - now, this.pausedUntil - now);
      if (wait > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.pump();
        }, Math.ceil(wait));
        return;
      }
      const w = this.queue.shift()!;
      w.signal?.removeEventListener('abort', w.onAbort);
      this.active++;
      this.lastStart = now;
      w.resolve();
    }
  }
}

/**
 * Per-host politeness: at most `concurrency` requests in flight and an adaptive spacing
 * between request starts, first come first served; waiting is cancellable.
 *
 * The spacing starts at the host's `minSpacingMs` (low, so the concurrency limit is really
 * used), doubles on every 429 up to `maxSpacingMs`, and creeps back down by a tenth of the
 * excess per answer that is not a 429. A `Retry-After` pauses the whole host (every waiting
 * request, not only the one that was refused) until it has passed.
 */
export class HostLimiter {
  private readonly gates = new Map<string, HostGate>();
  private readonly limitsFor: (host: string) => HostLimits;
  private readonly now: () => number;
  private readonly maxPauseMs: number;
  /**
   * @param maxPauseMs the longest `Retry-After` that pauses a host (the retry policy's
   *   `maxRetryAfterMs`): a longer one fails its symbol and must not hold up the others.
   */
  constructor(
    limitsFor: (host: string) => HostLimits,
    now: () => number = () => performance.now(),
    maxPauseMs = 120_000,
  ) {
    this.limitsFor = limitsFor;
    this.now = now;
    this.maxPauseMs = maxPauseMs;
  }

  /** Waits for a slot on `host`; pair every successful acquire with one {@link release}. */
  acquire(host: string, signal?: AbortSignal): Promise<void> {
    let g = this.gates.get(host);
    if (!g) {
      g = new HostGate(this.limitsFor(host), this.now);
      this.gates.set(host, g);
    }
    return g.acquire(signal);
  }

  release(host: string): void {
    this.gates.get(host)?.release();
  }

  /**
   * Call right before the request is sent. The caller's continuation after {@link acquire} can
   * queue behind other work (a synchronous batch write), so spacing counts from the real start,
   * not only from the grant: the next grant waits until `minSpacingMs` after this moment.
   */
  started(host: string): void {
    this.gates.get(host)?.started();
  }

  /** The host answered 429: back off (and pause for its `Retry-After`, ms, when it gave one). */
  throttled(host: string, retryAfterMs: number | null): void {
    this.gates.get(host)?.throttled(retryAfterMs, this.maxPauseMs);
  }

  /** The host answered something else than 429. */
  answered(host: string): void {
    this.gates.get(host)?.answered();
  }

  /** The spacing now in force for `host`, ms (its minimum before the first request). */
  spacingMs(host: string): number {
    return this.gates.get(host)?.spacingMs ?? this.limitsFor(host).minSpacingMs;
  }
}
