import type { IpcRenderer } from 'electron';
import type { BridgeTransport } from '../shared/contract/bridge';
import { channels, pushEvents, WIRE_EVENT, wireName, type ChannelName, type Envelope } from '../shared/contract/index';

/** The two `ipcRenderer` methods the bridge uses; a test passes a fake. */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on'>;

/** The names a transport accepts; the real contract unless a test passes its own. */
export interface TransportContract {
  readonly channels: object;
  readonly pushEvents: object;
}

/**
 * The preload's side of the contract over Electron IPC. Only contract channels are ever
 * invoked (anything else resolves to a `not-found` envelope without touching IPC), and only
 * the payload of a push event reaches the page: never the IPC event object, the sender or
 * `ipcRenderer` itself, which would give the page a way around the bridge.
 */
export function createIpcTransport(
  ipc: IpcRendererLike,
  contract: TransportContract = { channels, pushEvents },
): BridgeTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  // One IPC listener for all push events, registered once; it only forwards (name, payload).
  ipc.on(WIRE_EVENT, (_event: unknown, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing subscriber must not starve the others.
        console.error(`catalyst: a listener of "${name}" threw`, error);
      }
    }
  });

  return {
    invoke(channel: ChannelName, input: unknown): Promise<unknown> {
      if (typeof channel !== 'string' || !Object.hasOwn(contract.channels, channel)) {
        const refused: Envelope<never> = {
          ok: false,
          error: { code: 'not-found', message: `unknown channel "${String(channel)}"` },
        };
        return Promise.resolve(refused);
      }
      // Exactly one argument crosses: the input (validated again by the main process).
      return ipc.invoke(wireName(channel), input) as Promise<unknown>;
    },
    subscribe(event, listener) {
      if (typeof event !== 'string' || !Object.hasOwn(contract.pushEvents, event))
        throw new Error(`unknown push event "${String(event)}"`);
      if (typeof listener !== 'function') throw new Error('a push event listener must be a function');
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry = (payload: unknown): void => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
}
