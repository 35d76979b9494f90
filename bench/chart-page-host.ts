/**
 * Runs bench/chart-page/page.ts in headless Chromium: bundles it with esbuild (the app's own
 * chart code included), opens a blank page of the app window's size and returns a typed caller
 * for the page's functions. Null (with the reason on stderr) when no Chromium is found.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium';

export interface ChartPage {
  readonly page: Page;
  /** Calls `window.chartBench[fn](...args)` in the page and returns its answer. */
  call<T = number>(fn: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function openChartPage(): Promise<ChartPage | null> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (e) {
    process.stderr.write(`chart bench skipped: ${(e as Error).message.split('\n')[0]}\n`);
    return null;
  }
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./chart-page/page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const browser: Browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  return {
    page,
    call: <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(
        ([f, a]) =>
          (globalThis as never as { chartBench: Record<string, (...x: unknown[]) => Promise<unknown>> }).chartBench[f]!(
            ...a,
          ),
        [fn, args] as const,
      ) as Promise<T>,
    close: () => browser.close(),
  };
}
