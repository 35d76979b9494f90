// Runs in the page before the app: builds window.catalyst with the same createBridge the
// preload uses, over a transport of Playwright bindings instead of Electron IPC.
import { createBridge, type CatalystBridge } from '../../../src/shared/contract/bridge';
import type { PushEventName } from '../../../src/shared/contract/index';

declare global {
  interface Window {
    readonly catalyst?: CatalystBridge;
    __catalystInvoke(channel: string, input: unknown): Promise<unknown>;
    __catalystPush?: (event: string, payload: unknown) => void;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
window.__catalystPush = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload);
};

const bridge = createBridge({
  invoke: (channel, input) => window.__catalystInvoke(channel, input),
  subscribe(event: PushEventName, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
});
Object.defineProperty(window, 'catalyst', { value: Object.freeze(bridge), writable: false, configurable: false });
