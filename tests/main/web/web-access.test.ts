import { describe, expect, it } from 'vitest';
import { isAuthorised, isLoopbackHost, newToken, readCookie, tokensEqual } from '../../../src/main/web/web-access';

describe('web mode access rules', () => {
  it('makes a fresh URL-safe token each run', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abd', 'abc')).toBe(false);
    expect(tokensEqual('ab', 'abc')).toBe(false);
    expect(tokensEqual(undefined, 'abc')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
  });

  it('reads one cookie among several, and ignores oversized headers', () => {
    expect(readCookie('a=1; catalyst_token=xyz; b=2', 'catalyst_token')).toBe('xyz');
    expect(readCookie('catalyst_tokenx=1', 'catalyst_token')).toBeNull();
    expect(readCookie(undefined, 'catalyst_token')).toBeNull();
    expect(readCookie(`catalyst_token=${'x'.repeat(9000)}`, 'catalyst_token')).toBeNull();
  });

  it('listens on loopback names only', () => {
    expect(['127.0.0.1', '::1', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', '::', 'example.com'].some(isLoopbackHost)).toBe(false);
  });

  it('needs the token (URL or cookie) and, for the socket, the page origin', () => {
    const expected = { token: 't0k', origin: 'http://127.0.0.1:5000' };
    expect(isAuthorised({ queryToken: 't0k' }, { token: 't0k' })).toBe(true);
    expect(isAuthorised({ cookie: 'catalyst_token=t0k' }, { token: 't0k' })).toBe(true);
    expect(isAuthorised({ cookie: 'catalyst_token=nope' }, { token: 't0k' })).toBe(false);
    expect(isAuthorised({ cookie: 'catalyst_token=t0k', origin: 'http://127.0.0.1:5000' }, expected)).toBe(true);
    expect(isAuthorised({ cookie: 'catalyst_token=t0k', origin: 'http://evil.example' }, expected)).toBe(false);
    expect(isAuthorised({ cookie: 'catalyst_token=t0k' }, expected)).toBe(false);
  });
});
