import { SyncFailure } from './sync-failure';

/** How hard one host may be asked. */
export interface HostLimits {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Minimum time between the starts of two requests, in ms. */
  readonly minSpacingMs: number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

class HostGate {
  private active = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly limits: HostLimits;
  private readonly now: () => number;
  constructor(limits: HostLimits, now: () => number) {
    this.limits = limits;
    this.now = now;
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
      const wait = this.lastStart + this.limits.minSpacingMs - this.now();
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
      this.lastStart = this.now();
      w.resolve();
    }
  }
}

/**
 * Per-host politeness: at most `concurrency` requests in flight and at least `minSpacingMs`
 * between request starts, first come first served. Waiting is cancellable.
 */
export class HostLimiter {
  private readonly gates = new Map<string, HostGate>();
  private readonly limitsFor: (host: string) => HostLimits;
  private readonly now: () => number;
  constructor(limitsFor: (host: string) => HostLimits, now: () => number = () => performance.now()) {
    this.limitsFor = limitsFor;
    this.now = now;
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
}
