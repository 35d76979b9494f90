import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpenedFile } from '../../src/main/services/files/read-opened-file';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const EVENTS = join(import.meta.dirname, '..', 'fixtures', 'events');
const DIALOG = '[data-testid="events-import-dialog"]';
const ID = 'china-tech-rally-2025';

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

/** The preview's rows as [line, date, title, category, symbols, status]. */
const rows = (page: Page) =>
  page
    .locator(`${DIALOG} tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));

describe('an events CSV dropped on the window or opened from the menu', () => {
  let app: RendererWithMainServices;
  const userEvents = () =>
    app.core.services.study
      .getStudy(ID)
      .events.filter((e) => e.origin === 'user')
      .map((e) => [e.date, e.title]);

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true } });
    await app.page.locator('[data-testid="study-header"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every line with its status and reason and imports nothing while any line is an error', async () => {
    const { page } = app;
    const before = app.core.services.study.getStudy(ID).events.length;
    await dropFile(page, 'events-with-errors.csv', readFileSync(join(EVENTS, 'events-with-errors.csv')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('events-import-summary').textContent())
      .toBe('6 lines: 1 event to add, 5 errors.');
    expect(await rows(page)).toEqual([
      ['2', '2025-02-20', 'Tencent results', 'corporate', '0700.HK', 'will be added'],
      ['3', '', '', '', '', 'error: date: must be a real date in YYYY-MM-DD form'],
      ['4', '', '', '', '', 'error: timezone: a time needs its time zone, and a zone a time'],
      ['5', '', '', '', '', expect.stringMatching(/^error: category: .*"ai"\|"policy"\|"market"/)],
      ['6', '', '', '', '', 'error: "9988HK!" is not a symbol'],
      ['7', '', '', '', '', 'error: date: must be a real date in YYYY-MM-DD form; title: a title is required'],
    ]);
    expect(await dialog.getByTestId('events-import-blocked').textContent()).toContain(
      'Nothing will be imported while 5 lines have errors',
    );
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await app.screenshot('events-import-1-errors');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // All or nothing: the one good line was not written either.
    expect(app.core.services.study.getStudy(ID).events).toHaveLength(before);
  });

  it('previews a valid file (a duplicate skipped with its reason), writes nothing until confirmed, then charts the events', async () => {
    const { page } = app;
    await dropFile(page, 'analyst-events.csv', readFileSync(join(EVENTS, 'analyst-events.csv')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('events-import-summary').textContent())
      .toBe('4 lines: 3 events to add, 1 duplicate (skipped).');
    expect(await dialog.getByRole('combobox', { name: 'Study' }).inputValue()).toBe(ID);
    expect(await rows(page)).toEqual([
      [
        '2',
        '2025-02-20 16:30 Asia/Hong_Kong',
        'Alibaba Q3 FY2025 results beat estimates',
        'corporate',
        '9988.HK, BABA',
        'will be added',
      ],
      [
        '3',
        '2025-03-05',
        'NPC work report names the AI+ initiative',
        'policy',
        'HSTECH.HK, 9988.HK, 0700.HK',
        'will be added',
      ],
      [
        '4',
        '2025-01-28 23:00 Asia/Shanghai',
        'Alibaba releases Qwen2.5-Max',
        'ai',
        '9988.HK, BABA, HSTECH.HK',
        'duplicate, skipped: the same event is already stored',
      ],
      ['5', '2025-04-02', 'US "reciprocal" tariffs announced', 'macro', 'HSTECH.HK', 'will be added'],
    ]);
    await app.screenshot('events-import-2-preview');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('events-import-2-preview-1024');
    await page.setViewportSize({ width: 1400, height: 860 });

    // Nothing is written before the user confirms.
    expect(userEvents()).toEqual([]);
    await dialog.getByRole('button', { name: 'Import 3 events' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(userEvents()).toEqual([
      ['2025-02-20', 'Alibaba Q3 FY2025 results beat estimates'],
      ['2025-03-05', 'NPC work report names the AI+ initiative'],
      ['2025-04-02', 'US "reciprocal" tariffs announced'],
    ]);
    await expect
      .poll(() => page.locator('.status-bar').textContent())
      .toBe('Imported 3 event(s) from analyst-events.csv into “China tech rally 2025”; 1 duplicate(s) skipped.');
    // The study reloads with them: listed in the events panel, the first one selected.
    const panel = page.getByTestId('events-panel');
    await panel.getByText('Alibaba Q3 FY2025 results beat estimates').first().waitFor();
    await panel.getByText('US "reciprocal" tariffs announced').first().waitFor();
    await app.screenshot('events-import-3-imported');

    // The same file again: every line is now a duplicate, so there is nothing to import.
    await dropFile(page, 'analyst-events.csv', readFileSync(join(EVENTS, 'analyst-events.csv')));
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('events-import-summary').textContent())
      .toBe('4 lines: 0 events to add, 4 duplicates (skipped).');
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });

  it('File ▸ Open… and the OS reach the same preview (main reads the file and detects its kind)', async () => {
    const { page, core } = app;
    const opened = readOpenedFile(join(EVENTS, 'events-with-errors.csv'));
    expect(opened.kind).toBe('events-csv');
    core.push.emit('app.openFile', opened);
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Import events — events-with-errors.csv');
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(6);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
