import { describe, expect, it, vi } from 'vitest';
import { createIpcTransport, type IpcRendererLike } from '../../src/preload/transport';
import { createBridge } from '../../src/shared/contract/bridge';
import {
  channelNames,
  channels,
  pushEvent,
  pushEvents,
  returns,
  WIRE_EVENT,
  wireName,
  type ChannelName,
  type PushEventName,
} from '../../src/shared/contract/index';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** Stands in for Electron's ipcRenderer: records invokes, lets the test deliver messages. */
class FakeIpcRenderer {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, IpcListener[]>();
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ ok: true, value: `reply to ${channel}` });
  }
  on(channel: string, listener: IpcListener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  /** Delivers a message as Electron would: the IPC event object first. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [], secret: 'ipc internals' };
    for (const l of this.listeners.get(channel) ?? []) l(event, ...args);
  }
}

// Push event names typed loosely: the tests use their own contract for push delivery.
const anyEvent = (name: string) => name as PushEventName;

function transport() {
  const ipc = new FakeIpcRenderer();
  return { ipc, t: createIpcTransport(ipc as unknown as IpcRendererLike) };
}

describe('createIpcTransport', () => {
  it('registers exactly one IPC listener, on the wire event channel', () => {
    const { ipc } = transport();
    expect([...ipc.listeners.keys()]).toEqual([WIRE_EVENT]);
    expect(ipc.listeners.get(WIRE_EVENT)).toHaveLength(1);
  });

  it('invokes a contract channel under its wire name with exactly one argument', async () => {
    const { ipc, t } = transport();
    const reply = await t.invoke('bars.range', { symbol: 'BIDU' });
    expect(ipc.invoked).toEqual([[wireName('bars.range'), { symbol: 'BIDU' }]]);
    expect(reply).toEqual({ ok: true, value: 'reply to catalyst:bars.range' });
  });

  it.each(['catalyst:bars.range', 'bars.delete', 'toString', '__proto__', 'constructor', '', 'on', 'instruments'])(
    'refuses the unknown channel %j without touching IPC',
    async (name) => {
      const { ipc, t } = transport();
      const reply = await t.invoke(name as ChannelName, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('refuses to subscribe to an event outside the contract', () => {
    const { t } = transport();
    expect(() => t.subscribe(anyEvent('sync.progress-not-declared'), () => undefined)).toThrow(/unknown push event/);
    expect(() => t.subscribe(anyEvent('__proto__'), () => undefined)).toThrow(/unknown push event/);
  });
});

describe('push delivery', () => {
  // A contract with one declared event, so the delivery path is tested whatever the real
  // contract declares today.
  const contract = {
    channels,
    pushEvents: { 'sync.progress': pushEvent({ doc: 'progress', payload: returns<{ done: number }>() }) },
  };
  const progress = anyEvent('sync.progress');

  function withEvent() {
    const ipc = new FakeIpcRenderer();
    return { ipc, t: createIpcTransport(ipc as unknown as IpcRendererLike, contract) };
  }

  it('passes only the payload to the page, never the IPC event or ipcRenderer', () => {
    const { ipc, t } = withEvent();
    const seen: unknown[][] = [];
    t.subscribe(progress, (...args: unknown[]) => seen.push(args));
    ipc.deliver(WIRE_EVENT, 'sync.progress', { done: 1 });
    expect(seen).toEqual([[{ done: 1 }]]);
  });

  it('delivers to the subscribers of that event only, and not after unsubscribe', () => {
    const { ipc, t } = withEvent();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = t.subscribe(progress, (p) => a.push(p));
    t.subscribe(progress, (p) => b.push(p));
    ipc.deliver(WIRE_EVENT, 'other.event', { done: 9 });
    ipc.deliver(WIRE_EVENT, 42, { done: 9 });
    ipc.deliver(WIRE_EVENT, 'sync.progress', { done: 1 });
    offA();
    offA();
    ipc.deliver(WIRE_EVENT, 'sync.progress', { done: 2 });
    expect(a).toEqual([{ done: 1 }]);
    expect(b).toEqual([{ done: 1 }, { done: 2 }]);
  });

  it('keeps delivering to the others when one subscriber throws', () => {
    const { ipc, t } = withEvent();
    const seen: unknown[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t.subscribe(progress, () => {
      throw new Error('page bug');
    });
    t.subscribe(progress, (p) => seen.push(p));
    expect(() => ipc.deliver(WIRE_EVENT, 'sync.progress', { done: 1 })).not.toThrow();
    expect(seen).toEqual([{ done: 1 }]);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });

  it('gives the same function subscribed twice two independent subscriptions', () => {
    const { ipc, t } = withEvent();
    const seen: unknown[] = [];
    const listener = (p: unknown) => seen.push(p);
    const off1 = t.subscribe(progress, listener);
    t.subscribe(progress, listener);
    off1();
    ipc.deliver(WIRE_EVENT, 'sync.progress', { done: 1 });
    expect(seen).toEqual([{ done: 1 }]);
  });

  it('is reached through the bridge: catalyst.on(event, listener)', () => {
    const { ipc, t } = withEvent();
    const bridge = createBridge(t) as unknown as { on: (e: string, l: (p: unknown) => void) => () => void };
    const seen: unknown[] = [];
    // createBridge checks the real contract's events first.
    if (Object.hasOwn(pushEvents, 'sync.progress')) {
      bridge.on('sync.progress', (p) => seen.push(p));
      ipc.deliver(WIRE_EVENT, 'sync.progress', { done: 1 });
      expect(seen).toEqual([{ done: 1 }]);
    } else {
      expect(() => bridge.on('sync.progress', (p) => seen.push(p))).toThrow(/unknown push event/);
    }
  });
});

describe('createBridge over the IPC transport', () => {
  it('exposes exactly the contract channels, each invoking its own wire name', async () => {
    const { ipc, t } = transport();
    const bridge = createBridge(t) as unknown as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>> | unknown
    >;
    const exposed: string[] = [];
    for (const [ns, methods] of Object.entries(bridge)) {
      if (ns === 'on') continue;
      for (const [method, fn] of Object.entries(methods as Record<string, (input?: unknown) => Promise<unknown>>)) {
        exposed.push(`${ns}.${method}`);
        await fn({ probe: true });
      }
    }
    expect(exposed.sort()).toEqual([...channelNames].sort());
    expect(ipc.invoked.map((c) => c[0]).sort()).toEqual(channelNames.map(wireName).sort());
    expect(typeof bridge.on).toBe('function');
  });

  it('holds no reference to ipcRenderer or the transport', () => {
    const { ipc, t } = transport();
    const bridge = createBridge(t);
    const seen = new Set<unknown>();
    const walk = (v: unknown): void => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      expect(v).not.toBe(ipc);
      expect(v).not.toBe(t);
      for (const key of Object.getOwnPropertyNames(v)) {
        if (typeof v === 'function' && ['caller', 'callee', 'arguments'].includes(key)) continue;
        walk((v as Record<string, unknown>)[key]);
      }
    };
    walk(bridge);
    expect(seen.size).toBeGreaterThan(channelNames.length);
  });
});
