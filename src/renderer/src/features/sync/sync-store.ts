import { useSyncExternalStore } from 'react';
import type { Ticker } from '../../../../shared/brand';
import type { SyncStartResult } from '../../../../shared/contract/sync';
import { api } from '../../api/client';
import { emptySyncView, reduceSyncView, type SyncView, type SyncViewAction } from './sync-view';

type Listener = () => void;

/**
 * One store for every sync view (toolbar, panel): subscribes to the `sync.*` push events once,
 * reads `sync.status` on first use (a run started before a reload shows at once) and again
 * after each run (last-updated times).
 */
class SyncStore {
  private view: SyncView = emptySyncView;
  private readonly listeners = new Set<Listener>();
  private started = false;
  private readonly finishedHandlers = new Set<(message: string) => void>();

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    this.ensureStarted();
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): SyncView => this.view;

  /** Called with the run's one-line message when a run finishes. */
  onFinished(handler: (message: string) => void): () => void {
    this.finishedHandlers.add(handler);
    return () => this.finishedHandlers.delete(handler);
  }

  /** Starts an update: `symbols` absent = every cached instrument. */
  start(symbols?: readonly Ticker[]): Promise<SyncStartResult> {
    return api.sync.start(symbols ? { symbols: [...symbols] } : {});
  }

  cancel(): Promise<{ cancelled: boolean }> {
    return api.sync.cancel(this.view.running ? { runId: this.view.running.runId } : {});
  }

  /** Re-reads the status (last-updated times, a run started elsewhere). */
  async refresh(): Promise<void> {
    this.dispatch({ type: 'status', status: await api.sync.status() });
  }

  private dispatch(a: SyncViewAction): void {
    this.view = reduceSyncView(this.view, a);
    for (const l of this.listeners) l();
  }

  private ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    api.on('sync.started', (event) => this.dispatch({ type: 'started', event }));
    api.on('sync.symbol', (event) => this.dispatch({ type: 'symbol', event }));
    api.on('sync.finished', (event) => {
      this.dispatch({ type: 'finished', event });
      for (const h of this.finishedHandlers) h(event.message);
      void this.refresh().catch(() => undefined);
    });
    void this.refresh().catch(() => undefined);
  }
}

export const syncStore = new SyncStore();

/** The current sync view; re-renders on every progress event. */
export function useSyncView(): SyncView {
  return useSyncExternalStore(syncStore.subscribe, syncStore.getSnapshot);
}
