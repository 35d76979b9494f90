import type { Ticker } from '../../../../shared/brand';
import type {
  SymbolSyncResult,
  SymbolSyncState,
  SyncFinishedEvent,
  SyncStartedEvent,
  SyncStatus,
  SyncSymbolEvent,
} from '../../../../shared/domain/sync';

/** What the progress UI shows: derived only from `sync.status` and the `sync.*` push events. */
export interface SyncView {
  /** The run under way, or null. */
  readonly running: {
    readonly runId: string;
    readonly total: number;
    readonly done: number;
    readonly current: readonly Ticker[];
  } | null;
  /** Results of the running run so far, or of the last run, in the order they finished. */
  readonly results: readonly SymbolSyncResult[];
  readonly last: SyncFinishedEvent | null;
  /** The last run found no provider reachable (cleared when a run reaches one). */
  readonly offline: boolean;
  /** Last successful update per symbol (ISO instant or null). */
  readonly symbols: readonly SymbolSyncState[];
}

export const emptySyncView: SyncView = { running: null, results: [], last: null, offline: false, symbols: [] };

export type SyncViewAction =
  | { readonly type: 'status'; readonly status: SyncStatus }
  | { readonly type: 'started'; readonly event: SyncStartedEvent }
  | { readonly type: 'symbol'; readonly event: SyncSymbolEvent }
  | { readonly type: 'finished'; readonly event: SyncFinishedEvent };

/** Folds one push event (or a fresh status) into the view. Events of another run are ignored. */
export function reduceSyncView(v: SyncView, a: SyncViewAction): SyncView {
  switch (a.type) {
    case 'status': {
      const r = a.status.running;
      return {
        running: r ? { runId: r.runId, total: r.total, done: r.done, current: r.current } : null,
        results: r ? r.results : (a.status.lastRun?.results ?? []),
        last: a.status.lastRun,
        offline: a.status.lastRun?.offline ?? false,
        symbols: a.status.symbols,
      };
    }
    case 'started':
      return { ...v, running: { runId: a.event.runId, total: a.event.total, done: 0, current: [] }, results: [] };
    case 'symbol': {
      const e = a.event;
      if (v.running && v.running.runId !== e.runId) return v;
      const run = v.running ?? { runId: e.runId, total: e.total, done: 0, current: [] };
      if (e.state === 'running') {
        return {
          ...v,
          running: { ...run, current: run.current.includes(e.symbol) ? run.current : [...run.current, e.symbol] },
        };
      }
      const result: SymbolSyncResult = {
        symbol: e.symbol,
        status: e.state,
        added: e.added,
        changed: e.changed,
        provider: e.provider,
        reason: e.reason,
        error: e.error,
        ...(e.notice ? { notice: e.notice } : {}),
      };
      return {
        ...v,
        // A provider answered: whatever the symbol's fate, the app is not offline.
        offline: e.reason === 'offline' ? v.offline : false,
        running: { ...run, done: e.done, current: run.current.filter((s) => s !== e.symbol) },
        results: [...v.results.filter((r) => r.symbol !== e.symbol), result],
      };
    }
    case 'finished':
      return { ...v, running: null, results: a.event.results, last: a.event, offline: a.event.offline };
  }
}

/** "just now", "5 min ago", "3 h ago", else the local date and time. */
export function formatUpdated(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'never';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Human label of a failure reason code. */
export const reasonLabels: Readonly<Record<string, string>> = {
  'unknown-symbol': 'unknown symbol',
  'no-data': 'no data',
  'unsupported-symbol': 'not offered by the provider',
  'missing-key': 'API key missing',
  auth: 'API key refused',
  'rate-limited': 'rate limited',
  'server-error': 'provider error',
  'bad-response': 'bad response',
  'invalid-data': 'invalid data',
  timeout: 'timed out',
  'connection-dropped': 'connection dropped',
  network: 'network error',
  offline: 'offline',
  cancelled: 'cancelled',
  storage: 'could not save',
};
