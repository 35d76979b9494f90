// `npm run web`: runs in the page before the app and builds window.catalyst with the same
// createBridge the Electron preload uses, over a WebSocket to the main-process router instead
// of IPC. The server injects it into index.html; the app cannot tell the difference.
import { createBridge, type CatalystBridge } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/errors';
import type { PushEventName } from '../../shared/contract/index';

declare global {
  interface Window {
    readonly catalyst?: CatalystBridge;
  }
}

type Message = { t: 'result'; id: number; envelope: unknown } | { t: 'push'; event: string; payload: unknown };

const LOST: Envelope<never> = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'The connection to Catalyst was lost: restart `npm run web` and open the URL it prints.',
  },
};

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`);
const opened = new Promise<boolean>((ok) => {
  socket.addEventListener('open', () => ok(true), { once: true });
  socket.addEventListener('close', () => ok(false), { once: true });
});
const pending = new Map<number, (envelope: unknown) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (e: MessageEvent<string>) => {
  const m = JSON.parse(e.data) as Message;
  if (m.t === 'result') {
    pending.get(m.id)?.(m.envelope);
    pending.delete(m.id);
  } else {
    for (const l of listeners.get(m.event) ?? []) l(m.payload);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(LOST);
  pending.clear();
  document.documentElement.dataset.catalystBridge = 'closed';
});

const bridge = createBridge({
  async invoke(channel, input) {
    if (!(await opened) || socket.readyState !== WebSocket.OPEN) return LOST;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ t: 'invoke', id, channel, input }));
    });
  },
  subscribe(event: PushEventName, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
});
// No native menu here: the app handles its menu shortcuts itself.
document.documentElement.dataset.catalystShell = 'web';
Object.defineProperty(window, 'catalyst', { value: Object.freeze(bridge), writable: false, configurable: false });
