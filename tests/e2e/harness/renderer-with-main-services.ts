import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core, type CoreOptions } from '../../../src/main/app/create-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium';
import { serveRenderer, type StaticServer } from './static-server';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const REPORTS_DIR = join(ROOT, 'reports', 'e2e');

let bridgeScript: Promise<string> | null = null;
/** The page-side bridge, bundled from the same `createBridge` the preload uses. */
function pageBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(import.meta.dirname, '..', 'page', 'install-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

export interface RendererWithMainServices {
  readonly core: Core;
  readonly page: Page;
  readonly browser: Browser;
  readonly origin: string;
  /** Console errors and uncaught page errors seen so far (tests assert there are none). */
  readonly pageErrors: string[];
  /** Saves a PNG of the page under reports/e2e/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Prepares the database before the page opens (e.g. import bars). */
  readonly prepare?: (core: Core) => void | Promise<void>;
  readonly core?: Omit<CoreOptions, 'dbPath' | 'isTrustedSender'>;
  readonly dbPath?: string;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
  /**
   * `web`: the page is marked as `npm run web` marks it (no native menu), so the window itself
   * answers the menu's shortcuts (Ctrl/⌘+O …) as it does in a browser.
   */
  readonly shell?: 'web';
}

/**
 * The renderer and the main services in Chromium, with the IPC transport replaced: the built
 * renderer (out/renderer) served on 127.0.0.1 and opened in a real Chromium; `window.catalyst`
 * built by the preload's own `createBridge`, its transport a Playwright binding into the real
 * router and services of this process over a temp SQLite database. Electron is not involved.
 */
export async function launchRendererWithMainServices(options: LaunchOptions = {}): Promise<RendererWithMainServices> {
  const tmp = mkdtempSync(join(tmpdir(), 'catalyst-e2e-'));
  let server: StaticServer | null = null;
  let core: Core | null = null;
  let browser: Browser | null = null;
  try {
    server = await serveRenderer(join(ROOT, 'out', 'renderer'));
    const origin = server.origin;
    core = createCore({
      ...options.core,
      queuePushUntilReady: true,
      dbPath: options.dbPath ?? join(tmp, 'catalyst.db'),
      isTrustedSender: (s) => s.url.startsWith(`${origin}/`),
      onUnexpectedError: (channel, e) => console.error(`[main] ${channel}:`, e),
    });
    await options.prepare?.(core);
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1400, height: 860 },
      deviceScaleFactor: 1,
      colorScheme: options.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const theCore = core;
    await page.exposeBinding('__catalystInvoke', (source, channel: string, input: unknown) =>
      theCore.router.dispatch(channel, input, { url: source.frame.url() }),
    );
    await page.addInitScript({ content: await pageBridgeScript() });
    if (options.shell === 'web')
      // On the page's own <html> (the parser replaces the one an init script sees).
      await page.addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () => {
          document.documentElement.dataset.catalystShell = 'web';
        }),
      );
    const detach = core.push.attach((event, payload) => {
      void page.evaluate(([e, p]) => window.__catalystPush?.(e, p), [event, payload] as const).catch(() => undefined);
    });
    await page.goto(`${origin}/index.html`);
    mkdirSync(REPORTS_DIR, { recursive: true });
    const srv = server;
    const b = browser;
    return {
      core,
      page,
      browser,
      origin,
      pageErrors,
      async screenshot(name) {
        const path = join(REPORTS_DIR, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      async close() {
        detach();
        await b.close();
        await srv.close();
        await theCore.close();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close();
    await server?.close();
    await core?.close();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * True when a canvas inside `selector` has drawn pixels of more than one colour
 * (a blank chart is a single background colour).
 */
export async function canvasHasDrawing(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(`${selector} canvas`, (canvases) =>
    canvases.some((c) => {
      const canvas = c as HTMLCanvasElement;
      if (!canvas.width || !canvas.height) return false;
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 16) {
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        if (seen.size > 3) return true;
      }
      return false;
    }),
  );
}
