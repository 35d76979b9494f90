import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpenedFile } from '../../src/main/services/files/read-opened-file';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const DIALOG = '[data-testid="watchlist-import-dialog"]';

/** Drops a real File on the window (dragenter, dragover, drop), as a browser does. */
async function dropFile(page: Page, fileName: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, base64 }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name));
      const target = document.querySelector('.chart-area') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: fileName, base64: bytes.toString('base64') },
  );
}

describe('one route for dropped and opened files', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({
      // The embedded study is there to be exported as a study file and opened again.
      core: { seedOnOpen: true },
      // Opened from the OS while the window was still loading: queued until the renderer is ready.
      prepare: (core) => core.push.emit('app.openFile', readOpenedFile(join(FIXTURES, 'watchlists', 'utf8-bom.csv'))),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a watchlist opened from the OS before the window was ready opens its preview', async () => {
    const { page } = app;
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('utf8-bom.csv');
    await app.screenshot('file-open-1-os-watchlist');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('a dropped price history opens the price import preview, and no watchlist preview opens', async () => {
    const { page } = app;
    await dropFile(page, 'BIDU.csv', readFileSync(join(FIXTURES, 'market', 'BIDU.csv')));
    const bars = page.locator('[data-testid="bars-import-dialog"]');
    await bars.waitFor();
    await expect.poll(() => bars.locator('[data-testid="bars-import-summary"]').textContent()).toMatch(/\d/);
    expect(await bars.textContent()).toContain('BIDU.csv');
    expect(await page.locator(DIALOG).count()).toBe(0);
    await app.screenshot('file-open-2-bars-preview');
    await bars.getByRole('button', { name: 'Cancel' }).click();
    await bars.waitFor({ state: 'detached' });
  });

  it('a study file from the menu opens the study import preview; an events CSV opens the events preview; a dropped watchlist still opens its preview', async () => {
    const { page, core } = app;
    // The embedded study as its own file: the preview shows every item as already here.
    const study = Buffer.from(core.services.studyFiles.exportStudy('china-tech-rally-2025').content);
    core.push.emit('app.openFile', {
      fileName: 'rally.catalyst.json',
      kind: 'study',
      bytesBase64: study.toString('base64'),
    });
    const studyDialog = page.locator('[data-testid="study-import-dialog"]');
    await studyDialog.waitFor();
    expect(await studyDialog.textContent()).toContain('rally.catalyst.json');
    await app.screenshot('file-open-3-study-preview');
    await studyDialog.getByRole('button', { name: 'Cancel' }).click();
    await studyDialog.waitFor({ state: 'detached' });
    core.push.emit('app.openFile', readOpenedFile(join(FIXTURES, 'events', 'analyst-events.csv')));
    const eventsDialog = page.locator('[data-testid="events-import-dialog"]');
    await eventsDialog.waitFor();
    await expect.poll(() => eventsDialog.locator('tbody tr').count()).toBe(4);
    expect(await page.locator(DIALOG).count()).toBe(0);
    await eventsDialog.getByRole('button', { name: 'Cancel' }).click();
    await eventsDialog.waitFor({ state: 'detached' });
    await dropFile(page, 'China tech.txt', readFileSync(join(FIXTURES, 'watchlists', 'tradingview-china-tech.txt')));
    await page.locator(DIALOG).waitFor();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(18);
  });
});

describe('the File menu’s choices: a chosen kind keeps its preview; in a browser Ctrl/⌘+O picks a file', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    // Marked as `npm run web` marks its page: no native menu, the window answers Ctrl/⌘+O.
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true }, shell: 'web' });
    // Playwright intercepts file choosers once a listener exists; set it up before any key press
    // (a chooser opened before that is cancelled by headless Chromium).
    app.page.on('filechooser', () => undefined);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('File ▸ Import Prices CSV… opens the price preview even for a file that reads as a watchlist', async () => {
    const { page, core } = app;
    await page.locator('[data-testid="study-header"]').waitFor();
    // What main sends for a file chosen under Import Prices CSV… (src/main/index.ts openPath).
    core.push.emit(
      'app.openFile',
      readOpenedFile(join(FIXTURES, 'watchlists', 'tradingview-china-tech.txt'), 'bars-csv'),
    );
    const bars = page.locator('[data-testid="bars-import-dialog"]');
    await bars.waitFor();
    expect(await bars.textContent()).toContain('tradingview-china-tech.txt');
    expect(await page.locator(DIALOG).count()).toBe(0);
    await app.screenshot('file-open-5-prices-chosen');
    await bars.getByRole('button', { name: 'Cancel' }).click();
    await bars.waitFor({ state: 'detached' });
  });

  it('Ctrl/⌘+O opens the browser’s file picker, and the file goes to the preview of its kind as a drop does', async () => {
    const { page } = app;
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    let chooser = page.waitForEvent('filechooser');
    await page.keyboard.press(`${mod}+O`);
    await (await chooser).setFiles(join(FIXTURES, 'market', 'BIDU.csv'));
    const bars = page.locator('[data-testid="bars-import-dialog"]');
    await bars.waitFor();
    expect(await bars.textContent()).toContain('BIDU.csv');
    await bars.getByRole('button', { name: 'Cancel' }).click();
    await bars.waitFor({ state: 'detached' });

    chooser = page.waitForEvent('filechooser');
    await page.keyboard.press(`${mod}+O`);
    const picked = await chooser;
    // The picker offers Catalyst's own file types (the same list as the desktop app's Open dialog).
    expect(await picked.element().getAttribute('accept')).toBe('.json,.txt,.csv,.tsv,.md,.html,.htm');
    await picked.setFiles(join(FIXTURES, 'watchlists', 'tradingview-china-tech.txt'));
    await page.locator(DIALOG).waitFor();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(18);
    await app.screenshot('file-open-6-web-ctrl-o');
    await page.locator(DIALOG).getByRole('button', { name: 'Cancel' }).click();
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });
});
