import type { IpcMain, WebContents } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { attachPushToWindow, registerIpc } from '../../../src/main/ipc/register-ipc';
import { isTrustedSender } from '../../../src/main/ipc/sender';
import { createPushHub } from '../../../src/main/rpc/push';
import { asTicker } from '../../../src/shared/brand';
import { channelNames, WIRE_EVENT, wireName, type PushEventName } from '../../../src/shared/contract/index';
import { columnsToBars, type BarColumns } from '../../../src/shared/domain/bar-columns';
import { useTempDir } from '../../helpers/temp-db';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

/** Records `ipcMain.handle` registrations so a test can invoke them as Electron would. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(h(event, ...args));
  }
}

const BIDU_CSV =
  'date,open,high,low,close,volume\n2024-01-02,116.89,116.89,114.25,115.34,3009300\n2024-01-03,113.81,117.76,113.02,117.69,2843900\n';

describe('registerIpc over the real core', () => {
  const tmp = useTempDir();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  function setup() {
    core = createCore({ dbPath: tmp.dbPath(), isTrustedSender: (s) => isTrustedSender(s) });
    core.services.market.importBarsCsv(asTicker('BIDU'), BIDU_CSV);
    const ipc = new FakeIpcMain();
    const mainContents = { id: 1 };
    let current: object | null = mainContents;
    const unregister = registerIpc(
      ipc as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>,
      core.router,
      () => current as WebContents | null,
    );
    const topFrame = { url: 'app://catalyst/index.html', parent: null };
    return { ipc, mainContents, topFrame, unregister, closeWindow: () => (current = null) };
  }

  it('registers exactly one handler per contract channel, under its wire name', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(channelNames.map(wireName).sort());
    expect([...ipc.handlers.keys()].every((k) => k.startsWith('catalyst:'))).toBe(true);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the main window with the value', async () => {
    const { ipc, mainContents, topFrame } = setup();
    const envelope = await ipc.invoke(
      wireName('bars.range'),
      { sender: mainContents, senderFrame: topFrame },
      { symbol: 'bidu', from: '2024-01-03' },
    );
    expect(envelope).toMatchObject({ ok: true });
    const value = (envelope as { value: BarColumns }).value;
    expect(columnsToBars(value)).toMatchObject([{ date: '2024-01-03', close: 117.69 }]);
  });

  it('refuses an iframe, another window, a foreign page, a vanished frame and a closed main window', async () => {
    const { ipc, mainContents, topFrame, closeWindow } = setup();
    const events = [
      { sender: mainContents, senderFrame: { url: 'app://catalyst/index.html', parent: topFrame } },
      { sender: { id: 2 }, senderFrame: topFrame },
      { sender: mainContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: mainContents, senderFrame: null },
    ];
    for (const event of events) {
      expect(await ipc.invoke(wireName('instruments.list'), event)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    closeWindow();
    expect(
      await ipc.invoke(wireName('instruments.list'), { sender: mainContents, senderFrame: topFrame }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('validates the input and passes only the first argument', async () => {
    const { ipc, mainContents, topFrame } = setup();
    const event = { sender: mainContents, senderFrame: topFrame };
    expect(await ipc.invoke(wireName('bars.range'), event, { symbol: 'BIDU', to: '2024-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    // A second argument never reaches the handler: the first alone is validated and used.
    expect(await ipc.invoke(wireName('instruments.get'), event, { symbol: 'BIDU' }, { symbol: 'EVIL' })).toMatchObject({
      ok: true,
      value: { symbol: 'BIDU' },
    });
  });
});

describe('attachPushToWindow', () => {
  class FakeContents {
    sent: unknown[][] = [];
    destroyed = false;
    private onDestroyed: Array<() => void> = [];
    send(channel: string, ...args: unknown[]): void {
      this.sent.push([channel, ...args]);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    once(event: string, listener: () => void): this {
      if (event === 'destroyed') this.onDestroyed.push(listener);
      return this;
    }
    destroy(): void {
      this.destroyed = true;
      for (const l of this.onDestroyed) l();
    }
  }

  it('sends each push event as (WIRE_EVENT, name, payload) until the window is destroyed', () => {
    const hub = createPushHub();
    const contents = new FakeContents();
    attachPushToWindow(hub, contents as never);
    const emit = hub.emit as unknown as (e: PushEventName, p: unknown) => void;
    emit('sync.progress' as PushEventName, { done: 1 });
    expect(contents.sent).toEqual([[WIRE_EVENT, 'sync.progress', { done: 1 }]]);
    contents.destroy();
    emit('sync.progress' as PushEventName, { done: 2 });
    expect(contents.sent).toHaveLength(1);
  });

  it('stops after detach and never sends to a destroyed window', () => {
    const hub = createPushHub();
    const a = new FakeContents();
    const detach = attachPushToWindow(hub, a as never);
    detach();
    const b = new FakeContents();
    attachPushToWindow(hub, b as never);
    b.destroyed = true; // destroyed before its 'destroyed' event fired
    (hub.emit as unknown as (e: string, p: unknown) => void)('x.y', 1);
    expect(a.sent).toEqual([]);
    expect(b.sent).toEqual([]);
  });
});
