/**
 * Which URLs the app's window may show, navigate to or hand to the system browser.
 * Pure functions over strings (no Electron), so the whole policy is unit-tested.
 *
 * The renderer is served from `app://catalyst/…` (see app-protocol.ts); in development
 * electron-vite serves it from a local dev server instead, whose origin the caller passes
 * as `devOrigin` (never set in a packaged build).
 */

/** The privileged scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The only host of {@link APP_SCHEME}: a fixed name, so the origin never changes. */
export const APP_HOST = 'catalyst';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads in a packaged build. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longest URL handed to the system browser; longer ones are refused rather than truncated. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for `app://catalyst/...` exactly: no other host, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  // Node's URL treats `app:` as a non-special scheme (its `origin` is "null"), so compare
  // the parts; Chromium, where the scheme is registered as standard, yields the same parts.
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** The origin of an http(s) dev-server URL (`http://localhost:5173`), or null if it is not one. */
export function devServerOrigin(url: string | undefined): string | null {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password) return null;
  return u.origin;
}

/**
 * True when `url` is the app's own page: the app origin, or (development only) the dev
 * server's origin.
 */
export function isOwnPageUrl(url: string, devOrigin?: string | null): boolean {
  if (isAppUrl(url)) return true;
  if (!devOrigin) return false;
  const u = parse(url);
  return u !== null && u.username === '' && u.password === '' && u.origin === devOrigin;
}

export type NavigationDecision = 'allow' | 'deny';

/**
 * Whether the window may navigate (or be redirected) to `url`: only within the app's own
 * origin. Links to the web go through {@link windowOpenDecision} instead.
 */
export function navigationDecision(url: string, devOrigin?: string | null): NavigationDecision {
  return isOwnPageUrl(url, devOrigin) ? 'allow' : 'deny';
}

/** The answer to `window.open` / a `target=_blank` link: never a new app window. */
export interface WindowOpenDecision {
  readonly action: 'deny';
  /** The normalised URL to open in the system browser, when it is a safe `https:` link. */
  readonly openExternal?: string;
}

// A DNS name or dotted IPv4 after the URL parser's normalisation (IDNs arrive as punycode).
const REAL_HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * `window.open` and `target=_blank` never create a window. A well-formed `https:` URL with a
 * real host and no credentials is offered to the system browser; everything else (http:,
 * file:, javascript:, data:, custom schemes, `https://user:pw@…`, `https://localhost`, IP
 * literals in brackets, garbage) is dropped.
 */
export function windowOpenDecision(url: string): WindowOpenDecision {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return { action: 'deny' };
  // The URL parser silently strips tabs, newlines and outer spaces and reads `\` as `/`:
  // refuse such input instead of guessing what it meant.
  if (/[\u0000-\u0020\u007f\\]/.test(url)) return { action: 'deny' };
  // Nor the lenient spellings it repairs (`https:host`, `https:///host`): only `https://host…`.
  if (!/^https:\/\/[^/]/i.test(url)) return { action: 'deny' };
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '') return { action: 'deny' };
  if (!REAL_HOST.test(u.hostname) || u.hostname === 'localhost' || u.hostname.endsWith('.localhost')) {
    return { action: 'deny' };
  }
  return { action: 'deny', openExternal: u.href };
}
