import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/csp';
import {
  hardenSession,
  hardenWebContents,
  withContentSecurityPolicy,
  type HardenableSession,
  type HardenableWebContents,
} from '../../../src/main/shell/session-hardening';

// Electron's Session and WebContents cannot run under Node: these fakes record what
// hardening registers, so the tests can call the handlers as Chromium would.
type Fn = (...args: never[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Fn[]>();
  on(event: string, listener: Fn): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class FakeSession extends FakeEmitter {
  permissionRequest?: (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: unknown,
  ) => void;
  permissionCheck?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  devicePermission?: (details: unknown) => boolean;
  displayMedia?: (request: unknown, callback: (streams: unknown) => void) => void;
  bluetoothPairing?: (details: unknown, callback: (response: unknown) => void) => void;
  headersFilter?: { urls: string[] };
  headersListener?: (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (r: unknown) => void,
  ) => void;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
  setDisplayMediaRequestHandler(h: FakeSession['displayMedia']): void {
    this.displayMedia = h;
  }
  setBluetoothPairingHandler(h: FakeSession['bluetoothPairing']): void {
    this.bluetoothPairing = h;
  }
  readonly webRequest = {
    onHeadersReceived: (filter: { urls: string[] }, listener: FakeSession['headersListener']) => {
      this.headersFilter = filter;
      this.headersListener = listener;
    },
  };
}

class FakeWebContents extends FakeEmitter {
  windowOpen?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(h: FakeWebContents['windowOpen']): void {
    this.windowOpen = h;
  }
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'openExternal',
  'fullscreen',
  'unknown',
];

function hardened(): FakeSession {
  const s = new FakeSession();
  hardenSession(s as unknown as HardenableSession);
  return s;
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const s = hardened();
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      s.permissionRequest!({}, permission, (granted) => answers.push(granted), {
        requestingUrl: 'app://catalyst/index.html',
      });
      expect(answers, permission).toEqual([false]);
      expect(s.permissionCheck!({}, permission, 'app://catalyst', {}), permission).toBe(false);
    }
  });

  it('denies devices and screen capture', () => {
    const s = hardened();
    expect(s.devicePermission!({ deviceType: 'hid', origin: 'app://catalyst' })).toBe(false);
    const streams: unknown[] = [];
    s.displayMedia!({ frame: null }, (x) => streams.push(x));
    expect(streams).toEqual([null]);
    if (process.platform !== 'darwin') {
      const answers: unknown[] = [];
      s.bluetoothPairing!({ deviceId: 'x', pairingKind: 'confirm' }, (r) => answers.push(r));
      expect(answers).toEqual([{ confirmed: false }]);
    }
  });

  it('cancels the HID, USB and serial device choosers', () => {
    const s = hardened();
    const hid = new FakeEvent();
    const hidPicked: unknown[][] = [];
    s.emit('select-hid-device', hid, { deviceList: [{ deviceId: 'k1' }] }, (...a: unknown[]) => hidPicked.push(a));
    expect(hid.defaultPrevented).toBe(true);
    expect(hidPicked).toEqual([[]]);

    const usb = new FakeEvent();
    const usbPicked: unknown[][] = [];
    s.emit('select-usb-device', usb, { deviceList: [{ deviceId: 'u1' }] }, (...a: unknown[]) => usbPicked.push(a));
    expect(usb.defaultPrevented).toBe(true);
    expect(usbPicked).toEqual([[]]);

    const serial = new FakeEvent();
    const ports: unknown[] = [];
    s.emit('select-serial-port', serial, [{ portId: 'p1' }], {}, (id: string) => ports.push(id));
    expect(serial.defaultPrevented).toBe(true);
    expect(ports).toEqual(['']);
  });

  it('puts the CSP header on app:// responses, replacing any other', () => {
    const s = hardened();
    expect(s.headersFilter).toEqual({ urls: ['app://catalyst/*'] });
    const answers: Array<{ responseHeaders: Record<string, string[]> }> = [];
    s.headersListener!(
      {
        url: 'app://catalyst/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      (r) => answers.push(r as { responseHeaders: Record<string, string[]> }),
    );
    expect(answers).toEqual([
      { responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
    ]);
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the header when there is none and drops every case variant of an existing one', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(
      withContentSecurityPolicy({ 'CONTENT-SECURITY-POLICY': ['x'], 'Content-Security-Policy': 'y', etag: ['1'] }),
    ).toEqual({
      etag: ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

function hardenedContents(devOrigin: string | null = null) {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const blocked: string[] = [];
  hardenWebContents(contents as unknown as HardenableWebContents, {
    openExternal: async (url) => void opened.push(url),
    devOrigin,
    onBlocked: (what, url) => blocked.push(`${what} ${url}`),
  });
  return { contents, opened, blocked };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: cancels anything outside the app origin',
    (name) => {
      const { contents } = hardenedContents();
      for (const url of [
        'https://example.com/',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'app://evil/',
        'http://localhost:5173/',
      ]) {
        const event = new FakeEvent(url);
        contents.emit(name, event);
        expect(event.defaultPrevented, url).toBe(true);
      }
      const own = new FakeEvent('app://catalyst/index.html');
      contents.emit(name, own);
      expect(own.defaultPrevented).toBe(false);
    },
  );

  it('lets the dev server page reload in development only', () => {
    const dev = hardenedContents('http://localhost:5173');
    const event = new FakeEvent('http://localhost:5173/');
    dev.contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('never opens a window; sends safe https links to the system browser only', async () => {
    const { contents, opened, blocked } = hardenedContents();
    const urls = [
      'https://www.reuters.com/markets/',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://catalyst/index.html',
      'https://u:p@example.com/',
    ];
    for (const url of urls) expect(contents.windowOpen!({ url })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://www.reuters.com/markets/']);
    expect(blocked).toEqual(urls.slice(1).map((u) => `window ${u}`));
  });

  it('reports a failing openExternal instead of throwing', async () => {
    const contents = new FakeWebContents();
    const blocked: string[] = [];
    hardenWebContents(contents as unknown as HardenableWebContents, {
      openExternal: () => Promise.reject(new Error('no browser')),
      onBlocked: (what, url) => blocked.push(`${what} ${url}`),
    });
    expect(contents.windowOpen!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(blocked).toEqual(['window https://example.com/']);
  });

  it('refuses to attach a webview and cancels the bluetooth chooser', () => {
    const { contents } = hardenedContents();
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(attach.defaultPrevented).toBe(true);
    const bt = new FakeEvent();
    const picked: string[] = [];
    contents.emit('select-bluetooth-device', bt, [{ deviceId: 'b1' }], (id: string) => picked.push(id));
    expect(bt.defaultPrevented).toBe(true);
    expect(picked).toEqual(['']);
  });
});
