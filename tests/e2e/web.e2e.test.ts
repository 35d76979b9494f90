import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { canvasHasDrawing, REPORTS_DIR } from './harness/renderer-with-main-services';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Starts the real `catalyst web` (what `npm run web` runs after building) and reads its URL. */
function startWeb(dbPath: string): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'catalyst.mjs'), '--db', dbPath, '--json', 'web', '--no-open'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`catalyst web did not print its URL: ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        const { url, origin } = JSON.parse(line) as { url: string; origin: string };
        ok({ child, url, origin });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => fail(new Error(`catalyst web exited with ${code}: ${err}`)));
  });
}

function socketAnswer(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((ok) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      ok('open');
    });
    ws.on('unexpected-response', (_req, res) => ok(String(res.statusCode)));
    ws.on('error', () => ok('error'));
  });
}

describe('npm run web: the app in a browser over a WebSocket bridge', () => {
  let tmp: string;
  let web: { child: ChildProcess; url: string; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'catalyst-web-'));
    web = await startWeb(join(tmp, 'catalyst.db'));
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    web?.child.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('listens on loopback only and refuses a page load without the token', async () => {
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await browser.newPage();
    const res = await page.goto(`${web.origin}/`);
    expect(res?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('needs the token');
    const wrong = await page.goto(`${web.origin}/?token=not-the-token`);
    expect(wrong?.status()).toBe(403);
    await page.close();
  });

  it('refuses a WebSocket without the token cookie or from another origin', async () => {
    const wsUrl = `${web.origin.replace('http', 'ws')}/bridge`;
    const token = new URL(web.url).searchParams.get('token')!;
    expect(await socketAnswer(wsUrl, { origin: web.origin })).toBe('403');
    expect(await socketAnswer(wsUrl, { origin: 'https://evil.example', cookie: `catalyst_token=${token}` })).toBe(
      '403',
    );
    expect(await socketAnswer(wsUrl, { origin: web.origin, cookie: `catalyst_token=${token}` })).toBe('open');
  });

  it('opens the embedded study with the token: chart, markers, study header, no console errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(web.url);
    await expect
      .poll(() => page.locator('[data-testid="study-header"]').textContent(), { timeout: 30_000 })
      .toContain('China tech');
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]'), { timeout: 30_000 }).toBe(true);
    // A request through the bridge reaches the real router (and its validation).
    const bad = await page.evaluate(() => window.catalyst!.bars.range({ symbol: '???' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The cookie carries the token: a reload without it in the URL still works.
    await page.goto(`${web.origin}/`);
    await expect.poll(() => page.locator('[data-testid="study-header"]').textContent()).toContain('China tech');
    mkdirSync(REPORTS_DIR, { recursive: true });
    await page.screenshot({ path: join(REPORTS_DIR, 'web-mode-study.png') });
    // No native menu here: Ctrl/⌘+O opens the browser's file picker and the file opens its preview.
    page.on('filechooser', () => undefined);
    await page.locator('body').click({ position: { x: 5, y: 850 } });
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+O`);
    await (await chooser).setFiles(join(ROOT, 'tests', 'fixtures', 'market', 'BIDU.csv'));
    const bars = page.locator('[data-testid="bars-import-dialog"]');
    await bars.waitFor();
    expect(await bars.textContent()).toContain('BIDU.csv');
    await bars.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((ok) => web.child.once('exit', (code) => ok(code)));
    web.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
