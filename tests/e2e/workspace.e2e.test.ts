import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const dir = mkdtempSync(join(tmpdir(), 'catalyst-workspace-e2e-'));
const dbPath = join(dir, 'catalyst.db');
const ANNOTATIONS = '[data-testid="chart-annotations"]';

/** The date range the chart's toolbar/legend reports, read from the workspace the app saved. */
async function savedWorkspace(app: RendererWithMainServices) {
  return app.core.services.settings.getWorkspace();
}

describe('settings and the workspace survive a restart', () => {
  let app: RendererWithMainServices | null = null;
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the Settings view saves theme and export defaults in the database, at full size and at 1024×700', async () => {
    app = await launchRendererWithMainServices({ dbPath, core: { seedOnOpen: true } });
    const { page } = app;
    await page.locator(`${ANNOTATIONS}[data-symbol="HSTECH.HK"]`).waitFor();
    await page.getByTestId('settings-button').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    // Focus moved into the dialog; the provider settings are part of it.
    expect(await dialog.getByRole('heading', { name: 'Price providers' }).count()).toBe(1);
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => page.locator('.app').getAttribute('data-theme')).toBe('dark');
    await dialog.getByRole('radio', { name: 'US Letter' }).check();
    const windows = dialog.getByRole('textbox', { name: 'Windows (sessions around T0)' });
    await windows.fill('0:3, 9:2');
    await windows.press('Enter');
    await expect.poll(() => dialog.locator('.settings-error').textContent()).toContain('“9:2” is not a window');
    await windows.fill('-1:1, 0:3');
    await windows.press('Enter');
    await expect
      .poll(() => app!.core.services.settings.get())
      .toMatchObject({
        theme: 'dark',
        paperSize: 'Letter',
        eventWindows: [
          [-1, 1],
          [0, 3],
        ],
      });
    await app.screenshot('workspace-1-settings-dark');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('workspace-2-settings-1024');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus returns to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('settings-button');
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it('remembers the symbol, tab, log scale, panels and watchlist, and restores them on the next launch', async () => {
    const { page } = app!;
    await page.locator('.sidebar button.instrument[data-symbol="BABA"]').first().click();
    await page.locator(`${ANNOTATIONS}[data-symbol="BABA"]`).waitFor();
    await page.getByRole('button', { name: '3M' }).click();
    await page.getByRole('button', { name: 'Log' }).click();
    await page.getByRole('tab', { name: 'Claims' }).click();
    await page.getByRole('button', { name: 'Hide details panel' }).click();
    await expect
      .poll(() => savedWorkspace(app!))
      .toMatchObject({
        selection: { kind: 'single', symbol: 'BABA' },
        logScale: true,
        sideTab: 'claims',
        panels: { details: { collapsed: true } },
      });
    const range = (await savedWorkspace(app!)).range!;
    expect(range.from < range.to).toBe(true);
    await app!.screenshot('workspace-3-before-restart');
    await app!.close();
    app = null;

    app = await launchRendererWithMainServices({ dbPath });
    const again = app.page;
    // The saved symbol wins over the study's default (HSTECH.HK), with no flash of another one.
    await again.locator(`${ANNOTATIONS}[data-symbol="BABA"]`).waitFor();
    expect(await again.locator('.app').getAttribute('data-theme')).toBe('dark');
    expect(await again.getByRole('button', { name: 'Log' }).getAttribute('aria-pressed')).toBe('true');
    expect(await again.getByTestId('details-panel').isHidden()).toBe(true);
    await again.getByRole('button', { name: 'Show details panel' }).click();
    expect(await again.getByRole('tab', { name: 'Claims' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(async () => (await savedWorkspace(app!)).range).toEqual(range);
    await app.screenshot('workspace-4-after-restart');
    expect(app.pageErrors).toEqual([]);
  });
});
