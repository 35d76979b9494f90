import type { IsoDate, Ticker } from '../brand';

/**
 * Price synchronisation: the vocabulary shared by the fetch worker, the sync service, the
 * CLI and the renderer's progress view. Pure data; no behaviour beyond small helpers.
 */

/** The public providers Catalyst can fetch daily bars from. Yahoo needs no key; the others take the user's key. */
export const providerIds = ['yahoo', 'tiingo', 'twelvedata'] as const;
export type ProviderId = (typeof providerIds)[number];

/** Providers that only work with the user's API key. */
export const keyedProviders = ['tiingo', 'twelvedata'] as const satisfies readonly ProviderId[];
export type KeyedProviderId = (typeof keyedProviders)[number];

export const providerLabels: Readonly<Record<ProviderId, string>> = {
  yahoo: 'Yahoo Finance',
  tiingo: 'Tiingo',
  twelvedata: 'Twelve Data',
};

/** Where each provider lives unless the user (settings, `--base-url`, env) points elsewhere. */
export const defaultBaseUrls: Readonly<Record<ProviderId, string>> = {
  yahoo: 'https://query2.finance.yahoo.com',
  tiingo: 'https://api.tiingo.com',
  twelvedata: 'https://api.twelvedata.com',
};

/** The outcome of one symbol in a run. `failed` always comes with a reason. */
export type SymbolSyncStatus = 'updated' | 'up-to-date' | 'failed';

/**
 * Why a symbol was not updated. Specific on purpose: the UI and the CLI show it, and a user
 * acts differently on `unknown-symbol` (fix the symbol) than on `rate-limited` (wait).
 */
export const syncFailureReasons = [
  /** The provider does not know the symbol (Yahoo's 404 "No data found", Tiingo's 404, Twelve Data's 400/404). */
  'unknown-symbol',
  /**
   * The provider knows the symbol but has no prices for it at all (a delisted listing: Yahoo's
   * placeholder answer with no sessions, no currency and no first trade date). Not "up to date".
   */
  'no-data',
  /** The provider cannot be asked for this kind of symbol (e.g. an index on Tiingo). */
  'unsupported-symbol',
  /** A keyed provider was chosen but no API key is stored for it. */
  'missing-key',
  /** The provider refused the key (401/403). */
  'auth',
  /** 429 even after waiting as the provider asked (or it asked for a wait longer than we accept). */
  'rate-limited',
  /** 5xx after every retry. */
  'server-error',
  /** An answer that is not the provider's data: HTML, invalid or truncated JSON, a shape the schema refuses. */
  'bad-response',
  /** Well-formed JSON whose bars are impossible (high below low, negative price …): nothing is stored. */
  'invalid-data',
  /** No complete answer within the per-request timeout, after every retry. */
  'timeout',
  /** The connection closed before the whole answer arrived, after every retry. */
  'connection-dropped',
  /** Another network failure (reset, DNS) after every retry. */
  'network',
  /** The provider's host cannot be reached at all: reported once for the run. */
  'offline',
  /** The user cancelled before this symbol finished. */
  'cancelled',
  /** The answer was good but the cache could not be written (disk full, database locked too long). */
  'storage',
] as const;
export type SyncFailureReason = (typeof syncFailureReasons)[number];

/** One symbol's result. `added` counts new sessions, `changed` revised existing ones. */
export interface SymbolSyncResult {
  readonly symbol: Ticker;
  readonly status: SymbolSyncStatus;
  /** Sessions inserted by this run (committed; they stay even when the symbol later fails). */
  readonly added: number;
  /** Existing sessions whose values the provider revised. */
  readonly changed: number;
  /** The provider that answered (or the last one tried when every one failed); null when none was asked. */
  readonly provider: ProviderId | null;
  readonly reason: SyncFailureReason | null;
  /** Human-readable reason of a failure, null on success. */
  readonly error: string | null;
  /**
   * Something the user should know about a success, e.g. "history re-adjusted for a 3:1 split
   * on 2025-03-10" (the cached history was fetched again and replaced). Absent otherwise.
   */
  readonly notice?: string;
}

/** Counts of a finished run. */
export interface SyncSummary {
  readonly total: number;
  readonly updated: number;
  readonly upToDate: number;
  readonly failed: number;
  readonly added: number;
  readonly changed: number;
}

/** `sync.started`: the run's symbols, in the order they will be worked on. */
export interface SyncStartedEvent {
  readonly runId: string;
  readonly symbols: readonly Ticker[];
  readonly total: number;
  readonly providers: readonly ProviderId[];
  readonly from: IsoDate | null;
  readonly to: IsoDate;
}

/**
 * `sync.symbol`: one symbol started (`running`) or finished (its result). `done` counts the
 * symbols finished so far, so a progress bar needs nothing else.
 */
export interface SyncSymbolEvent {
  readonly runId: string;
  readonly symbol: Ticker;
  readonly state: 'running' | SymbolSyncStatus;
  readonly provider: ProviderId | null;
  readonly added: number;
  readonly changed: number;
  readonly reason: SyncFailureReason | null;
  readonly error: string | null;
  /** See {@link SymbolSyncResult.notice}. */
  readonly notice?: string;
  readonly done: number;
  readonly total: number;
}

/** `sync.finished`: the run's summary and every symbol's result. */
export interface SyncFinishedEvent {
  readonly runId: string;
  readonly results: readonly SymbolSyncResult[];
  readonly summary: SyncSummary;
  readonly cancelled: boolean;
  /** True when no provider host could be reached: said once here, not once per symbol. */
  readonly offline: boolean;
  /** One sentence for the status bar, e.g. "12 updated, 3 up to date, 1 failed". */
  readonly message: string;
  /** ISO instants. */
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** A dividend or split reported by a provider, stored apart from user and study events. */
export interface ProviderCorporateEvent {
  readonly symbol: Ticker;
  readonly provider: ProviderId;
  /** Exchange-local ex-date. */
  readonly date: IsoDate;
  readonly kind: 'dividend' | 'split';
  /** Cash per share for a dividend (instrument currency); null for a split. */
  readonly amount: number | null;
  /** Split ratio numerator:denominator (e.g. 5:1 means one old share became five); null for a dividend. */
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** What the cache knows about a symbol's synchronisation, for "last updated" in lists. */
export interface SymbolSyncState {
  readonly symbol: Ticker;
  /** ISO instant of the last successful fetch from any provider, null when never synced. */
  readonly lastUpdated: string | null;
  readonly provider: ProviderId | null;
  /** The fetched range of that provider, exchange-local dates. */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

/** Where a run is now: enough for a progress bar after the window reloads mid-run. */
export interface SyncProgress {
  readonly runId: string;
  readonly total: number;
  readonly done: number;
  /** Symbols being fetched right now. */
  readonly current: readonly Ticker[];
  readonly results: readonly SymbolSyncResult[];
  readonly startedAt: string;
}

/** `sync.status`. */
export interface SyncStatus {
  readonly running: SyncProgress | null;
  readonly lastRun: SyncFinishedEvent | null;
  readonly symbols: readonly SymbolSyncState[];
}

/** User settings of price updates. API keys are never part of it: only whether one is stored. */
export interface SyncSettings {
  /** Providers tried in this order for each symbol (fallbacks); keyed ones without a key are skipped. */
  readonly providerOrder: readonly ProviderId[];
  /** Per-provider base URL overrides (mirrors, proxies); absent = the provider's own. */
  readonly baseUrls: Readonly<Partial<Record<ProviderId, string>>>;
  /** Whether a key is stored for each keyed provider. */
  readonly keys: Readonly<Record<KeyedProviderId, boolean>>;
  /** Update every cached symbol when the app starts (off by default). */
  readonly updateOnLaunch: boolean;
}

/** Sums a run's results. */
export function summarise(results: readonly SymbolSyncResult[]): SyncSummary {
  let updated = 0;
  let upToDate = 0;
  let failed = 0;
  let added = 0;
  let changed = 0;
  for (const r of results) {
    if (r.status === 'updated') updated++;
    else if (r.status === 'up-to-date') upToDate++;
    else failed++;
    added += r.added;
    changed += r.changed;
  }
  return { total: results.length, updated, upToDate, failed, added, changed };
}

/** The one-line message of a finished run. */
export function summaryMessage(s: SyncSummary, flags: { cancelled: boolean; offline: boolean }): string {
  if (flags.offline) return 'Offline: no price provider could be reached. The cached prices are unchanged.';
  const parts = [`${s.updated} updated`, `${s.upToDate} up to date`];
  if (s.failed) parts.push(`${s.failed} failed`);
  const bars =
    s.added || s.changed
      ? ` (${s.added} new session${s.added === 1 ? '' : 's'}${s.changed ? `, ${s.changed} revised` : ''})`
      : '';
  return `${flags.cancelled ? 'Cancelled: ' : ''}${parts.join(', ')}${bars}.`;
}
