import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  registerAppProtocol,
  resolveAppRequest,
  serveAppRequest,
  type FileFetch,
} from '../../../src/main/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/csp';
import { useTempDir } from '../../helpers/temp-db';

const ROOT = resolve('/opt/catalyst/out/renderer');

describe('resolveAppRequest', () => {
  it.each([
    ['app://catalyst/', 'index.html'],
    ['app://catalyst', 'index.html'],
    ['app://catalyst/index.html', 'index.html'],
    ['app://catalyst/?study=china', 'index.html'],
    ['app://catalyst/#/chart', 'index.html'],
    ['app://catalyst/assets/index-B3x9.js', 'assets/index-B3x9.js'],
    ['app://catalyst/assets/index-B3x9.js?v=2#x', 'assets/index-B3x9.js'],
    ['app://catalyst/assets/Inter%20Regular.woff2', 'assets/Inter Regular.woff2'],
    ['app://catalyst/assets/%E6%B8%AF.svg', 'assets/港.svg'],
    ['app://catalyst/assets/%252e%252e', 'assets/%2e%2e'], // decoded once: a literal name, inside the root
  ])('maps %s to <root>/%s', (url, relative) => {
    expect(resolveAppRequest(ROOT, url)).toBe(join(ROOT, relative));
  });

  it.each([
    // wrong scheme, host, port or credentials
    'https://catalyst/index.html',
    'file:///opt/catalyst/out/renderer/index.html',
    'app://evil/index.html',
    'app://catalyst.evil/index.html',
    'app://catalyst:443/index.html',
    'app://user@catalyst/index.html',
    'app://CATALYST/index.html',
    'app:index.html',
    'not a url',
    '',
    // traversal, plain and encoded
    'app://catalyst/../../../etc/passwd',
    'app://catalyst/assets/../../etc/passwd',
    'app://catalyst/assets/../index.html',
    'app://catalyst/./index.html',
    'app://catalyst/%2e%2e/%2e%2e/etc/passwd',
    'app://catalyst/%2E%2E/etc/passwd',
    'app://catalyst/.%2e/etc/passwd',
    'app://catalyst/assets/%2e',
    // encoded separators, backslashes, NUL and control characters
    'app://catalyst/..%2f..%2fetc%2fpasswd',
    'app://catalyst/assets%2findex.js',
    'app://catalyst/..%5c..%5cwindows%5cwin.ini',
    'app://catalyst/..\\..\\etc\\passwd',
    'app://catalyst/assets\\index.js',
    'app://catalyst/index.html%00.png',
    'app://catalyst/index.html\u0000',
    'app://catalyst/a%0a',
    'app://catalyst/a\nb',
    // absolute paths and drive letters
    'app://catalyst//etc/passwd',
    'app://catalyst/%2fetc%2fpasswd',
    'app://catalyst/C:/Windows/win.ini',
    'app://catalyst/C%3A%5CWindows',
    // malformed encoding, directories
    'app://catalyst/%E0%A4%A',
    'app://catalyst/%zz',
    'app://catalyst/assets/',
    `app://catalyst/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(ROOT, url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = [
      '..',
      '.',
      '%2e',
      '%2E%2e',
      '%2f',
      '%5c',
      '\\',
      '/',
      'a',
      'index.html',
      '%00',
      ':',
      'C:',
      '%252e',
      '',
    ];
    let checked = 0;
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const path = resolveAppRequest(ROOT, `app://catalyst/${a}/${b}/${c}`);
          if (path !== null) expect(path.startsWith(ROOT + '/')).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(pieces.length ** 3);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-B3x9.js', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['blob.bin', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s → %s', (path, type) => expect(contentTypeFor(path)).toBe(type));
});

/** Reads a file: URL from disk, as Electron's net.fetch does in the app (404-like rejection when missing). */
const readFileUrl: FileFetch = async (url) => new Response(await readFile(fileURLToPath(url)));

describe('serveAppRequest over real files', () => {
  const tmp = useTempDir();
  function makeRoot(): string {
    const root = join(tmp.dir(), 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Catalyst</title>');
    writeFileSync(join(root, 'assets', 'index-B3x9.js'), 'console.log("catalyst")');
    writeFileSync(join(tmp.dir(), 'secret.txt'), 'outside the root');
    return root;
  }

  it('serves index.html for / with its type and the CSP header', async () => {
    const root = makeRoot();
    const res = await serveAppRequest(root, new Request('app://catalyst/'), readFileUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>Catalyst</title>');
  });

  it('serves a script with the JavaScript type', async () => {
    const root = makeRoot();
    const res = await serveAppRequest(root, new Request('app://catalyst/assets/index-B3x9.js'), readFileUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe(readFileSync(join(root, 'assets', 'index-B3x9.js'), 'utf8'));
  });

  it('answers 404 with the CSP header for a missing file, a directory and a traversal', async () => {
    const root = makeRoot();
    for (const url of [
      'app://catalyst/missing.js',
      'app://catalyst/assets',
      'app://catalyst/%2e%2e/secret.txt',
      'app://evil/index.html',
    ]) {
      const res = await serveAppRequest(root, new Request(url), readFileUrl);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('outside the root');
    }
  });

  it('answers 405 to methods other than GET and HEAD, and HEAD without a body', async () => {
    const root = makeRoot();
    const post = await serveAppRequest(
      root,
      new Request('app://catalyst/index.html', { method: 'POST', body: 'x' }),
      readFileUrl,
    );
    expect(post.status).toBe(405);
    const head = await serveAppRequest(root, new Request('app://catalyst/index.html', { method: 'HEAD' }), readFileUrl);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never asks the file fetcher for a refused path', async () => {
    const root = makeRoot();
    const asked: string[] = [];
    const spy: FileFetch = (url) => {
      asked.push(url);
      return readFileUrl(url);
    };
    await serveAppRequest(root, new Request('app://catalyst/..%2fsecret.txt'), spy);
    await serveAppRequest(root, new Request('app://catalyst/index.html'), spy);
    expect(asked).toEqual([new URL(`file://${join(root, 'index.html')}`).href]);
  });

  it('registerAppProtocol handles the app scheme through serveAppRequest', async () => {
    const root = makeRoot();
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    registerAppProtocol({ handle: (scheme, handler) => void handlers.set(scheme, handler) }, root, readFileUrl);
    expect([...handlers.keys()]).toEqual(['app']);
    const res = await handlers.get('app')!(new Request('app://catalyst/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app:// as standard, secure and fetch-capable, without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('app:// follows real paths', () => {
  const tmp = useTempDir();
  it('refuses a symlink in the renderer folder that points outside it, serves one that stays inside', async () => {
    const root = join(tmp.dir(), 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), 'inside');
    writeFileSync(join(tmp.dir(), 'secret.txt'), 'outside the root');
    symlinkSync(join(tmp.dir(), 'secret.txt'), join(root, 'assets', 'leak.txt'));
    symlinkSync(tmp.dir(), join(root, 'up'));
    symlinkSync(join(root, 'index.html'), join(root, 'assets', 'alias.html'));
    const leak = await serveAppRequest(root, new Request('app://catalyst/assets/leak.txt'), readFileUrl);
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain('outside');
    expect((await serveAppRequest(root, new Request('app://catalyst/up/secret.txt'), readFileUrl)).status).toBe(404);
    const alias = await serveAppRequest(root, new Request('app://catalyst/assets/alias.html'), readFileUrl);
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('inside');
  });
});
