import type { PayloadOf, PushEventName, PushEvents } from '../../shared/contract/index';

/** Sends a push event to every attached window (or test page). */
export type Emit = <E extends PushEventName>(event: E, payload: PayloadOf<PushEvents[E]>) => void;

export interface PushHub {
  readonly emit: Emit;
  /** Attaches a transport (an Electron window, a Chromium page); returns the detach function. */
  attach(sink: (event: PushEventName, payload: unknown) => void): () => void;
}

/** Fans push events out to every attached transport; a failing sink never stops the others. */
export function createPushHub(): PushHub {
  const sinks = new Set<(event: PushEventName, payload: unknown) => void>();
  return {
    emit: (event, payload) => {
      for (const sink of sinks) {
        try {
          sink(event, payload);
        } catch {
          // A window that closed mid-send must not break the run that emitted.
        }
      }
    },
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
