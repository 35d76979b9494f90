import type { PayloadOf, PushEventName, PushEvents } from '../../shared/contract/index';

/** Sends a push event to every attached window (or test page). */
export type Emit = <E extends PushEventName>(event: E, payload: PayloadOf<PushEvents[E]>) => void;

export interface PushHubOptions {
  /**
   * Hold events until the renderer calls `app.ready` (see {@link PushHub.ready}), so what main
   * sends during start-up (a file opened from the OS, a sync on launch) is not lost before the
   * window subscribes. Off for the CLI and tests that attach a sink directly.
   */
  readonly queueUntilReady?: boolean;
  /** The most events held before the oldest are dropped (a window that never says ready). */
  readonly maxQueued?: number;
}

export interface PushHub {
  readonly emit: Emit;
  /** Attaches a transport (an Electron window, a Chromium page); returns the detach function. */
  attach(sink: (event: PushEventName, payload: unknown) => void): () => void;
  /** The renderer is subscribed: sends what was queued, in order, and stops queueing. Returns how many. */
  ready(): number;
  /** A window reloads or is replaced: queue again until it says ready. */
  unready(): void;
}

/** Fans push events out to every attached transport; a failing sink never stops the others. */
export function createPushHub(options: PushHubOptions = {}): PushHub {
  const sinks = new Set<(event: PushEventName, payload: unknown) => void>();
  const maxQueued = options.maxQueued ?? 1000;
  let isReady = !options.queueUntilReady;
  let queue: Array<[PushEventName, unknown]> = [];
  const send = (event: PushEventName, payload: unknown): void => {
    for (const sink of sinks) {
      try {
        sink(event, payload);
      } catch {
        // A window that closed mid-send must not break the run that emitted.
      }
    }
  };
  return {
    emit: (event, payload) => {
      if (isReady) return send(event, payload);
      queue.push([event, payload]);
      if (queue.length > maxQueued) queue.splice(0, queue.length - maxQueued);
    },
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    ready() {
      isReady = true;
      const held = queue;
      queue = [];
      for (const [event, payload] of held) send(event, payload);
      return held.length;
    },
    unready() {
      if (options.queueUntilReady) isReady = false;
    },
  };
}
