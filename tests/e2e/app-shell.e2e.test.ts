import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import {
  canvasHasDrawing,
  launchRendererWithMainServices,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'market');

describe('app shell: renderer + main services in Chromium', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({
      prepare(core) {
        for (const symbol of ['1810.HK', 'BIDU']) {
          core.services.market.importBarsCsv(asTicker(symbol), readFileSync(join(FIXTURES, `${symbol}.csv`), 'utf8'));
        }
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the cached symbols and draws the first one', async () => {
    const { page } = app;
    await page.getByRole('option', { name: /1810\.HK/ }).waitFor();
    await page.getByRole('option', { name: /BIDU/ }).waitFor();
    const chart = page.locator('[data-testid="price-chart"]');
    await chart.waitFor();
    expect(await chart.getAttribute('data-symbol')).toBeTruthy();
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]')).toBe(true);
    await app.screenshot('app-shell-first-symbol');
  });

  it('redraws when another symbol is selected', async () => {
    const { page } = app;
    await page.getByRole('option', { name: /BIDU/ }).click();
    await page.locator('[data-testid="price-chart"][data-symbol="BIDU"]').waitFor();
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]')).toBe(true);
    await expect.poll(() => page.locator('.chart-title h1').textContent()).toBe('BIDU');
    await app.screenshot('app-shell-bidu');
    await page.getByRole('option', { name: /1810\.HK/ }).click();
    await page.locator('[data-testid="price-chart"][data-symbol="1810.HK"]').waitFor();
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]')).toBe(true);
  });

  it('refuses requests from a frame that is not the app', async () => {
    const result = await app.core.router.dispatch('instruments.list', undefined, { url: 'https://evil.example/' });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('refused') } });
  });

  it('returns a typed error, not a stack, for a malformed request from the page', async () => {
    const r = await app.page.evaluate(() => window.catalyst!.bars.range({ symbol: '???' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('follows a dark OS theme', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => app.page.locator('.app').getAttribute('data-theme')).toBe('dark');
    await expect.poll(() => canvasHasDrawing(app.page, '[data-testid="price-chart"]')).toBe(true);
    await app.screenshot('app-shell-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no console errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
