import type { IpcMain, WebContents } from 'electron';
import { channelNames, WIRE_EVENT, wireName } from '../../shared/contract/index';
import type { PushHub } from '../rpc/push';
import type { Router } from '../rpc/router';
import { describeSender } from './sender';

/**
 * Registers one `ipcMain.handle` per contract channel, each forwarding the first argument
 * to the router with the sender's facts (the router checks the sender, validates the input
 * and never rejects). Returns the function that removes them all.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  router: Pick<Router, 'dispatch'>,
  mainContents: () => WebContents | null,
): () => void {
  for (const name of channelNames) {
    ipcMain.handle(wireName(name), (event, input: unknown) =>
      router.dispatch(name, input, describeSender(event, mainContents())),
    );
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(wireName(name));
  };
}

/**
 * Sends every push event of `push` to a window as `(WIRE_EVENT, name, payload)` until the
 * window is destroyed or the returned function is called.
 */
export function attachPushToWindow(
  push: Pick<PushHub, 'attach'>,
  contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>,
): () => void {
  const detach = push.attach((event, payload) => {
    if (!contents.isDestroyed()) contents.send(WIRE_EVENT, event, payload);
  });
  contents.once('destroyed', detach);
  return detach;
}
