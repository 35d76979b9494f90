import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { formatPercent } from '../../src/shared/format';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const OVERLAY = '[data-testid="chart-annotations"]';

/** What has focus: its role, accessible-ish name and test id, for assertions and messages. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      role: el?.getAttribute('role') ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 60) ?? '',
      testId: el?.getAttribute('data-testid') ?? '',
      selected: el?.getAttribute('aria-selected') ?? '',
    };
  });

/** Presses Tab until `done` holds for the focused element (at most `max` times). */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; last: ${JSON.stringify(await focused(page))}`);
}

for (const viewport of [
  { width: 1400, height: 860 },
  { width: 1024, height: 700 },
]) {
  const size = `${viewport.width}x${viewport.height}`;

  describe(`a keyboard-only tour at ${size}`, () => {
    let app: RendererWithMainServices;

    beforeAll(async () => {
      app = await launchRendererWithMainServices({ core: { seedOnOpen: true }, viewport });
      await app.page.locator(`${OVERLAY}[data-symbol="HSTECH.HK"]`).waitFor();
      await app.page.locator(`${OVERLAY}[data-marker-count]:not([data-marker-count="0"])`).waitFor();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('reaches the chart by the skip link, and the chart says what it shows', async () => {
      const { page } = app;
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Skip to chart' });
      await app.screenshot(`a11y-tour-${size}-1-skip-link`);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ testId: 'chart-annotations' });
      const chart = page.locator(OVERLAY);
      expect(await chart.getAttribute('aria-roledescription')).toBe('chart');
      const summary = page.getByTestId('chart-summary');
      expect(await chart.getAttribute('aria-describedby')).toBe(await summary.getAttribute('id'));
      expect(await summary.textContent()).toMatch(
        /^HSTECH\.HK from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(\d+ sessions\): close [\d,.]+ to [\d,.]+, [+-−]?[\d.]+%; high [\d,.]+ on \d{4}-\d\d-\d\d, low [\d,.]+ on \d{4}-\d\d-\d\d\. (\d+ events?: .+|No events in this range\.)$/,
      );
      await app.screenshot(`a11y-tour-${size}-2-chart-focused`);
    });

    it('switches range presets from the keyboard, and the summary follows the range', async () => {
      const { page } = app;
      const summary = page.getByTestId('chart-summary');
      const range = () => page.locator(OVERLAY).evaluate((el) => el.getAttribute('data-visible-from'));
      await page.keyboard.press('6');
      await expect.poll(range).not.toBe('');
      const all = await range();
      const allText = await summary.textContent();
      await page.keyboard.press('3');
      await expect.poll(range).not.toBe(all);
      await expect.poll(() => summary.textContent()).not.toBe(allText);
      expect(await summary.textContent()).toContain(`from ${await range()}`);
      // The chart keeps focus: the presets are keys of the window, not of a field.
      expect(await focused(page)).toMatchObject({ testId: 'chart-annotations' });
    });

    it('moves between events with ] and [: the marker’s card shows as on hover, and Escape hides it', async () => {
      const { page } = app;
      const chart = page.locator(OVERLAY);
      const card = page.getByTestId('event-tooltip');
      await page.keyboard.press('6');
      await page.keyboard.press(']');
      await expect.poll(() => chart.getAttribute('data-selected-event')).not.toBe('');
      const first = await chart.getAttribute('data-selected-event');
      await card.waitFor();
      expect(await card.getAttribute('data-event-id')).toBe(first);
      expect(await page.getByTestId('event-announcer').textContent()).toMatch(/^Event \d+ of \d+ on HSTECH\.HK: /);
      await page.keyboard.press(']');
      await expect.poll(() => chart.getAttribute('data-selected-event')).not.toBe(first);
      const second = await chart.getAttribute('data-selected-event');
      await expect.poll(() => card.getAttribute('data-event-id')).toBe(second);
      await app.screenshot(`a11y-tour-${size}-3-event-card`);
      await page.keyboard.press('[');
      await expect.poll(() => card.getAttribute('data-event-id')).toBe(first);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'detached' });
      expect(await chart.getAttribute('data-selected-event')).toBe(first);
    });

    it('opens the data table of the visible range: one row per session, events named on their T0 row', async () => {
      const { page } = app;
      await tabUntil(page, (f) => f.testId === 'chart-table-toggle');
      await page.keyboard.press('Enter');
      const table = page.getByTestId('chart-table');
      await table.waitFor();
      const sessions = Number(
        (await page.getByTestId('chart-summary').textContent())!.match(/\((\d+) sessions?\)/)![1],
      );
      expect(await table.locator('tbody tr').count()).toBe(sessions);
      const withEvents = table.locator('tbody tr.has-event');
      expect(await withEvents.count()).toBeGreaterThan(0);
      expect(await withEvents.first().locator('.chart-table-events').textContent()).toMatch(/^≈?\d+\. /);
      await app.screenshot(`a11y-tour-${size}-4-data-table`);
      await page.keyboard.press('Enter');
      await table.waitFor({ state: 'detached' });
    });

    it('switches the side tabs with the arrow keys, Home and End', async () => {
      const { page } = app;
      await tabUntil(page, (f) => f.role === 'tab');
      expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Events', selected: 'true' });
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Claims', selected: 'true' });
      await page.getByRole('tabpanel', { name: 'Claims' }).waitFor();
      await page.keyboard.press('End');
      expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Updates', selected: 'true' });
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Events', selected: 'true' });
      await page.keyboard.press('ArrowLeft');
      expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Updates' });
      await page.keyboard.press('Home');
      expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Events', selected: 'true' });
      // One tab stop: Tab leaves the strip for the panel.
      await page.keyboard.press('Tab');
      expect((await focused(page)).role).not.toBe('tab');
      await app.screenshot(`a11y-tour-${size}-5-tabs`);
    });

    it('opens a dialog from the keyboard, keeps focus in it, and gives focus back on close', async () => {
      const { page } = app;
      await page.keyboard.press('Shift+Tab');
      const opener = await focused(page);
      expect(opener).toMatchObject({ role: 'tab', name: 'Events' });
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      await app.screenshot(`a11y-tour-${size}-6-dialog`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focused(page)).toEqual(opener);
    });

    it('works the Share menu from the keyboard; a dialog opened from it gives focus back to its button', async () => {
      const { page } = app;
      const button = page.getByTestId('share-menu-button');
      await button.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await menu.waitFor();
      const items = menu.getByRole('menuitem');
      expect(await items.first().evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('ArrowUp');
      expect(await items.last().evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      expect(await items.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.keyboard.press('Enter');
      await menu.getByRole('menuitem', { name: 'New study…' }).focus();
      await page.keyboard.press('Enter');
      const form = page.getByTestId('new-study-dialog');
      await form.waitFor();
      expect(await form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    });

    it('moves through the instruments with the arrow keys and charts one with Enter', async () => {
      const { page } = app;
      const universe = page.getByTestId('study-universe');
      await universe.locator('button.instrument').first().focus();
      const first = await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'));
      await page.keyboard.press('ArrowDown');
      const second = await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'));
      expect(second).not.toBe(first);
      await page.keyboard.press('Enter');
      await page.locator(`${OVERLAY}[data-symbol="${second}"]`).waitFor();
      await page.keyboard.press('Home');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'))).toBe(first);
      await page.keyboard.press('Enter');
      await page.locator(`${OVERLAY}[data-symbol="${first}"]`).waitFor();
      expect(app.pageErrors).toEqual([]);
    });

    it('the sidebar lists are listboxes with one Tab stop each, the selected symbol’s', async () => {
      const { page } = app;
      const universe = page.getByTestId('study-universe');
      expect(await universe.getByRole('listbox').count()).toBe(2);
      const stops = () =>
        universe
          .locator('[role="option"]')
          .evaluateAll((els) =>
            els.filter((e) => (e as HTMLElement).tabIndex === 0).map((e) => e.getAttribute('data-symbol')),
          );
      const selected = await universe.locator('[role="option"][aria-selected="true"]').getAttribute('data-symbol');
      expect(await stops()).toEqual([selected]);
      // Shift+Tab from the next list lands on the selected symbol; Tab leaves the study's lists at once.
      await universe.locator('[role="option"][aria-selected="true"]').focus();
      await page.keyboard.press('ArrowDown');
      const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'));
      expect(await stops()).toEqual([moved]);
      await page.keyboard.press('Tab');
      expect(await universe.evaluate((u) => u.contains(document.activeElement))).toBe(false);
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-symbol'))).toBe(moved);
    });

    it('a watchlist’s entries are a listbox with one Tab stop: arrows move, F2 edits a note, Delete removes', async () => {
      const { page, core } = app;
      const list = core.services.watchlists.create(`Keys ${size}`);
      for (const symbol of ['BABA', 'BIDU', '0700.HK']) core.services.watchlists.addItem(list.id, symbol);
      const entries = page.getByRole('listbox', { name: `Entries of Keys ${size}` });
      await entries.getByRole('option').nth(2).waitFor();
      const tabbable = () =>
        entries.evaluate((ul) =>
          [...ul.querySelectorAll<HTMLElement>('button, [tabindex]')]
            .filter((e) => e.tabIndex >= 0)
            .map((e) => e.closest('li')?.getAttribute('data-symbol')),
        );
      // Only the first entry is in the tab order (its row buttons are for the mouse).
      expect(await tabbable()).toEqual(['BABA']);
      await entries.getByRole('option').first().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-symbol'))).toBe(
        '0700.HK',
      );
      expect(await tabbable()).toEqual(['0700.HK']);
      // F2: the note, in a dialog that gives focus back to the entry.
      await page.keyboard.press('F2');
      const note = page.getByRole('dialog', { name: 'Note for 0700.HK' });
      await note.getByRole('textbox').fill('Tencent');
      await note.getByRole('button', { name: 'Save note' }).click();
      await note.waitFor({ state: 'detached' });
      await expect
        .poll(() => core.services.watchlists.get(list.id).entries.find((e) => e.symbol === '0700.HK')?.note)
        .toBe('Tencent');
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-symbol'))).toBe(
        '0700.HK',
      );
      // Tab leaves the list at once.
      await page.keyboard.press('Tab');
      expect(await entries.evaluate((ul) => ul.contains(document.activeElement))).toBe(false);
      // Delete removes the focused entry.
      await entries.getByRole('option').nth(1).focus();
      await page.keyboard.press('Delete');
      await expect
        .poll(() => core.services.watchlists.get(list.id).entries.map((e) => e.symbol))
        .toEqual(['BABA', '0700.HK']);
      // F2 on a section renames it in a dialog (no input inside the listbox), and focus comes back.
      core.services.watchlists.addSection(list.id, 'Hong Kong', 1);
      const section = entries.getByRole('option', { name: 'Section Hong Kong' });
      await section.focus();
      await page.keyboard.press('F2');
      const rename = page.getByRole('dialog', { name: 'Rename section Hong Kong' });
      expect(
        await rename.getByRole('textbox', { name: 'Section name' }).evaluate((el) => el === document.activeElement),
      ).toBe(true);
      expect(await entries.locator('input').count()).toBe(0);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('HK listings');
      await app.screenshot(`a11y-keyboard-section-rename-${size}`);
      await page.keyboard.press('Enter');
      await rename.waitFor({ state: 'detached' });
      await expect
        .poll(() => core.services.watchlists.get(list.id).entries.find((e) => e.kind === 'section')?.label)
        .toBe('HK listings');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Section HK listings');
      // Escape leaves the name as it was.
      await page.keyboard.press('F2');
      await page.keyboard.type(' changed');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: /^Rename section/ }).waitFor({ state: 'detached' });
      expect(core.services.watchlists.get(list.id).entries.find((e) => e.kind === 'section')?.label).toBe(
        'HK listings',
      );
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Section HK listings');
      core.services.watchlists.delete(list.id);
    });

    it('the claims list is one Tab stop: arrows move between claims, Tab reaches the focused claim’s controls', async () => {
      const { page } = app;
      await page.getByRole('tab', { name: 'Claims' }).click();
      const claims = page.getByTestId('claims-panel');
      await claims.locator('li.claim').first().waitFor();
      const stops = () => claims.locator('li.claim').evaluateAll((els) => els.map((e) => (e as HTMLElement).tabIndex));
      const n = (await stops()).length;
      expect(n).toBeGreaterThan(1);
      expect(await stops()).toEqual([0, ...Array<number>(n - 1).fill(-1)]);
      // Another claim's buttons are out of the tab order until it is focused.
      const innerStops = (i: number) =>
        claims
          .locator('li.claim')
          .nth(i)
          .evaluate(
            (li) =>
              [...li.querySelectorAll<HTMLElement>('button, summary, input, select')].filter((e) => e.tabIndex >= 0)
                .length,
          );
      expect(await innerStops(1)).toBe(0);
      await claims.locator('li.claim').first().focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Claim 2 of ${n}`);
      expect((await stops())[1]).toBe(0);
      expect(await innerStops(1)).toBeGreaterThan(0);
      expect(await innerStops(0)).toBe(0);
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Claim ${n} of ${n}`);
      await page.keyboard.press('Tab');
      const inLast = await claims
        .locator('li.claim')
        .last()
        .evaluate((li) => li.contains(document.activeElement) && li !== document.activeElement);
      expect(inLast).toBe(true);
      await app.screenshot(`a11y-keyboard-claims-${size}`);
      await page.getByRole('tab', { name: 'Events' }).click();
      expect(app.pageErrors).toEqual([]);
    });

    it('works the event-study heatmap as a grid: one Tab stop, the arrow keys, each cell named with its CAR, Enter charts it', async () => {
      const { page } = app;
      await page.getByRole('tab', { name: 'Event study', exact: true }).click();
      const view = page.getByTestId('event-study-view');
      const heat = view.getByTestId('event-heatmap');
      await heat.locator('button[data-event-id="qwen25-max-release"][data-symbol="BABA"]').waitFor();
      expect(await heat.getAttribute('role')).toBe('grid');
      const cells = await heat.locator('button[data-row]').count();
      expect(await heat.locator('button[data-row][tabindex="0"]').count()).toBe(1);
      expect(await heat.locator('button[data-row][tabindex="-1"]').count()).toBe(cells - 1);
      const at = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const inGrid = !!el?.closest('[data-testid="event-heatmap"]');
          return {
            inGrid,
            row: inGrid ? Number(el!.dataset.row) : -1,
            col: inGrid ? Number(el!.dataset.col) : -1,
            symbol: el?.dataset.symbol ?? '',
            eventId: el?.dataset.eventId ?? '',
            name: el?.getAttribute('aria-label') ?? '',
          };
        });
      // One Tab stop: from the control before the grid, Tab enters it once, the next Tab leaves it.
      await view.getByTestId('event-study-benchmark').focus();
      await page.keyboard.press('Tab');
      const entered = await at();
      expect(entered).toMatchObject({ inGrid: true, col: 1 });
      await page.keyboard.press('Tab');
      expect((await at()).inGrid).toBe(false);
      await page.keyboard.press('Shift+Tab');
      expect(await at()).toEqual(entered);
      // The arrow keys move cell by cell; Home and End to the row's ends, Ctrl+Home to the first cell.
      await page.keyboard.press('ArrowRight');
      expect(await at()).toMatchObject({ row: entered.row, col: 2 });
      await page.keyboard.press('ArrowDown');
      expect(await at()).toMatchObject({ row: entered.row + 1, col: 2 });
      await page.keyboard.press('End');
      const symbols = await heat.locator('thead th.heat-symbol').count();
      expect(await at()).toMatchObject({ row: entered.row + 1, col: symbols });
      await page.keyboard.press('Home');
      expect(await at()).toMatchObject({ row: entered.row + 1, col: 0 });
      await page.keyboard.press('Control+Home');
      expect(await at()).toMatchObject({ row: 0, col: 0 });
      // Walk to Qwen2.5-Max × BABA; its name carries the CAR [0, +5] the event study measures.
      const target = heat.locator('button[data-event-id="qwen25-max-release"][data-symbol="BABA"]');
      const row = Number(await target.getAttribute('data-row'));
      const col = Number(await target.getAttribute('data-col'));
      for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
      const here = await at();
      expect(here).toMatchObject({ eventId: 'qwen25-max-release', symbol: 'BABA' });
      const [measured] = (
        await app.core.services.eventStudy.run({
          eventId: 'qwen25-max-release',
          symbols: [asTicker('BABA')],
          windows: [[0, 5]],
        })
      ).rows;
      expect(here.name).toMatch(
        new RegExp(
          `, BABA: CAR \\[0, \\+5\\] ${escapeRegExp(formatPercent(measured!.carMarketModel!, { digits: 0 }))}(,|$)`,
        ),
      );
      expect(await heat.locator('button[data-row][tabindex="0"]').getAttribute('data-symbol')).toBe('BABA');
      await app.screenshot(`a11y-tour-${size}-heatmap-grid`);
      // Enter opens the chart at that event on that symbol.
      await page.keyboard.press('Enter');
      await page.locator(`${OVERLAY}[data-symbol="BABA"]`).waitFor();
      await expect.poll(() => page.locator(OVERLAY).getAttribute('data-selected-event')).toBe('qwen25-max-release');
      expect(app.pageErrors).toEqual([]);
    });
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
