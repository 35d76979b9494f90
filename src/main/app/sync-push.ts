import type { Emit } from '../rpc/push';
import type { SyncService, SyncServiceEvent } from '../services/sync/sync-service';
import { dataChange } from '../services/data-changes';

/**
 * The push events one sync-service event becomes: progress as `sync.*`, each committed batch
 * as `data.changed` for its symbol's bars and instrument, a settings change as
 * `data.changed {settings}`.
 */
export function emitSyncEvent(e: SyncServiceEvent, emit: Emit): void {
  switch (e.type) {
    case 'started':
      return emit('sync.started', e.event);
    case 'symbol':
      return emit('sync.symbol', e.event);
    case 'finished':
      return emit('sync.finished', e.event);
    case 'committed':
      return emit('data.changed', dataChange(['bars', 'instruments'], [e.commit.symbol]));
    case 'settings':
      return emit('data.changed', dataChange(['settings']));
  }
}

/** Forwards every event of `sync` to `emit` as push events; returns the unsubscribe function. */
export function pushSyncEvents(sync: SyncService, emit: Emit): () => void {
  return sync.onEvent((e) => emitSyncEvent(e, emit));
}
