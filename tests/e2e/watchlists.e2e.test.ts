import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasHasDrawing,
  launchRendererWithMainServices,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'watchlists');
const PANEL = '[data-testid="watchlists-panel"]';
const DIALOG = '[data-testid="watchlist-import-dialog"]';

/**
 * Drags a file from "the desktop" onto the window: a real File in a DataTransfer, with the
 * dragenter / dragover / drop sequence a browser dispatches. `drop: false` stops while hovering.
 */
async function dragFileOntoWindow(
  page: Page,
  fileName: string,
  bytes: Buffer,
  options: { drop: boolean } = { drop: true },
) {
  await page.evaluate(
    ({ name, base64, drop }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'text/plain' }));
      const target = document.querySelector('.chart-area') ?? document.body;
      const fire = (type: string) =>
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      fire('dragenter');
      fire('dragover');
      if (drop) fire('drop');
    },
    { name: fileName, base64: bytes.toString('base64'), drop: options.drop },
  );
}

/** The preview table as rows of cell texts. */
async function previewRows(page: Page): Promise<string[][]> {
  return page
    .locator(`${DIALOG} tbody tr`)
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')));
}

describe('watchlists in the app', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    // The embedded study seeds real prices for the article's symbols (9988.HK among them).
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true } });
    await app.page.locator(PANEL).getByText('No watchlists yet').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a TradingView file dropped on the window: preview, confirm, the list appears and charts a symbol', async () => {
    const { page } = app;
    const bytes = readFileSync(join(FIXTURES, 'tradingview-china-tech.txt'));

    await dragFileOntoWindow(page, 'China tech.txt', bytes, { drop: false });
    await page.locator('[data-testid="watchlist-drop-overlay"]').waitFor();
    await app.screenshot('watchlists-1-drag-over');
    await dragFileOntoWindow(page, 'China tech.txt', bytes);

    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(18);
    expect(await page.locator('[data-testid="watchlist-drop-overlay"]').count()).toBe(0);
    const rows = await previewRows(page);
    // One-line TradingView file: each entry's position within the line (line:entry).
    expect(rows[0]).toEqual(['1:1', '###Indices', '', 'Indices', 'section', '']);
    expect(rows[1]).toEqual(['1:2', 'TVC:HSI', '^HSI', 'Indices', 'ok', 'yes']);
    expect(rows[6]).toEqual(['1:7', 'HKEX:9988', '9988.HK', 'HK tech', 'ok', 'yes']);
    expect(rows[7]).toEqual(['1:8', 'HKEX:700', '0700.HK', 'HK tech', 'ok', 'yes']);
    expect(rows[16]).toEqual(['1:17', 'NASDAQ:PDD', 'PDD', 'US ADRs', 'ok', 'no']);
    expect(await page.locator('[data-testid="import-summary"]').textContent()).toContain(
      'TradingView list: 15 to import, 3 section(s)',
    );
    const name = dialog.getByRole('textbox', { name: 'List name' });
    expect(await name.inputValue()).toBe('China tech');
    await app.screenshot('watchlists-2-preview');

    // Nothing is written before the user confirms.
    expect(app.core.services.watchlists.list()).toEqual([]);
    await dialog.getByRole('button', { name: 'Import 15 symbols' }).click();
    await dialog.waitFor({ state: 'detached' });

    const panel = page.locator(PANEL);
    await expect
      .poll(() =>
        panel.getByRole('combobox', { name: 'Watchlist', exact: true }).locator('option:checked').textContent(),
      )
      .toBe('China tech (15)');
    const lists = app.core.services.watchlists.list();
    expect(lists.map((l) => [l.name, l.itemCount, l.sectionCount])).toEqual([['China tech', 15, 3]]);
    const entries = panel.locator('.watchlist-entries > li');
    expect(await entries.count()).toBe(18);
    const alibaba = panel.locator('.wl-item[data-symbol="9988.HK"]');
    // A cached symbol shows its last close and change; an uncached one says so.
    await expect.poll(() => alibaba.locator('.last').textContent()).toMatch(/^\d[\d,]*\.\d{2}$/);
    expect(await alibaba.locator('.change').textContent()).toMatch(/^[+-]?\d+\.\d{2}%$/);
    expect(await panel.locator('.wl-item[data-symbol="PDD"] .last').textContent()).toBe('not cached');
    expect(await page.locator('.status-bar').textContent()).toMatch(
      /Imported 15 symbol\(s\) into “China tech”; \d+ without cached prices\./,
    );

    await alibaba.locator('.wl-item-main').click();
    await page.locator('[data-testid="price-chart"][data-symbol="9988.HK"]').waitFor();
    await expect.poll(() => page.locator('.chart-title h1').textContent()).toBe('9988.HK');
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]')).toBe(true);
    expect(await alibaba.getAttribute('class')).toContain('selected');
    await app.screenshot('watchlists-3-imported-and-charted');
  });

  it('reorders, annotates, deletes with undo and exports the list', async () => {
    const { page } = app;
    const panel = page.locator(PANEL);
    const symbols = () => panel.locator('.wl-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-symbol')));
    const id = app.core.services.watchlists.list()[0]!.id;

    // Keyboard reorder: Alt+↓ moves 9988.HK below 0700.HK.
    await panel.locator('.wl-item[data-symbol="9988.HK"] .wl-item-main').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await symbols()).slice(4, 6)).toEqual(['0700.HK', '9988.HK']);
    // Drag reorder: BABA onto the top half of ^HSI goes before it.
    await panel
      .locator('.wl-item[data-symbol="BABA"]')
      .dragTo(panel.locator('.wl-item[data-symbol="^HSI"]'), { targetPosition: { x: 20, y: 3 } });
    await expect.poll(async () => (await symbols()).slice(0, 2)).toEqual(['BABA', '^HSI']);
    const stored = app.core.services.watchlists
      .get(id)
      .entries.filter((e) => e.kind === 'item')
      .map((e) => e.symbol);
    expect(stored.slice(0, 2)).toEqual(['BABA', '^HSI']);

    // A note.
    // A note: the row's ✎ (for the mouse) opens the note dialog.
    await panel.locator('.wl-item[data-symbol="BABA"]').hover();
    await panel.locator('.wl-item[data-symbol="BABA"] button[aria-label="Note for BABA"]').click();
    const note = page.getByRole('dialog', { name: 'Note for BABA' });
    await note.getByRole('textbox', { name: 'Note for BABA' }).fill('ADR: 1 ADS = 8 shares');
    await note.getByRole('button', { name: 'Save note' }).click();
    await note.waitFor({ state: 'detached' });
    await expect
      .poll(() => panel.locator('.wl-item[data-symbol="BABA"] .wl-note').textContent())
      .toBe('ADR: 1 ADS = 8 shares');

    // Export as CSV: a real download whose content imports back to the same list.
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export the list' }).click();
    await panel.getByRole('menuitem', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('China tech.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('BABA,Indices,ADR: 1 ADS = 8 shares,NYSE\r\n');

    // Delete, then undo.
    await panel.getByRole('button', { name: 'Delete the list' }).click();
    const toast = page.locator('[data-testid="watchlist-undo-toast"]');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Deleted “China tech”.');
    await panel.getByText('No watchlists yet').waitFor();
    expect(app.core.services.watchlists.list()).toEqual([]);
    await app.screenshot('watchlists-4-deleted-with-undo');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() =>
        panel.getByRole('combobox', { name: 'Watchlist', exact: true }).locator('option:checked').textContent(),
      )
      .toBe('China tech (15)');
    expect(await panel.locator('.wl-item[data-symbol="BABA"] .wl-note').textContent()).toBe('ADR: 1 ADS = 8 shares');
  });

  it('shows why a dropped file is refused, and merges a file opened from the menu', async () => {
    const { page, core } = app;
    await dragFileOntoWindow(page, 'screenshot.png', readFileSync(join(FIXTURES, 'malformed', 'chart-screenshot.png')));
    const dialog = page.locator(DIALOG);
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'Cannot import screenshot.png: the file is a PNG image, not a text watchlist. Nothing was imported.',
    );
    await app.screenshot('watchlists-5-rejected-file');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // File ▸ Import Watchlist… : the main process pushes the chosen file to the window.
    const yahoo = readFileSync(join(FIXTURES, 'yahoo-portfolio.csv'));
    core.push.emit('watchlists.openImport', { fileName: 'quotes.csv', bytesBase64: yahoo.toString('base64') });
    await dialog.waitFor();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(8);
    await dialog.getByRole('radio', { name: 'Merge into an existing list' }).check();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr[data-status="duplicate"]`).count()).toBe(8);
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'New list' }).check();
    await dialog.getByRole('textbox', { name: 'List name' }).fill('china TECH');
    await dialog.getByRole('button', { name: 'Import 6 symbols' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'A watchlist named "China tech" already exists: choose another name, or merge into it.',
    );
    await dialog.getByRole('textbox', { name: 'List name' }).fill('Portfolio');
    await dialog.getByRole('button', { name: 'Import 6 symbols' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.core.services.watchlists.list().map((l) => l.name)).toEqual(['China tech', 'Portfolio']);
    expect(app.pageErrors).toEqual([]);
  });
});
