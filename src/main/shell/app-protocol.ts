import type { CustomScheme, Protocol } from 'electron';
import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_HOST, APP_SCHEME } from './url-policy';

/**
 * `app://` is registered as standard (relative URLs, localStorage, an origin of its own),
 * secure (a secure context, like https) and fetch-capable. `corsEnabled` is left unset on
 * purpose: it would make the scheme readable from other origins.
 * Must be passed to `protocol.registerSchemesAsPrivileged` before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const PREFIX = `${APP_SCHEME}://${APP_HOST}`;
const MAX_URL_LENGTH = 4096;

/** The part of the raw URL between the authority and `?`/`#`, or null when the authority is not exactly ours. */
function rawPath(requestUrl: string): string | null {
  if (requestUrl.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const rest = requestUrl.slice(PREFIX.length);
  if (rest !== '' && !['/', '?', '#'].includes(rest[0]!)) return null; // app://catalyst.evil, app://catalyst:80
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * Maps a request for `app://catalyst/<path>` to a file under `rendererRoot`, or null when it
 * must be refused. `/` (or nothing) is `index.html`. Each path segment is percent-decoded
 * exactly once; a request is refused, never silently rewritten, when it holds `.`/`..`
 * segments (plain or encoded), backslashes, NUL or other control characters, encoded
 * slashes, empty segments, drive letters or anything that would resolve outside the root.
 * The raw text is checked as well as the parsed URL because URL parsers fold `..` away.
 */
export function resolveAppRequest(rendererRoot: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  const raw = rawPath(requestUrl);
  if (raw === null) return null;

  let relative: string;
  if (raw === '' || raw === '/') {
    relative = 'index.html';
  } else {
    const segments: string[] = [];
    for (const encoded of raw.slice(1).split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(encoded);
      } catch {
        return null; // malformed percent-encoding
      }
      if (segment === '' || segment === '.' || segment === '..') return null;
      if (/[/\\:\u0000-\u001f\u007f]/.test(segment)) return null;
      segments.push(segment);
    }
    relative = segments.join('/');
  }
  if (isAbsolute(relative)) return null;
  const root = resolve(rendererRoot);
  const full = resolve(root, relative);
  return full.startsWith(root + sep) ? full : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown extensions are served as opaque bytes. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers every app:// response carries, whatever its status. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The real path of `path` (symlinks resolved) when it is still inside the real renderer root,
 * else null: a symlink in the renderer folder never serves a file from elsewhere.
 */
export async function realPathInside(rendererRoot: string, path: string | null): Promise<string | null> {
  if (path === null) return null;
  try {
    const [root, real] = await Promise.all([realpath(rendererRoot), realpath(path)]);
    return real.startsWith(root + sep) ? real : null;
  } catch {
    return null; // missing: the same 404 as any refused path
  }
}

/** Reads a `file:` URL (Electron's `net.fetch` in the app). */
export type FileFetch = (fileUrl: string) => Promise<Response>;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/**
 * Answers one app:// request: 404 for anything {@link resolveAppRequest} refuses or that is
 * missing, 405 for methods other than GET/HEAD, else the file with the CSP header.
 */
export async function serveAppRequest(rendererRoot: string, request: Request, fetchFile: FileFetch): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
  const path = await realPathInside(rendererRoot, resolveAppRequest(rendererRoot, request.url));
  if (path === null) return plain(404, 'Not Found');
  let file: Response;
  try {
    file = await fetchFile(pathToFileURL(path).toString());
  } catch {
    return plain(404, 'Not Found'); // net.fetch rejects for a missing file or a directory
  }
  if (!file.ok) return plain(404, 'Not Found');
  return new Response(request.method === 'HEAD' ? null : file.body, {
    status: 200,
    headers: appResponseHeaders(contentTypeFor(path)),
  });
}

/**
 * Serves the built renderer from `rendererRoot` on `app://catalyst/`. Call after the app is
 * ready (the scheme itself is registered privileged before, see {@link APP_SCHEME_PRIVILEGES}).
 */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererRoot: string,
  fetchFile: FileFetch,
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request, fetchFile));
}
