import type { Sender } from '../rpc/router';
import { isOwnPageUrl } from '../shell/url-policy';

/**
 * What the main process knows about who made an IPC request. It is a {@link Sender} (the
 * router passes it to `isTrustedSender` unchanged) with two facts only Electron can tell:
 * whether the frame is a top frame, and whether it belongs to the main window.
 * Senders built elsewhere (tests, the end-to-end harness) lack them and are therefore
 * never trusted by {@link isTrustedSender}: it fails closed.
 */
export interface IpcSender extends Sender {
  /** The frame is its page's top frame (not an iframe). */
  readonly topFrame?: boolean;
  /** The page is the main window's own `webContents`. */
  readonly mainWindow?: boolean;
}

/**
 * True only for the main window's top frame showing the app's own page (`app://catalyst/…`,
 * or in development the dev server's origin passed as `devOrigin`).
 */
export function isTrustedSender(sender: IpcSender, devOrigin?: string | null): boolean {
  return sender.topFrame === true && sender.mainWindow === true && isOwnPageUrl(sender.url, devOrigin);
}

/** The fields of an `IpcMainInvokeEvent` that identify its sender. */
export interface SenderEvent {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Reads the sender facts from an IPC event. `mainContents` is the main window's
 * `webContents` (null before it exists or after it closed). A frame that navigated away or
 * was destroyed (`senderFrame` null, or throwing on access) gives an untrusted sender.
 */
export function describeSender(event: SenderEvent, mainContents: unknown): IpcSender {
  try {
    const frame = event.senderFrame;
    if (!frame) return { url: '', topFrame: false, mainWindow: false };
    return {
      url: frame.url,
      topFrame: frame.parent === null,
      mainWindow: mainContents !== null && mainContents !== undefined && event.sender === mainContents,
    };
  } catch {
    return { url: '', topFrame: false, mainWindow: false };
  }
}
