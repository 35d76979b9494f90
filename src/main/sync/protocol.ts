import type { IsoDate, Ticker } from '../../shared/brand';
import type { ProviderId, SyncFinishedEvent, SyncStartedEvent, SyncSymbolEvent } from '../../shared/domain/sync';
import type { HostLimits } from './host-limiter';
import type { RetryPolicy } from './retry';

/** One symbol to update. `from` null = continue from what the cache holds (see the engine). */
export interface SyncJob {
  readonly symbol: Ticker;
  readonly from: IsoDate | null;
  readonly to: IsoDate;
}

/** A provider in the run's fallback order, with its resolved base URL and key. */
export interface ProviderConfig {
  readonly id: ProviderId;
  readonly baseUrl: string;
  readonly apiKey: string | null;
}

/** Every knob of a run. Defaults in {@link defaultSyncLimits}; tests shrink the times. */
export interface SyncLimits {
  /** Per provider: requests in flight and spacing between request starts on its host. */
  readonly hosts: Readonly<Record<ProviderId, HostLimits>>;
  /** Symbols worked on at once (each still waits for its host's limiter). */
  readonly symbolConcurrency: number;
  /** Per request, headers and body, in ms. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /**
   * Most bars per write transaction; the default holds any daily answer (80 years), so an
   * answer is one transaction (one fsync). A crash loses at most the transaction in flight.
   */
  readonly batchSize: number;
  /** Calendar days re-asked before the end of what is held, to catch revisions. */
  readonly overlapDays: number;
  /** A range ending this many days before it was fetched is final: not asked again. */
  readonly settleDays: number;
  /** History fetched for a symbol the cache has no bars of, when no `from` is given. */
  readonly defaultHistoryDays: number;
  readonly maxBodyBytes: number;
}

export const defaultSyncLimits: SyncLimits = {
  hosts: {
    // Spacing starts low and adapts to 429s (see HostLimiter): both Yahoo slots are used.
    yahoo: { concurrency: 2, minSpacingMs: 0 },
    tiingo: { concurrency: 1, minSpacingMs: 100 },
    // The free plan allows 8 requests a minute.
    twelvedata: { concurrency: 1, minSpacingMs: 8000 },
  },
  symbolConcurrency: 4,
  timeoutMs: 20_000,
  retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 },
  batchSize: 20_000,
  overlapDays: 7,
  settleDays: 7,
  defaultHistoryDays: 5 * 365,
  maxBodyBytes: 32 * 1024 * 1024,
};

/** Everything a run needs besides the database: plain data, so it can cross to a worker. */
export interface SyncRunRequest {
  readonly runId: string;
  readonly jobs: readonly SyncJob[];
  /** Fallback order: each symbol is asked of the first provider, then the next on failure. */
  readonly providers: readonly ProviderConfig[];
  readonly limits: SyncLimits;
  /** The run's "now" (ISO instant): decides "today", what is settled, and stamps fetched ranges. */
  readonly now: string;
  /** Ask providers even for symbols fetched after their exchange's last close. */
  readonly force?: boolean;
  /** The range as the user asked it, for the started event. */
  readonly from: IsoDate | null;
  readonly to: IsoDate;
}

/** Progress as it leaves the engine (tagged so it can cross a worker boundary as one message type). */
export type SyncWireEvent =
  | { readonly type: 'started'; readonly payload: SyncStartedEvent }
  | { readonly type: 'symbol'; readonly payload: SyncSymbolEvent }
  | { readonly type: 'finished'; readonly payload: SyncFinishedEvent };

/**
 * One committed write batch of a run: what changed in the cache, so main can tell the views
 * (`data.changed`). Sent only when the batch changed bars or the instrument.
 */
export interface SyncCommit {
  readonly runId: string;
  readonly symbol: Ticker;
  /** Sessions that were not cached before this batch. */
  readonly inserted: number;
  /** Cached sessions whose values this batch changed. */
  readonly revised: number;
  /** The instrument row was created or its metadata changed. */
  readonly instrumentChanged: boolean;
}

/** How bad a line of the run's log is (retries are `warn`). */
export type SyncLogLevel = 'info' | 'warn' | 'error';

/** Optional listeners of a run besides its progress events. */
export interface SyncRunHooks {
  /** Each committed batch that changed the cache. */
  readonly onCommit?: (commit: SyncCommit) => void;
  /** A line for the log: retries, provider fallbacks. */
  readonly onLog?: (level: SyncLogLevel, message: string) => void;
}

/** Main → worker. */
export type ToWorker =
  { readonly type: 'start'; readonly dbPath: string; readonly request: SyncRunRequest } | { readonly type: 'cancel' };

/**
 * Worker → main. `fatal` means the run could not even start or crashed (`finished` has then not
 * been sent); `closed` is the last message: the database is closed and the thread may end.
 */
export type FromWorker =
  | { readonly type: 'event'; readonly event: SyncWireEvent }
  | { readonly type: 'commit'; readonly commit: SyncCommit }
  | { readonly type: 'log'; readonly level: SyncLogLevel; readonly message: string }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'closed' };
