import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  devServerOrigin,
  isAppUrl,
  isOwnPageUrl,
  navigationDecision,
  windowOpenDecision,
} from '../../../src/main/shell/url-policy';

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    APP_ORIGIN,
    `${APP_ORIGIN}/assets/index-3f2a.js`,
    `${APP_ORIGIN}/index.html#/study/china`,
    `${APP_ORIGIN}/?q=1`,
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'app://evil/index.html',
    'app://catalyst.evil.com/index.html',
    'app://catalyst:8080/index.html',
    'app://user@catalyst/index.html',
    'app://user:pw@catalyst/index.html',
    'https://catalyst/index.html',
    'file:///index.html',
    'catalyst/index.html',
    'app:catalyst/index.html',
    '',
    'not a url',
    'javascript:alert(1)',
  ])('rejects %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('devServerOrigin and isOwnPageUrl', () => {
  it('takes the origin of an http(s) dev server URL only', () => {
    expect(devServerOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(devServerOrigin(undefined)).toBeNull();
    expect(devServerOrigin('')).toBeNull();
    expect(devServerOrigin('file:///tmp/index.html')).toBeNull();
    expect(devServerOrigin('http://u:p@localhost:5173')).toBeNull();
  });

  it('accepts the dev origin only when one is given, and only that exact origin', () => {
    const dev = 'http://localhost:5173';
    expect(isOwnPageUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isOwnPageUrl('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isOwnPageUrl('http://localhost:5173/src/main.tsx', null)).toBe(false);
    expect(isOwnPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnPageUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isOwnPageUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isOwnPageUrl('http://user@localhost:5173/', dev)).toBe(false);
    expect(isOwnPageUrl(APP_ENTRY_URL, dev)).toBe(true);
  });
});

describe('navigationDecision', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/index.html?study=china-tech-2025`])('allows %s', (url) => {
    expect(navigationDecision(url)).toBe('allow');
  });

  it.each([
    'https://www.reuters.com/markets/',
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://other/index.html',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'http://localhost:5173/',
    '',
  ])('denies %s', (url) => {
    expect(navigationDecision(url)).toBe('deny');
  });

  it('allows the dev server only when its origin is given', () => {
    expect(navigationDecision('http://localhost:5173/', 'http://localhost:5173')).toBe('allow');
    expect(navigationDecision('http://localhost:5173/', null)).toBe('deny');
  });
});

describe('windowOpenDecision', () => {
  it.each([
    ['https://www.reuters.com/markets/asia/', 'https://www.reuters.com/markets/asia/'],
    ['https://finance.yahoo.com/quote/9988.HK/', 'https://finance.yahoo.com/quote/9988.HK/'],
    ['https://example.com', 'https://example.com/'],
    ['HTTPS://EXAMPLE.COM/Path?q=a%20b', 'https://example.com/Path?q=a%20b'],
    ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
    ['https://93.184.216.34/', 'https://93.184.216.34/'],
  ])('offers %s to the system browser (as %s) but never opens a window', (url, normalised) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternal: normalised });
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'blob:app://catalyst/5b1c',
    'app://catalyst/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'mailto:a@example.com',
    'https://user:pw@example.com/',
    'https://user@example.com/',
    'https://localhost/',
    'https://app.localhost/',
    'https://intranet/',
    'https://[::1]/',
    'https://example.com./',
    'https:///example.com',
    'https:example.com',
    'https:\\\\example.com\\',
    'https://example.com\\@evil.com/',
    'https://example.com/a b',
    ' https://example.com/',
    'https://example.com/\n',
    'https://exa\tmple.com/',
    `https://example.com/${'a'.repeat(2100)}`,
    '',
    '//example.com/',
    'example.com',
  ])('drops %s', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
  });
});
