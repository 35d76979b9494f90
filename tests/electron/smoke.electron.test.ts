import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../src/main/shell/window-options';
import { canvasHasDrawing } from '../e2e/harness/renderer-with-main-services';
import { electronBinary } from './electron-binary';

const ROOT = resolve(import.meta.dirname, '..', '..');
const binary = electronBinary();
const available = 'path' in binary;
if (!available) {
  // Reported as skipped with its reason, never as passed.
  console.warn(`Electron smoke test NOT RUN: ${binary.reason}.`);
}

/**
 * The built app in real Electron on an empty user-data folder. Runs wherever Electron's
 * binary exists (a developer machine after `npm start` once, the GitHub workflow under xvfb);
 * on machines that cannot download it, it is skipped and says why.
 */
describe.skipIf(!available)('Electron smoke test: the built app in real Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'catalyst-electron-'));
    app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [ROOT, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, CATALYST_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  it('opens the embedded study with its markers on an empty user-data folder', async () => {
    await expect
      .poll(() => page.locator('[data-testid="study-header"]').textContent(), { timeout: 30_000 })
      .toContain('China tech');
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]'), { timeout: 30_000 }).toBe(true);
    mkdirSync(join(ROOT, 'reports', 'electron'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'reports', 'electron', 'smoke-study.png') });
  });

  it('answers an IPC round trip through the preload, and validates its input', async () => {
    const list = await page.evaluate(() => window.catalyst!.instruments.list());
    expect(list).toMatchObject({ ok: true });
    const bad = await page.evaluate(() => window.catalyst!.bars.range({ symbol: '???' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a request from a frame of another origin', async () => {
    const answer = await app.evaluate(
      async ({ BrowserWindow }, preload) => {
        const other = new BrowserWindow({
          show: false,
          webPreferences: { preload, sandbox: true, contextIsolation: true },
        });
        await other.loadURL('data:text/html,<title>other</title>');
        const r = await other.webContents.executeJavaScript('window.catalyst && window.catalyst.instruments.list()');
        other.destroy();
        return r as unknown;
      },
      join(ROOT, 'out', 'preload', 'index.cjs'),
    );
    // Either the preload refuses to expose the bridge outside the app, or main refuses the sender.
    if (answer !== undefined && answer !== null)
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('runs the window as createWindowOptions() sets it: sandboxed, isolated, no Node', async () => {
    const expected = createWindowOptions({ preloadPath: 'x', dark: false }).webPreferences!;
    expect(expected).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
      bridgeFrozen: Object.isFrozen(window.catalyst),
      webview: document.createElement('webview').constructor.name,
    }));
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      bridgeFrozen: true,
      webview: 'HTMLUnknownElement',
    });
    const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect(bounds.width).toBeGreaterThanOrEqual(960);
  });
});
