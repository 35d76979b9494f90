import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import {
  canvasHasDrawing,
  launchRendererWithMainServices,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';

const FORMATS = join(import.meta.dirname, '..', 'fixtures', 'market', 'formats');
const MALFORMED = join(import.meta.dirname, '..', 'fixtures', 'market', 'malformed');
const DIALOG = '[data-testid="bars-import-dialog"]';

/** Drops a file from "the desktop" onto the window (dragenter, dragover, drop). */
async function dropFile(page: Page, fileName: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, base64 }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'text/csv' }));
      const target = document.querySelector('.chart-area') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: fileName, base64: bytes.toString('base64') },
  );
}

describe('a daily-prices CSV dropped on the window', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true } });
    await app.page.locator('[data-testid="watchlists-panel"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the investing.com preview with its mapping, writes nothing until confirmed, then charts it', async () => {
    const { page } = app;
    await dropFile(page, 'Hang Seng Historical Data.csv', readFileSync(join(FORMATS, 'investing-com.csv')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Symbol' }).fill('^HSI');
    const summary = dialog.locator('[data-testid="bars-import-summary"]');
    await expect
      .poll(() => summary.textContent())
      // The study seeded ^HSI over these dates with other values: the file's rows differ from the cache.
      .toBe(
        'investing.com export: 4 sessions 2024-05-29 → 2024-06-03 — 0 to add, 0 already cached, 4 differ from the cache.',
      );
    const mapping = await dialog
      .locator('[data-testid="bars-import-mapping"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('td')!.textContent, (r.querySelector('select') as HTMLSelectElement).value]),
      );
    expect(mapping).toEqual([
      ['Date', 'date'],
      ['Price', 'close'],
      ['Open', 'open'],
      ['High', 'high'],
      ['Low', 'low'],
      ['Vol.', 'volume'],
      ['Change %', ''],
    ]);
    await app.screenshot('bars-import-1-preview');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('bars-import-1-preview-1024');
    await page.setViewportSize({ width: 1400, height: 860 });

    // The mapping can be changed: volume ignored, the preview follows; then back.
    await dialog.getByRole('combobox', { name: 'Use column Vol. as' }).selectOption('');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Use column Vol. as' }).inputValue()).toBe('');
    await dialog.getByRole('combobox', { name: 'Use column Vol. as' }).selectOption('volume');

    // Cached values are kept unless the user chooses to replace them.
    const differing = dialog.locator('[data-testid="bars-import-differing"]');
    expect(await differing.getByRole('radio', { name: 'Keep the cached values' }).isChecked()).toBe(true);
    expect(await differing.locator('li').first().textContent()).toMatch(/^2024-05-29: .*cached, .* in the file/);
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await differing.getByRole('radio', { name: "Replace them with the file's" }).check();

    // Nothing is written before the user confirms.
    const hsi = asTicker('^HSI');
    const range = ['2024-05-01', '2024-06-30'] as const;
    const before = app.core.services.market.getBars(hsi, ...(range as unknown as [never, never]));
    await app.screenshot('bars-import-1b-replace-chosen');
    expect(app.core.services.market.getBars(hsi, ...(range as unknown as [never, never]))).toEqual(before);
    await dialog.getByRole('button', { name: 'Import 4 sessions' }).click();
    await dialog.waitFor({ state: 'detached' });

    const bars = app.core.services.market
      .getBars(hsi, ...(range as unknown as [never, never]))
      .filter((b) => b.date >= '2024-05-29' && b.date <= '2024-06-03');
    expect(bars.map((b) => [b.date, b.close, b.volume])).toEqual([
      ['2024-05-29', 18477.01, 845200000],
      ['2024-05-30', 18230.19, null],
      ['2024-05-31', 18079.61, 3150000000],
      ['2024-06-03', 18403.04, 2070000000],
    ]);
    await expect
      .poll(() => page.locator('.status-bar').textContent())
      .toMatch(/Imported 4 session\(s\) of \^HSI from Hang Seng Historical Data\.csv \(investing\.com export\)/);
    await page.locator('[data-testid="price-chart"][data-symbol="^HSI"]').waitFor();
    await expect.poll(() => canvasHasDrawing(page, '[data-testid="price-chart"]')).toBe(true);
    // Each series says which session it ends on: in the legend and in the sidebar.
    const last = app.core.services.market.getBars(hsi).at(-1)!.date;
    expect(await page.locator('[data-testid="legend-asof"]').textContent()).toBe(`as of ${last}`);
    expect(await page.locator('[data-testid="study-universe"] [data-symbol="^HSI"] .asof').textContent()).toBe(last);
    await app.screenshot('bars-import-2-imported-and-charted');
  });

  it('lists every problem of a bad file and offers no import', async () => {
    const { page } = app;
    const bad = Buffer.from('Date,Close\n2025-01-02,x\n2025-01-03,-1\n2025-01-03,5\n');
    await dropFile(page, 'BAD.csv', bad);
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    const problems = dialog.locator('[data-testid="bars-import-problems"]');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      'line 2: close "x" is not a number',
      'line 3: close must be positive (got -1)',
      'line 4: duplicate date 2025-01-03 (first on line 3)',
    ]);
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await app.screenshot('bars-import-3-problems');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('lists the rows it skips with their reason and keeps the adjusted close (yfinance to_csv)', async () => {
    const { page } = app;
    await dropFile(page, 'CALM.csv', readFileSync(join(FORMATS, 'yfinance-to-csv.csv')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    const summary = dialog.locator('[data-testid="bars-import-summary"]');
    await expect
      .poll(() => summary.textContent())
      .toBe(
        'yfinance to_csv(): 3 sessions 2024-03-08 → 2024-03-13 — 3 to add, 0 already cached, 0 differ from the cache, 1 skipped. CALM is new to the cache.',
      );
    const skipped = dialog.locator('.bars-import-skipped');
    await skipped.locator('summary').click();
    expect(await skipped.locator('li').allTextContents()).toEqual([
      'line 4: 2024-03-12 00:00:00-04:00: no prices (empty)',
    ]);
    // Columns a bar does not hold are shown as ignored, never a reason to refuse.
    for (const column of ['Dividends', 'Stock Splits'])
      expect(await dialog.getByRole('combobox', { name: `Use column ${column} as` }).inputValue()).toBe('');
    expect(await dialog.getByRole('combobox', { name: 'Use column Adj Close as' }).inputValue()).toBe('adjClose');
    await app.screenshot('bars-import-4-skipped');
    await dialog.getByRole('button', { name: 'Import 3 sessions' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(
      app.core.services.market.getBars(asTicker('CALM')).map((b) => [b.date, b.close, b.adjClose, b.volume]),
    ).toEqual([
      ['2024-03-08', 38.25, 37.1129150390625, 801200],
      ['2024-03-11', 38.5, 37.35548400878906, 654300],
      ['2024-03-13', 38.900001525878906, 37.99353790283203, 702100],
    ]);
  });

  it('lets the user say how ambiguous dates are written, and imports them that way', async () => {
    const { page } = app;
    await dropFile(page, 'X.csv', readFileSync(join(MALFORMED, 'ambiguous-dates.csv')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    const problems = dialog.locator('[data-testid="bars-import-problems"]');
    await expect.poll(() => problems.textContent()).toMatch(/03\/04\/2024 can be read as MM\/DD\/YYYY or DD\/MM\/YYYY/);
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await app.screenshot('bars-import-5-ambiguous');
    await dialog.getByRole('combobox', { name: 'Date format' }).selectOption('dmy');
    await expect
      .poll(() => dialog.locator('[data-testid="bars-import-summary"]').textContent())
      .toMatch(/: 2 sessions 2024-03-04 → 2024-04-03 — 2 to add/);
    expect(await problems.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 2 sessions' }).click();
    await dialog.waitFor({ state: 'detached' });
    // DD/MM/YYYY: 03/04/2024 is 3 April (close 10), 04/03/2024 is 4 March (close 11).
    expect(app.core.services.market.getBars(asTicker('X')).map((b) => [b.date, b.close])).toEqual([
      ['2024-03-04', 11],
      ['2024-04-03', 10],
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});
