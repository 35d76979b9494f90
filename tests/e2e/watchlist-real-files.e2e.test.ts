import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

/*
 * The watchlist preview on files people have (issue: real files and real prices): a Yahoo
 * portfolio export's cash rows are skipped with a notice and the columns a watchlist does not
 * keep are named; US share classes map to Yahoo's spelling. The parsing itself is tested in
 * tests/shared/domain/watchlist/real-symbols.test.ts.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'watchlists');
const DIALOG = '[data-testid="watchlist-import-dialog"]';

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

describe('a Yahoo Finance portfolio export dropped on the window', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices();
    await app.page.locator('[data-testid="watchlists-panel"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('skips the cash rows with a notice, names the columns it does not keep, maps BRK.B to BRK-B', async () => {
    const { page } = app;
    await dropFile(page, 'quotes.csv', readFileSync(join(FIXTURES, 'yahoo-portfolio-cash.csv')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(2);
    const rows = await page
      .locator(`${DIALOG} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['2', 'BRK.B', 'BRK-B', 'ok'],
      ['4', 'BABA', 'BABA', 'ok'],
    ]);
    expect(await dialog.getByTestId('import-notices').locator('li').allTextContents()).toEqual([
      'Not kept (a watchlist holds symbols and notes): Current Price, Date, Time, Change, Open, High, Low, Volume, Trade Date, Purchase Price, Quantity, Commission',
      'line 3: $$CASH_TX is a cash transaction of a Yahoo portfolio, not a symbol: skipped',
      'line 5: $$CASH_TX is a cash transaction of a Yahoo portfolio, not a symbol: skipped',
    ]);
    // Skipped on purpose is not an error: both symbols import.
    expect(await dialog.getByRole('button', { name: 'Import 2 symbols' }).isEnabled()).toBe(true);
    await app.screenshot('watchlist-real-files-1-yahoo-portfolio');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });
});
