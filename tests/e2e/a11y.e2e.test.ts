import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchRendererWithMainServices,
  REPORTS_DIR,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';
import { expectNoSeriousFindings, runAxe, type AxeFinding } from './harness/axe';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const ID = 'china-tech-rally-2025';

/** Every finding of every view, both themes: the record of a run (read by people, not by tests). */
const findings: Record<string, AxeFinding[]> = {};

/** axe on the page as it is now: records every finding under `view`, returns the serious and critical ones. */
async function axeViolations(page: Page, view: string): Promise<AxeFinding[]> {
  const { all, serious } = await runAxe(page);
  findings[view] = all;
  return serious;
}

const expectNone = expectNoSeriousFindings;

/** Drops a file from "the desktop" onto the window (dragenter, dragover, drop). */
async function dropFile(page: Page, fileName: string, bytes: Buffer, type: string) {
  await page.evaluate(
    ({ name, base64, mime }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: mime }));
      const target = document.querySelector('.chart-area') ?? document.body;
      for (const t of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: fileName, base64: bytes.toString('base64'), mime: type },
  );
}

for (const theme of ['light', 'dark'] as const) {
  describe(`axe on every main view, ${theme} theme`, () => {
    let app: RendererWithMainServices;

    beforeAll(async () => {
      app = await launchRendererWithMainServices({ core: { seedOnOpen: true }, colorScheme: theme });
      await app.page.locator('[data-testid="chart-annotations"][data-symbol="HSTECH.HK"]').waitFor();
      await app.page.locator(`.app.theme-${theme}`).waitFor();
    });
    afterAll(async () => {
      await app?.close();
      writeFileSync(join(REPORTS_DIR, 'a11y-axe.json'), JSON.stringify(findings, null, 2));
    });

    for (const tab of ['Events', 'Claims', 'Event study', 'Info', 'Updates']) {
      it(`the study chart with the ${tab} tab`, async () => {
        const { page } = app;
        const button = page.getByRole('tab', { name: tab, exact: true });
        await button.click();
        await page.locator(`#${await button.getAttribute('aria-controls')}[role="tabpanel"]`).waitFor();
        // Let the panel load its data before looking at it (the whole study's heatmap grid included).
        await page.waitForTimeout(300);
        if (tab === 'Event study')
          await page.getByTestId('event-heatmap').locator('button[data-row]').first().waitFor();
        expectNone(await axeViolations(page, `${theme} study ${tab}`));
      });
    }

    it('the chart with its data table open', async () => {
      const { page } = app;
      await page.getByTestId('chart-table-toggle').click();
      await page.getByTestId('chart-table').waitFor();
      await page.getByTestId('chart-annotations').focus();
      const found = await axeViolations(page, `${theme} chart data table`);
      await app.screenshot(`a11y-${theme}-chart-table`);
      await page.getByTestId('chart-table-toggle').click();
      await page.getByTestId('chart-table').waitFor({ state: 'detached' });
      expectNone(found);
    });

    it('the watchlist import preview and the imported watchlist', async () => {
      const { page } = app;
      await dropFile(
        page,
        'China tech.txt',
        readFileSync(join(FIXTURES, 'watchlists', 'tradingview-china-tech.txt')),
        'text/plain',
      );
      const dialog = page.getByTestId('watchlist-import-dialog');
      await expect.poll(() => dialog.locator('tbody tr').count()).toBe(18);
      // Each view is looked at, the dialog closed, and only then judged: one failure does not
      // leave a dialog over the next view.
      const inDialog = await axeViolations(page, `${theme} watchlist import dialog`);
      await dialog.getByRole('button', { name: 'Import 15 symbols' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(() => page.locator('.wl-item[data-symbol="9988.HK"] .last').textContent())
        .toMatch(/^\d[\d,]*\.\d{2}$/);
      const lists = await axeViolations(page, `${theme} watchlists`);
      await app.screenshot(`a11y-${theme}-watchlists`);
      expectNone([...inDialog, ...lists]);
    });

    it('the prices CSV import preview', async () => {
      const { page } = app;
      await dropFile(
        page,
        'Hang Seng Historical Data.csv',
        readFileSync(join(FIXTURES, 'market', 'formats', 'investing-com.csv')),
        'text/csv',
      );
      const dialog = page.getByTestId('bars-import-dialog');
      await dialog.getByRole('textbox', { name: 'Symbol' }).fill('^HSI');
      await expect.poll(() => dialog.getByTestId('bars-import-summary').textContent()).toContain('4 sessions');
      const found = await axeViolations(page, `${theme} prices import dialog`);
      await app.screenshot(`a11y-${theme}-bars-import`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      expectNone(found);
    });

    it('the study file import preview', async () => {
      const { page, core } = app;
      const file = JSON.parse(core.services.studyFiles.exportStudy(ID).content) as {
        events: Array<{ title: string }>;
      };
      file.events[0]!.title = 'Their own title';
      await page.getByTestId('share-menu-button').click();
      const menu = await axeViolations(page, `${theme} share menu`);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('menuitem', { name: 'Import study file…' }).click();
      await (
        await chooser
      ).setFiles({
        name: 'theirs.catalyst.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      const dialog = page.getByTestId('study-import-dialog');
      await expect.poll(() => dialog.locator('tbody tr').count()).toBeGreaterThan(10);
      const found = await axeViolations(page, `${theme} study import dialog`);
      await app.screenshot(`a11y-${theme}-study-import`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expectNone([...menu, ...found]);
    });

    it('the new study form', async () => {
      const { page, core } = app;
      const studies = core.services.study.listStudies().length;
      await page.getByTestId('share-menu-button').click();
      await page.getByRole('menuitem', { name: 'New study…' }).click();
      const form = page.getByTestId('new-study-dialog');
      await form.waitFor();
      const found = await axeViolations(page, `${theme} new study dialog`);
      // Refused by main (a symbol that is not one): the reason is shown, and still no finding.
      await form.getByLabel('Name').fill('Keyboard check');
      await form.getByLabel('Article title').fill('A note');
      await form.getByLabel('Subjects').fill('NOT A SYMBOL!!');
      await form.getByRole('button', { name: 'Create study' }).click();
      await form.getByRole('alert').waitFor();
      // The reason names the field and the word typed, not the request's internal path; the
      // field is marked invalid, described by the reason and focused.
      expect(await form.getByRole('alert').textContent()).toMatch(/^Subjects: "SYMBOL!!" is not a symbol \(expected/);
      const subjects = form.getByLabel('Subjects');
      expect(await subjects.getAttribute('aria-invalid')).toBe('true');
      expect(await subjects.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(
        await subjects.evaluate(
          (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        ),
      ).toContain('is not a symbol');
      const withError = await axeViolations(page, `${theme} new study dialog, refused`);
      await app.screenshot(`a11y-${theme}-new-study-refused`);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      expect(core.services.study.listStudies()).toHaveLength(studies);
      expectNone([...found, ...withError]);
    });

    it('the article reader', async () => {
      const { page } = app;
      await page.getByTestId('open-article-dialog').click();
      const dialog = page.getByTestId('article-dialog');
      await dialog.waitFor();
      const found = await axeViolations(page, `${theme} article dialog`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expectNone(found);
    });

    it('the shortcuts overlay', async () => {
      const { page } = app;
      await page.locator('body').click({ position: { x: 5, y: 850 } });
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      const found = await axeViolations(page, `${theme} shortcuts overlay`);
      await app.screenshot(`a11y-${theme}-shortcuts`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expectNone(found);
      expect(app.pageErrors).toEqual([]);
    });
  });
}
