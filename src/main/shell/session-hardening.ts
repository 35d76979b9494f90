import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_ORIGIN, navigationDecision, windowOpenDecision } from './url-policy';

/** The parts of an Electron `Session` that {@link hardenSession} configures. */
export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setBluetoothPairingHandler'
  | 'on'
  | 'webRequest'
>;

/** Replaces any Content-Security-Policy header (whatever its case) with the app's own. */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * Locks a session down. Catalyst needs no browser permission at all (no camera, location,
 * notifications, clipboard reads, devices, screen capture), so every request and check is
 * refused, every device chooser is cancelled, and every app:// response gets the CSP header
 * again (defence in depth: the protocol handler already sets it).
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  if (process.platform !== 'darwin') {
    // Only exists on Windows and Linux; macOS pairs without asking the app.
    session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  }
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.webRequest.onHeadersReceived({ urls: [`${APP_ORIGIN}/*`] }, (details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** The parts of an Electron `WebContents` that {@link hardenWebContents} configures. */
export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface WebContentsPolicy {
  /** Opens a URL in the system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => Promise<void>;
  /** The dev server's origin in development, so its page may reload; null in a packaged app. */
  readonly devOrigin?: string | null;
  /** Told about each blocked navigation or window (for the log). */
  readonly onBlocked?: (what: 'navigation' | 'redirect' | 'window' | 'webview', url: string) => void;
}

/**
 * Keeps a window on the app's own page: navigations and redirects elsewhere are cancelled,
 * `window.open` never creates a window (a safe https link goes to the system browser
 * instead), and `<webview>` is refused.
 */
export function hardenWebContents(contents: HardenableWebContents, policy: WebContentsPolicy): void {
  const blocked = policy.onBlocked ?? (() => undefined);
  contents.on('will-navigate', (event) => {
    if (navigationDecision(event.url, policy.devOrigin) === 'deny') {
      event.preventDefault();
      blocked('navigation', event.url);
    }
  });
  // Also fires for subframes, which 'will-navigate' does not cover.
  contents.on('will-frame-navigate', (event) => {
    if (navigationDecision(event.url, policy.devOrigin) === 'deny') {
      event.preventDefault();
      blocked('navigation', event.url);
    }
  });
  contents.on('will-redirect', (event) => {
    if (navigationDecision(event.url, policy.devOrigin) === 'deny') {
      event.preventDefault();
      blocked('redirect', event.url);
    }
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    blocked('webview', params.src ?? '');
  });
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternal) {
      policy.openExternal(decision.openExternal).catch(() => blocked('window', url));
    } else {
      blocked('window', url);
    }
    return { action: 'deny' };
  });
}
