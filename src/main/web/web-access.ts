import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that carries the run's token after the first page load. */
export const TOKEN_COOKIE = 'catalyst_token';

/** A per-run random token: 32 bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two tokens in constant time (a wrong length is simply false). */
export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Where `npm run web` may listen: loopback only, so nothing on the network can reach it. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

/**
 * Whether a request comes from the page this server handed out: the token (from the URL on
 * the first load, from the cookie afterwards) and, for the WebSocket, the page's own origin
 * (a page of another site cannot open a socket in the user's name, even on loopback).
 */
export function isAuthorised(
  request: { readonly cookie?: string; readonly queryToken?: string | null; readonly origin?: string },
  expected: { readonly token: string; readonly origin?: string },
): boolean {
  if (expected.origin !== undefined && request.origin !== expected.origin) return false;
  return (
    tokensEqual(request.queryToken, expected.token) ||
    tokensEqual(readCookie(request.cookie, TOKEN_COOKIE), expected.token)
  );
}
