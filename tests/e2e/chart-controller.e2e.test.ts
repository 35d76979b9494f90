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
const PRICES = resolve(import.meta.dirname, '..', '..', 'resources', 'prices');
const CHART = '[data-testid="price-chart"]';

// Structural type for the page-side callbacks: this file is type-checked without the DOM lib.
interface TaggedElement {
  __catalystTag?: string;
}

/**
 * The window's one chart: lightweight-charts draws into canvases it creates once; a chart
 * re-created for a theme or symbol switch would replace them. Each canvas is tagged in the
 * page, and the tags must all still be there after the switches.
 */
describe('one chart for the window’s life', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({
      prepare(core) {
        for (const symbol of ['1810.HK', 'BIDU']) {
          core.services.market.importBarsCsv(asTicker(symbol), readFileSync(join(FIXTURES, `${symbol}.csv`), 'utf8'));
        }
        // A close-only index: drawn as a line, with no volume pane.
        core.services.market.importBarsCsv(
          asTicker('HSTECH.HK'),
          readFileSync(join(PRICES, 'HSTECH.HK.close-only.csv'), 'utf8'),
        );
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const tagCanvases = () =>
    app.page.$$eval(`${CHART} canvas`, (canvases) =>
      canvases.map((c, i) => ((c as unknown as TaggedElement).__catalystTag = `canvas-${i}`)),
    );
  const canvasTags = () =>
    app.page.$$eval(`${CHART} canvas`, (canvases) =>
      canvases.map((c) => (c as unknown as TaggedElement).__catalystTag ?? 'new'),
    );
  const chartRoot = () =>
    app.page.$$eval(`${CHART} .tv-lightweight-charts`, (roots) =>
      roots.map((r) => (r as unknown as TaggedElement).__catalystTag ?? 'new'),
    );

  it('keeps the same canvases through a theme switch and a symbol switch', async () => {
    const { page } = app;
    await page.locator(`${CHART}[data-symbol="1810.HK"]`).waitFor();
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);
    const tags = await tagCanvases();
    expect(tags.length).toBeGreaterThan(0);
    await page.$$eval(`${CHART} .tv-lightweight-charts`, (roots) =>
      roots.forEach((r) => ((r as unknown as TaggedElement).__catalystTag = 'root')),
    );

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.locator('.app').getAttribute('data-theme')).toBe('dark');
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);
    await app.screenshot('chart-controller-dark');

    await page.getByRole('option', { name: /BIDU/ }).click();
    await page.locator(`${CHART}[data-symbol="BIDU"]`).waitFor();
    await expect.poll(() => page.locator('.chart-title h1').textContent()).toBe('BIDU');
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);

    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.locator('.app').getAttribute('data-theme')).toBe('light');
    await page.getByRole('option', { name: /1810\.HK/ }).click();
    await page.locator(`${CHART}[data-symbol="1810.HK"]`).waitFor();
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);

    expect(await chartRoot()).toEqual(['root']);
    // Every canvas drawn at the start is still in the page; none was replaced.
    const now = await canvasTags();
    for (const t of tags) expect(now).toContain(t);
    await app.screenshot('chart-controller-back-to-1810');
  });

  // lightweight-charts 5.2.1 loses its time scale when a series that was given data twice with
  // the same sessions is removed: the new series keep their data, but nothing is drawn. Here the
  // line is re-read after a change elsewhere (the change signal is per table), then replaced
  // by candles and volume.
  it('draws the next symbol after the current one was re-read with the same sessions', async () => {
    const { page, core } = app;
    await page.getByRole('option', { name: /HSTECH\.HK/ }).click();
    await page.locator(`${CHART}[data-symbol="HSTECH.HK"]`).waitFor();
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);
    // Another symbol's bars arrive: the shown line is read again (same sessions, same values).
    core.services.market.importBarsCsv(asTicker('9988.HK'), readFileSync(join(PRICES, '9988.HK.csv'), 'utf8'));
    await page.getByRole('option', { name: /9988\.HK/ }).waitFor();
    await page.waitForTimeout(300);
    await page.getByRole('option', { name: /1810\.HK/ }).click();
    await page.locator(`${CHART}[data-symbol="1810.HK"]`).waitFor();
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);
    await app.screenshot('chart-controller-after-reread');
  });

  it('logged no console errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
