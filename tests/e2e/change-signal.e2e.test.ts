import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'market');

/*
 * The one change signal (issue 8): a write main commits outside any view of this window (the
 * CLI, another window, a sync run by the menu) reaches every view through `data.changed`, with
 * no toolbar or panel acting as the cache invalidator. Here the writes go straight to the
 * services, so nothing in the window asked for them.
 */
describe('data.changed keeps every view current without the toolbar', () => {
  let app: RendererWithMainServices;
  beforeAll(async () => {
    app = await launchRendererWithMainServices();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an import committed by main appears in the instrument list and on the chart', async () => {
    const { page, core } = app;
    await expect.poll(() => page.locator('.status-bar').textContent()).toBe('The cache is empty');
    const csv = readFileSync(join(FIXTURES, 'BIDU.csv'), 'utf8');
    const lines = csv.trimEnd().split('\n');
    // First the older half of the file, then the rest: each commit must reach the window.
    core.services.market.importBarsCsv(asTicker('BIDU'), lines.slice(0, 200).join('\n'), { fileName: 'BIDU.csv' });
    const row = page.locator('button.instrument[data-symbol="BIDU"]');
    await row.waitFor();
    const firstEnd = lines[199]!.split(',')[0]!;
    await expect.poll(() => row.locator('.asof').textContent()).toBe(firstEnd);
    await page.locator('[data-testid="chart-annotations"][data-symbol="BIDU"]').waitFor();
    core.services.market.importBarsCsv(asTicker('BIDU'), [lines[0], ...lines.slice(200)].join('\n'), {
      fileName: 'BIDU.csv',
    });
    const lastDate = lines.at(-1)!.split(',')[0]!;
    await expect.poll(() => row.locator('.asof').textContent()).toBe(lastDate);
    // The chart's legend follows the newest session without any click.
    await expect.poll(() => page.locator('.chart-area').textContent()).toContain(lastDate);
    await app.screenshot('change-signal-1-after-import');
    expect(app.pageErrors).toEqual([]);
  });
});
