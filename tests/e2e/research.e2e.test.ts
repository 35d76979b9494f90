import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { EMBEDDED_STUDY_ID } from '../../src/shared/contract/study';
import { formatPercent } from '../../src/shared/format';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const OVERLAY = '[data-testid="chart-annotations"]';

async function tab(page: Page, label: string) {
  await page.getByRole('tab', { name: label }).click();
}

async function markerIds(page: Page): Promise<string[]> {
  return page
    .locator(OVERLAY)
    .evaluate((el) => ((el as unknown as { dataset: Record<string, string> }).dataset.markerIds ?? '').split(' '));
}

interface Dataset {
  dataset: Record<string, string>;
}

async function overlayData(page: Page, key: string): Promise<string> {
  return page.locator(OVERLAY).evaluate((el, k) => (el as unknown as Dataset).dataset[k] ?? '', key);
}

/**
 * Moves the pointer onto an event's marker (it sits above its T0 session, stacked when several
 * share one): walks up from the marker's anchor until the tooltip names that event.
 */
async function hoverMarker(page: Page, eventId: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(OVERLAY).boundingBox())!;
  const anchors = JSON.parse(await overlayData(page, 'markerAnchors')) as Record<string, [number, number]>;
  const a = anchors[eventId];
  expect(a, `${eventId} has a marker on screen`).toBeDefined();
  for (let dy = 0; dy <= 90; dy += 3) {
    const at = { x: box.x + a![0], y: box.y + a![1] - dy };
    await page.mouse.move(at.x, at.y);
    // Read without auto-waiting: most steps have no tooltip yet.
    const shown = await page.evaluate(() =>
      document.querySelector('[data-testid="event-tooltip"]')?.getAttribute('data-event-id'),
    );
    if (shown === eventId) return at;
  }
  throw new Error(`no tooltip for ${eventId} near its marker`);
}

/**
 * From now on, records the text drawn on the chart's canvases: the price axis is canvas only,
 * so this is how a test reads its labels. Starts a fresh record on every call.
 */
async function recordCanvasText(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Drawn = { text: string; canvas: HTMLCanvasElement };
    const w = window as unknown as { __canvasText?: Drawn[] };
    if (!w.__canvasText) {
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
        w.__canvasText!.push({ text, canvas: this.canvas });
        if (max === undefined) fill.call(this, text, x, y);
        else fill.call(this, text, x, y, max);
      };
    }
    w.__canvasText = [];
  });
}

/** The distinct labels drawn on the price pane's axis (the narrow canvases right of the pane) since the record began. */
async function priceAxisText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __canvasText?: Array<{ text: string; canvas: HTMLCanvasElement }> };
    const chart = document.querySelector('[data-testid="price-chart"]')!.getBoundingClientRect();
    const texts = (w.__canvasText ?? []).filter(({ canvas }) => {
      const r = canvas.getBoundingClientRect();
      return r.left > chart.left + chart.width / 2 && r.width < chart.width / 4 && r.top < chart.top + chart.height / 2;
    });
    return [...new Set(texts.map((t) => t.text))];
  });
}

/** Moves the pointer over the price pane onto `date` (a session): a search by the date the comparison's legend reports. */
async function hoverSession(page: Page, date: string): Promise<void> {
  const box = (await page.locator(OVERLAY).boundingBox())!;
  const head = page.locator('[data-testid="compare-legend"] .compare-anchor');
  const y = box.y + box.height * 0.45;
  const at = async (x: number): Promise<string> => {
    await page.mouse.move(x, y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return /· at (\d{4}-\d{2}-\d{2})/.exec((await head.textContent()) ?? '')?.[1] ?? '';
  };
  let lo = box.x + 2;
  let hi = box.x + box.width * 0.85;
  for (let i = 0; i < 20 && hi - lo > 1; i++) {
    const mid = (lo + hi) / 2;
    const d = await at(mid);
    if (d === date) return;
    if (d !== '' && d < date) lo = mid;
    else hi = mid;
  }
  expect(await at(hi)).toBe(date);
}

describe('research: user events, the event study, claims a user can question', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-research-e2e-'));
  const dbPath = join(dir, 'research.db');
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ dbPath, core: { seedOnOpen: true } });
    await app.page.locator(`${OVERLAY}[data-symbol="HSTECH.HK"]`).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds, edits, hides and deletes events from the Events panel; they persist across a reload', async () => {
    const { page } = app;
    const panel = page.locator('[data-testid="events-panel"]');
    await panel.locator('[data-testid="add-event"]').click();
    const form = panel.locator('[data-testid="user-event-form"]');
    await form.locator('input[name="date"]').fill('2025-02-10');
    await form.locator('input[name="title"]').fill('My HSTECH note');
    await form.locator('textarea[name="note"]').fill('checked by hand');
    await form.getByRole('button', { name: 'Add event' }).click();
    const row = panel.locator('li[data-event-id="user-20250210-my-hstech-note"]');
    await row.waitFor();
    expect(await row.getAttribute('data-origin')).toBe('user');
    await expect.poll(() => markerIds(page)).toContain('user-20250210-my-hstech-note');
    expect(app.core.services.study.getEvent('user-20250210-my-hstech-note')).toMatchObject({
      studyId: EMBEDDED_STUDY_ID,
      symbols: ['HSTECH.HK'],
      summary: 'checked by hand',
      t0: { 'HSTECH.HK': '2025-02-10' },
    });
    await app.screenshot('research-user-event-added');

    // Edit from the panel.
    await row.locator('[data-testid="event-actions"]').getByRole('button', { name: 'Edit' }).click();
    const edit = row.locator('[data-testid="user-event-form"]');
    await edit.locator('input[name="title"]').fill('My HSTECH note (edited)');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.locator('.event-title').textContent()).toBe('My HSTECH note (edited)');

    // Hide a seeded event: listed, not drawn.
    const seeded = panel.locator('li[data-event-id="deepseek-r1-release"]');
    await seeded.locator('.event-row').click();
    await seeded.locator('[data-testid="event-actions"]').getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => seeded.getAttribute('data-hidden')).toBe('true');
    await expect.poll(() => markerIds(page)).not.toContain('deepseek-r1-release');

    // Reload: everything persisted.
    await page.reload();
    await page.locator(`${OVERLAY}[data-symbol="HSTECH.HK"]`).waitFor();
    await expect
      .poll(() => panel.locator('li[data-event-id="user-20250210-my-hstech-note"] .event-title').textContent())
      .toBe('My HSTECH note (edited)');
    expect(await panel.locator('li[data-event-id="deepseek-r1-release"]').getAttribute('data-hidden')).toBe('true');

    // Delete with undo, then delete for good.
    const again = panel.locator('li[data-event-id="user-20250210-my-hstech-note"]');
    await again.locator('.event-row').click();
    await again.locator('[data-testid="event-actions"]').getByRole('button', { name: 'Delete' }).click();
    await again.waitFor({ state: 'detached' });
    await panel.locator('[data-testid="undo-delete"]').getByRole('button', { name: 'Undo' }).click();
    await again.waitFor();
    await again.locator('.event-row').click();
    await again.locator('[data-testid="event-actions"]').getByRole('button', { name: 'Delete' }).click();
    await again.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator(`${OVERLAY}[data-symbol="HSTECH.HK"]`).waitFor();
    await panel.locator('li[data-event-id="qwen25-max-release"]').waitFor();
    expect(await panel.locator('li[data-event-id="user-20250210-my-hstech-note"]').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('adds an event from the chart: right-click menu, double-click, the E key and Shift+F10; edits and deletes it from its marker', async () => {
    const { page } = app;
    await page.locator(`${OVERLAY}[data-symbol="HSTECH.HK"]`).waitFor();
    const sessions = new Set(app.core.services.market.getBars(asTicker('HSTECH.HK')).map((b) => b.date as string));
    // After the reload of the test before, let the chart settle (data drawn, view restored):
    // a redraw clears the crosshair.
    await expect
      .poll(async () => Number(await overlayData(page, 'markerCount')), { timeout: 10_000 })
      .toBeGreaterThan(0);
    let view = '';
    await expect
      .poll(
        async () => {
          const before = view;
          await page.waitForTimeout(250);
          view = `${await overlayData(page, 'visibleFrom')} ${await overlayData(page, 'visibleTo')}`;
          return view === before;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const box = (await page.locator(OVERLAY).boundingBox())!;
    const menu = page.locator('[data-testid="chart-menu"]');
    const dialog = page.locator('[data-testid="chart-event-dialog"]');

    // Right-click on a session: the menu names it; "Add event here…" opens the form with it.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45);
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 4 });
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5, { button: 'right' });
    await menu.waitFor();
    const date = (await menu.getAttribute('data-date'))!;
    expect(sessions.has(date), `${date} is an HSTECH.HK session`).toBe(true);
    // The crosshair legend shows the same session the menu speaks of.
    await expect.poll(() => page.locator('[data-testid="chart-legend"]').getAttribute('data-date')).toBe(date);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await app.screenshot('research-chart-menu');
    await menu.getByRole('menuitem', { name: /Add event here/ }).click();
    await dialog.waitFor();
    expect(await menu.count()).toBe(0);
    expect(await dialog.locator('input[name="date"]').inputValue()).toBe(date);
    expect(await dialog.locator('input[name="symbols"]').inputValue()).toBe('HSTECH.HK');
    await dialog.locator('input[name="title"]').fill('Chart note');
    await dialog.locator('input[name="windowFrom"]').fill(date);
    await dialog.locator('input[name="windowTo"]').fill(date);
    await app.screenshot('research-chart-add-event');
    await dialog.getByRole('button', { name: 'Add event' }).click();
    await dialog.waitFor({ state: 'detached' });
    const id = `user-${date.replace(/-/g, '')}-chart-note`;
    await expect.poll(() => markerIds(page)).toContain(id);
    expect(app.core.services.study.getEvent(id)).toMatchObject({
      origin: 'user',
      studyId: EMBEDDED_STUDY_ID,
      symbols: ['HSTECH.HK'],
      window: { from: date, to: date },
      t0: { 'HSTECH.HK': date },
    });
    await expect.poll(() => overlayData(page, 'selectedEvent')).toBe(id);

    // Escape closes a menu without doing anything.
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6, { button: 'right' });
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // Double-click on a bare session opens the form at that session.
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.85, { steps: 4 });
    const dblDate = (await page.locator('[data-testid="chart-legend"]').getAttribute('data-date'))!;
    await page.mouse.dblclick(box.x + box.width * 0.25, box.y + box.height * 0.85);
    await dialog.waitFor();
    expect(await dialog.locator('input[name="date"]').inputValue()).toBe(dblDate);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The keyboard: E adds at the session under the crosshair …
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.7, { steps: 4 });
    const hereDate = (await page.locator('[data-testid="chart-legend"]').getAttribute('data-date'))!;
    await page.keyboard.press('e');
    await dialog.waitFor();
    expect(await dialog.locator('input[name="date"]').inputValue()).toBe(hereDate);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // … and Shift+F10 opens the menu there, focused, for arrow keys and Enter.
    await page.keyboard.press('Shift+F10');
    await menu.waitFor();
    expect(await menu.getAttribute('data-date')).toBe(hereDate);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.locator('input[name="date"]').inputValue()).toBe(hereDate);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Right-click on the new event's marker: edit it …
    let at = await hoverMarker(page, id);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await menu.getByRole('menuitem', { name: 'Edit “Chart note”…' }).click();
    await dialog.locator('input[name="title"]').fill('Chart note, edited');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => app.core.services.study.getEvent(id).title).toBe('Chart note, edited');
    // … delete it (with undo in the Events panel) …
    at = await hoverMarker(page, id);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await menu.getByRole('menuitem', { name: 'Delete “Chart note, edited”' }).click();
    await expect.poll(() => markerIds(page)).not.toContain(id);
    await page.locator('[data-testid="undo-delete"]').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => markerIds(page)).toContain(id);
    // Deleted for good through the service (the study's later checks count its events).
    app.core.services.userEvents.delete(id);
    await expect.poll(() => markerIds(page)).not.toContain(id);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('shows the event study under the selected event, and the Event study view with its heatmap', async () => {
    const { page } = app;
    const panel = page.locator('[data-testid="events-panel"]');
    const qwen = panel.locator('li[data-event-id="qwen25-max-release"]');
    await qwen.locator('.event-row').click();
    const table = qwen.locator('[data-testid="event-study-table"]');
    await table.locator('tr[data-symbol="9988.HK"]').waitFor();
    // [0, +1] on 9988.HK: 97.65 / 87.25 − 1 = +11.92 %.
    expect(await table.locator('tr[data-symbol="9988.HK"] td').first().textContent()).toContain('11.9');
    await app.screenshot('research-event-study-panel');

    // What the view asks the main process for: the whole study without CAR paths (they would make
    // its answer 2.5 times the size), the focused event with them.
    const router = app.core.router;
    const dispatch = router.dispatch.bind(router);
    const runs: Array<Record<string, unknown>> = [];
    router.dispatch = (channel, input, sender) => {
      if (channel === 'eventStudy.run') runs.push(input as Record<string, unknown>);
      return dispatch(channel, input, sender);
    };
    await tab(page, 'Event study');
    const view = page.locator('[data-testid="event-study-view"]');
    const heat = view.locator('[data-testid="event-heatmap"]');
    await heat.locator('button[data-event-id="qwen25-max-release"][data-symbol="BABA"]').waitFor();
    expect(await heat.locator('td.heat-cell').count()).toBe(30 * 12);
    const drawn = (
      await app.core.services.eventStudy.run({ eventId: 'qwen25-max-release', windows: [[0, 5]], paths: true })
    ).rows.filter((r) => (r.path?.length ?? 0) >= 2).length;
    expect(drawn).toBeGreaterThan(0);
    const studyRows = view.locator('[data-testid="event-study-rows"]');
    await expect.poll(() => studyRows.locator('td.path-col svg.car-spark').count()).toBe(drawn);
    router.dispatch = dispatch;
    expect(runs.filter((r) => r.studyId !== undefined)).toEqual([{ studyId: EMBEDDED_STUDY_ID }]);
    expect(runs.filter((r) => r.paths === true)).toEqual([
      expect.objectContaining({ eventId: 'qwen25-max-release', paths: true }),
    ]);
    await app.screenshot('research-event-study-heatmap');
    // The study's benchmark: one for every symbol, saved with the study; the views rerun.
    // 9988.HK is measured against ^HSI by default (a Hong Kong listing).
    const firstRow = view.locator('[data-testid="event-study-rows"] tbody tr[data-symbol="9988.HK"]');
    expect(await firstRow.getAttribute('title')).toContain('vs ^HSI');
    await view.getByTestId('event-study-benchmark').selectOption('^GSPC');
    // The whole study runs again (and the study reloads) on the change signal.
    await expect.poll(() => firstRow.getAttribute('title'), { timeout: 10_000 }).toContain('vs ^GSPC');
    expect(app.core.services.eventStudy.benchmarkOf(EMBEDDED_STUDY_ID)).toBe('^GSPC');
    await view.getByTestId('event-study-benchmark').selectOption('');
    await expect.poll(() => app.core.services.eventStudy.benchmarkOf(EMBEDDED_STUDY_ID)).toBeNull();
    await expect.poll(() => firstRow.getAttribute('title'), { timeout: 10_000 }).toContain('vs ^HSI');
    // A cell opens the chart at that event on that symbol.
    await heat.locator('button[data-event-id="qwen25-max-release"][data-symbol="BABA"]').click();
    await page.locator(`${OVERLAY}[data-symbol="BABA"]`).waitFor();
    await expect
      .poll(() =>
        page
          .locator(OVERLAY)
          .evaluate((el) => (el as unknown as { dataset: Record<string, string> }).dataset.selectedEvent),
      )
      .toBe('qwen25-max-release');
    // Sortable: by symbol ascending.
    const rows = view.locator('[data-testid="event-study-rows"]');
    await rows.getByRole('button', { name: /^Symbol/ }).click();
    const symbols = await rows.locator('tbody th').allTextContents();
    expect(symbols).toEqual([...symbols].sort());
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('research-event-study-heatmap-1024');
    // The table at 1024 × 700: every column it shows fits the side panel (none hidden to the
    // right); in the narrow panel the CAR path sits under each CAR instead of a column of its own.
    await rows.scrollIntoViewIfNeeded();
    const fit = await rows.evaluate((t) => {
      // What the side panel shows: its scrolling tab panel's box less its scrollbar.
      const panel = t.closest('[role="tabpanel"]')!;
      const box = { right: panel.getBoundingClientRect().left + panel.clientLeft + panel.clientWidth };
      const cells = [...t.querySelectorAll('thead th')]
        .map((c) => c.getBoundingClientRect())
        .filter((c) => c.width > 0);
      const sparks = [...t.querySelectorAll('tbody .car-spark')].filter((c) => c.getBoundingClientRect().width > 0);
      return {
        right: Math.max(...cells.map((c) => c.right)),
        panelRight: box.right,
        columns: cells.length,
        sparks: sparks.length,
      };
    });
    expect(fit).toMatchObject({ columns: 5, sparks: await rows.locator('tbody tr').count() });
    expect(fit.right).toBeLessThanOrEqual(fit.panelRight);
    await app.screenshot('research-event-study-table-1024');
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it("edits the study's windows in the Event study view: checked, saved with the study, rerun live", async () => {
    const { page } = app;
    await tab(page, 'Event study');
    const view = page.locator('[data-testid="event-study-view"]');
    const heat = view.locator('[data-testid="event-heatmap"]');
    await heat.locator('button[data-event-id="qwen25-max-release"][data-symbol="9988.HK"]').waitFor();
    const chips = async () =>
      view.locator('.window-chip').evaluateAll((els) => els.map((e) => e.getAttribute('data-window')));
    expect(await chips()).toEqual(['[-5, -1]', '[0, +1]', '[0, +5]', '[0, +20]']);
    const field = view.getByRole('textbox', { name: 'Window to add (sessions around T0, a:b)' });
    const add = view.getByRole('button', { name: 'Add window' });
    const help = view.locator('#event-study-window-help');
    // Refused before anything is saved: a reversed window, one already measured.
    await field.fill('5:1');
    await add.click();
    await expect.poll(() => help.textContent()).toContain('is not a window a:b with a ≤ b');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('0:+5');
    await field.press('Enter');
    await expect.poll(() => help.textContent()).toBe('[0, +5] is already measured.');
    expect(app.core.services.eventStudy.windowsOf(EMBEDDED_STUDY_ID)).toBeNull();
    // Added: saved with the study, the study reruns and the heatmap shows the new window.
    await field.fill('-10:+10');
    await field.press('Enter');
    await expect.poll(chips, { timeout: 10_000 }).toEqual(['[-10, +10]', '[-5, -1]', '[0, +1]', '[0, +5]', '[0, +20]']);
    expect(app.core.services.eventStudy.windowsOf(EMBEDDED_STUDY_ID)).toEqual([
      [-10, 10],
      [-5, -1],
      [0, 1],
      [0, 5],
      [0, 20],
    ]);
    expect(await field.inputValue()).toBe('');
    await expect
      .poll(() => view.locator('h3').first().textContent())
      .toBe('What moved when: CAR [-10, +10] by event and symbol');
    expect(await view.locator('.window-chip[data-window="[-10, +10]"] .chip').getAttribute('aria-pressed')).toBe(
      'true',
    );
    const [row] = (
      await app.core.services.eventStudy.run({
        eventId: 'qwen25-max-release',
        symbols: [asTicker('9988.HK')],
        windows: [[-10, 10]],
      })
    ).rows;
    const cell = heat.locator('button[data-event-id="qwen25-max-release"][data-symbol="9988.HK"]');
    await expect.poll(() => cell.textContent()).toMatch(new RegExp(`^${(row!.carMarketModel! * 100).toFixed(0)}\\**$`));
    await app.screenshot('research-event-study-windows');
    // Removed: saved at once.
    await view.getByRole('button', { name: 'Remove the window [0, +20]' }).click();
    await expect.poll(chips, { timeout: 10_000 }).toEqual(['[-10, +10]', '[-5, -1]', '[0, +1]', '[0, +5]']);
    expect(app.core.services.eventStudy.windowsOf(EMBEDDED_STUDY_ID)).toHaveLength(4);
    // Kept across a reload.
    await page.reload();
    await page.locator(`${OVERLAY}[data-symbol]`).waitFor();
    await tab(page, 'Event study');
    await expect.poll(chips, { timeout: 10_000 }).toEqual(['[-10, +10]', '[-5, -1]', '[0, +1]', '[0, +5]']);
    // Back to the defaults.
    await view.getByRole('button', { name: 'Use the defaults' }).click();
    await expect.poll(chips, { timeout: 10_000 }).toEqual(['[-5, -1]', '[0, +1]', '[0, +5]', '[0, +20]']);
    expect(app.core.services.eventStudy.windowsOf(EMBEDDED_STUDY_ID)).toBeNull();
    expect(app.pageErrors).toEqual([]);
  });

  it('a claim what-if changes the verdict, and reset restores it', async () => {
    const { page } = app;
    await tab(page, 'Claims');
    const claim = page.locator('li[data-claim-id="alibaba-50pct-after-qwen"]');
    const whatIf = claim.locator('[data-testid="claim-what-if"]');
    await whatIf.getByRole('button', { name: 'What if…' }).click();
    const hk = whatIf.locator('li.what-if-result[data-symbol="9988.HK"]');
    await expect.poll(() => hk.getAttribute('data-verdict')).toBe('holds');
    await whatIf.locator('input[type="number"]').first().fill('5');
    await expect.poll(() => hk.getAttribute('data-verdict')).toBe('fails');
    await app.screenshot('research-claim-what-if');
    await whatIf.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => hk.getAttribute('data-verdict')).toBe('holds');
    // HSTECH "nearly 30 %": holds on 12 of its 41 Feb–Mar sessions.
    const hstech = page.locator('li[data-claim-id="hstech-nearly-30-ytd"] [data-testid="claim-what-if"]');
    await hstech.getByRole('button', { name: 'What if…' }).click();
    await expect
      .poll(() => hstech.locator('[data-testid="sensitivity-summary"]').textContent())
      .toContain('Holds on 12 of 41 as-of dates');
    // Thresholds that contradict each other are refused with the reason: the holds band moved to
    // 30–40 % leaves the 25–35 % borderline band; widening that band to 45 % makes it valid again.
    await hstech.getByLabel('Holds from %').fill('30');
    await hstech.getByLabel('Holds to %', { exact: true }).fill('40');
    await expect
      .poll(() => hstech.locator('.form-error').textContent())
      .toContain('the borderline band must contain the holds band');
    expect(await hstech.locator('li.what-if-result').count()).toBe(0);
    await app.screenshot('research-claim-what-if-refused');
    await hstech.getByLabel('Borderline to %', { exact: true }).fill('45');
    await hstech.locator('li.what-if-result').first().waitFor();
    expect(await hstech.locator('.form-error').count()).toBe(0);
    await hstech.getByRole('button', { name: 'Reset' }).click();
    await expect
      .poll(() => hstech.locator('[data-testid="sensitivity-summary"]').textContent())
      .toContain('Holds on 12 of 41 as-of dates');
    // The P/E ratios are listed as not checkable from prices.
    const pe = page.locator('li[data-claim-id="index-pe-ratios"]');
    expect(await pe.locator('tr.claim-result[data-symbol="^HSI"]').getAttribute('data-verdict')).toBe('not-checkable');
    await app.screenshot('research-claims');
    // Clicking a claim's symbol charts it with the base and end marked, both in view.
    const alibaba = page.locator('li[data-claim-id="alibaba-50pct-after-qwen"] tr.claim-result[data-symbol="9988.HK"]');
    await alibaba.getByRole('button', { name: '9988.HK' }).click();
    await page.locator(`${OVERLAY}[data-symbol="9988.HK"]`).waitFor();
    const marks = page.locator('[data-testid="claim-marks"]');
    await marks.waitFor();
    const result = app.core.services.claims
      .evaluate(EMBEDDED_STUDY_ID)
      .find((c) => c.id === 'alibaba-50pct-after-qwen')!
      .results.find((r) => r.symbol === '9988.HK')!;
    expect(await marks.getAttribute('data-from')).toBe(result.from);
    expect(await marks.getAttribute('data-to')).toBe(result.to);
    await expect.poll(async () => (await overlayData(page, 'visibleFrom')) <= result.from!).toBe(true);
    await expect.poll(async () => (await overlayData(page, 'visibleTo')) >= result.to!).toBe(true);
    await app.screenshot('research-claim-marks');
    await marks.getByRole('button', { name: 'Clear the claim marks' }).click();
    await marks.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });

  it('compares the universe at an event (rebased to 100)', async () => {
    const { page } = app;
    await tab(page, 'Events');
    const qwen = page.locator('[data-testid="events-panel"] li[data-event-id="qwen25-max-release"]');
    if (!(await qwen.locator('[data-testid="event-actions"]').count())) await qwen.locator('.event-row').click();
    await recordCanvasText(page);
    await qwen.getByRole('button', { name: 'Compare at this event' }).click();
    await expect.poll(() => page.locator('.chart-title .instrument-meta').first().textContent()).toBe('rebased to 100');
    const title = await page.locator('.chart-title h1').textContent();
    expect(title!.split(' · ').length).toBeGreaterThanOrEqual(3);
    // The legend: each series' colour, currency and change since the anchor.
    const legend = page.locator('[data-testid="compare-legend"]');
    await legend.waitFor();
    expect(JSON.parse((await legend.getAttribute('data-anchor'))!)).toEqual({
      kind: 'event',
      eventId: 'qwen25-max-release',
    });
    const items = legend.locator('li[data-change]');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    expect(await legend.locator('li[data-symbol="9988.HK"] .compare-ccy').textContent()).toBe('HKD');
    // Each series since its T0 (9988.HK: 2025-02-03, BABA: 2025-01-28) to its last cached close:
    // exactly what `catalyst compare` prints (one shared rebasing).
    const cli = (currency?: string) =>
      app.core.services.compare.compare({
        symbols: [asTicker('9988.HK'), asTicker('BABA')],
        anchor: { eventId: 'qwen25-max-release' },
        ...(currency ? { currency } : {}),
      });
    const changeOf = async (symbol: string) =>
      Number(await legend.locator(`li[data-symbol="${symbol}"]`).getAttribute('data-change'));
    const [hk, us] = cli();
    expect(hk!.anchorDate).toBe('2025-02-03');
    expect(us!.anchorDate).toBe('2025-01-28');
    expect(await changeOf('9988.HK')).toBeCloseTo(hk!.points.at(-1)!.value / 100 - 1, 9);
    expect(await changeOf('BABA')).toBeCloseTo(us!.points.at(-1)!.value / 100 - 1, 9);
    // A percent scale: the axis labels the change since the anchor (0% = 100 = the anchor), not the rebased values.
    const percent = /^[+-]?\d+(\.\d+)?%$/;
    await expect.poll(() => priceAxisText(page)).toContainEqual(expect.stringMatching(/^0(\.0+)?%$/));
    const labels = await priceAxisText(page);
    expect(labels.filter((l) => !percent.test(l))).toEqual([]);
    expect(labels.some((l) => l.startsWith('+')) && labels.some((l) => l.startsWith('-'))).toBe(true);
    // The legend at the crosshair: on 2025-02-04 each series shows that session's rebased value, as
    // `catalyst compare` prints it (BABA's last session on or before it, on its own calendar).
    await hoverSession(page, '2025-02-04');
    for (const s of [hk!, us!]) {
      const value = s.points.filter((p) => p.date <= '2025-02-04').at(-1)!.value;
      const item = legend.locator(`li[data-symbol="${s.symbol}"]`);
      expect(Number(await item.getAttribute('data-at-crosshair'))).toBeCloseTo(value / 100 - 1, 9);
      expect(await item.locator('.compare-now').textContent()).toBe(formatPercent(value / 100 - 1));
    }
    expect(hk!.points.find((p) => p.date === '2025-02-04')!.value).toBeCloseTo((100 * 97.65) / 94, 9);
    // The Events panel speaks of the comparison (it marks no event), not of its first symbol.
    const count = page.locator('[data-testid="events-panel"] .events-count');
    await expect.poll(() => count.textContent()).toMatch(/; the comparison of .*9988\.HK.* marks none$/);
    expect(await count.textContent()).not.toContain('marked on');
    expect(await page.locator('[data-testid="events-panel"] .event-when', { hasText: 'not marked on' }).count()).toBe(
      0,
    );
    await app.screenshot('research-compare');
    // The log option keeps the percent labels (the line keeps its rebased values: 100 = the anchor).
    const log = page.getByRole('button', { name: 'Log', exact: true });
    await recordCanvasText(page);
    await log.click();
    expect(await log.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await priceAxisText(page)).filter((l) => percent.test(l)).length).toBeGreaterThan(2);
    expect((await priceAxisText(page)).filter((l) => !percent.test(l))).toEqual([]);
    await app.screenshot('research-compare-log');
    await log.click();
    expect(await log.getAttribute('aria-pressed')).toBe('false');
    // One currency for all: offered once the HKD=X rates are cached.
    const currency = legend.getByRole('combobox', { name: 'Currency of the comparison' });
    expect(await currency.count()).toBe(0);
    const rates = app.core.services.market
      .getBars(asTicker('BABA'))
      .map((b, i) => `${b.date},${(7.8 - (0.05 * i) / 400).toFixed(4)}`);
    app.core.services.market.importBarsCsv(asTicker('HKD=X'), ['date,close', ...rates].join('\n'), {
      fileName: 'HKD=X.csv',
    });
    await currency.selectOption('USD');
    await expect
      .poll(() => legend.locator('li[data-symbol="9988.HK"] .compare-ccy').textContent(), { timeout: 10_000 })
      .toBe('USD (from HKD)');
    const [hkUsd, usUsd] = cli('USD');
    expect(hkUsd!.convertedFrom).toBe('HKD');
    await expect
      .poll(() => changeOf('9988.HK'), { timeout: 10_000 })
      .toBeCloseTo(hkUsd!.points.at(-1)!.value / 100 - 1, 9);
    expect(hkUsd!.points.at(-1)!.value).not.toBeCloseTo(hk!.points.at(-1)!.value, 3);
    expect(await changeOf('BABA')).toBeCloseTo(usUsd!.points.at(-1)!.value / 100 - 1, 9);
    expect(await legend.locator('li[data-symbol="BABA"] .compare-ccy').textContent()).toBe('USD');
    await app.screenshot('research-compare-usd');
    await currency.selectOption('');
    await expect
      .poll(() => legend.locator('li[data-symbol="9988.HK"] .compare-ccy').textContent(), { timeout: 10_000 })
      .toBe('HKD');
    // Ctrl-click in the sidebar adds a symbol to the comparison.
    await page.locator('[data-testid="study-universe"] button[data-symbol="^HSI"]').click({ modifiers: ['Control'] });
    await legend.locator('li[data-symbol="^HSI"]').waitFor();
    expect(await page.locator('.chart-title h1').textContent()).toContain('^HSI');
    // "Compare with…" (View ▸ Compare…, Ctrl/Cmd+K: the native menu sends app.command) searches
    // the cached instruments and adds one.
    app.core.push.emit('app.command', { command: 'view.compare' });
    const search = page.locator('[data-testid="compare-search"]');
    await search.getByRole('searchbox', { name: 'Search instruments' }).fill('S&P');
    expect(await search.locator('button[data-symbol]').allTextContents()).toEqual([expect.stringContaining('^GSPC')]);
    await page.keyboard.press('Enter');
    await search.waitFor({ state: 'detached' });
    await legend.locator('li[data-symbol="^GSPC"]').waitFor();
    // The legend's × takes a series out; a Ctrl-click in a watchlist adds one, as in the study's list.
    await legend.getByRole('button', { name: 'Remove ^HSI from the comparison' }).click();
    await legend.locator('li[data-symbol="^HSI"]').waitFor({ state: 'detached' });
    const list = app.core.services.watchlists.create('To compare');
    app.core.services.watchlists.addItem(list.id, '0700.HK');
    const tencent = page.locator('.wl-item[data-symbol="0700.HK"] .wl-item-main');
    await tencent.click({ modifiers: ['Control'] });
    await legend.locator('li[data-symbol="0700.HK"]').waitFor();
    expect(await page.locator('.chart-title h1').textContent()).toContain('0700.HK');
    // Selecting another event moves the anchor there.
    const other = page.locator('[data-testid="events-panel"] li[data-event-id="deepseek-r1-release"] .event-row');
    await other.click();
    await expect
      .poll(async () => JSON.parse((await legend.getAttribute('data-anchor'))!).eventId)
      .toBe('deepseek-r1-release');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('research-compare-1024');
    await page.setViewportSize({ width: 1400, height: 860 });
    expect(app.pageErrors).toEqual([]);
  });
});
