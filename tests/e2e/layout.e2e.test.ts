import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasHasDrawing,
  launchRendererWithMainServices,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';

const CHART = '[data-testid="price-chart"]';

// Structural types for the page-side callbacks: this file is type-checked without the DOM lib.
interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
}
interface BoxElement {
  getBoundingClientRect(): Box;
  readonly hidden?: boolean;
}
interface PixelCanvas extends BoxElement {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Where things are on the page, in CSS px. */
async function geometry(page: Page) {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document;
    const q = (sel: string) =>
      (globalThis as unknown as { document: { querySelector(s: string): BoxElement | null } }).document.querySelector(
        sel,
      );
    const all = (sel: string) => [
      ...(
        globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<PixelCanvas> } }
      ).document.querySelectorAll(sel),
    ];
    const box = (sel: string) => {
      const el = q(sel);
      if (!el || el.hidden) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    };
    // The price axis is the chart's right-most canvas; its labels make it more than one colour.
    const canvases = all('[data-testid="price-chart"] canvas').filter((c) => c.getBoundingClientRect().width > 0);
    const axis = canvases.reduce<PixelCanvas | null>(
      (best, c) => (!best || c.getBoundingClientRect().right > best.getBoundingClientRect().right ? c : best),
      null,
    );
    let axisColours = 0;
    if (axis && axis.width && axis.height) {
      const data = axis.getContext('2d')!.getImageData(0, 0, axis.width, axis.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      axisColours = seen.size;
    }
    return {
      scrollWidth: doc.documentElement.scrollWidth,
      clientWidth: doc.documentElement.clientWidth,
      chartArea: box('.chart-area'),
      chart: box('[data-testid="price-chart"]'),
      sidebar: box('[data-testid="sidebar"]'),
      details: box('[data-testid="details-panel"]'),
      canvasesRight: Math.max(...canvases.map((c) => c.getBoundingClientRect().right)),
      canvasesLeft: Math.min(...canvases.map((c) => c.getBoundingClientRect().left)),
      axis: axis ? { left: axis.getBoundingClientRect().left, right: axis.getBoundingClientRect().right } : null,
      axisColours,
      toggles: all('[data-panel-toggle]').map((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    };
  });
}

/** The chart fills the room between the panels, whole: nothing clipped, nothing scrolls sideways. */
async function expectChartFits(page: Page, width: number) {
  await expect
    .poll(async () => {
      const g = await geometry(page);
      return Math.abs(g.canvasesRight - g.chart!.right) < 1.5 && Math.abs(g.canvasesLeft - g.chart!.left) < 1.5;
    })
    .toBe(true);
  const g = await geometry(page);
  expect(g.scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(g.clientWidth);
  expect(g.clientWidth).toBe(width);
  if (g.details) expect(g.chart!.right).toBeLessThanOrEqual(g.details.left + 0.5);
  else expect(g.chart!.right).toBeLessThanOrEqual(width);
  if (g.sidebar) expect(g.chart!.left).toBeGreaterThanOrEqual(g.sidebar.right - 0.5);
  // Both panel toggles stay on screen, whatever the study header's length.
  expect(g.toggles).toHaveLength(2);
  for (const t of g.toggles) {
    expect(t.left).toBeGreaterThanOrEqual(0);
    expect(t.right).toBeLessThanOrEqual(width);
  }
  // The price axis is on screen and inside the chart area, with its labels drawn.
  expect(g.axis).not.toBeNull();
  expect(g.axis!.right).toBeLessThanOrEqual(g.chartArea!.right + 0.5);
  expect(g.axis!.right - g.axis!.left).toBeGreaterThan(30);
  expect(g.axisColours).toBeGreaterThan(3);
  return g;
}

describe('a layout that resizes', () => {
  let app: RendererWithMainServices;
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-layout-e2e-'));

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ dbPath: join(dir, 'layout.db'), core: { seedOnOpen: true } });
    await app.page.locator('[data-testid="chart-annotations"][data-symbol="HSTECH.HK"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fits the chart between the panels at 1400, 1024, 960, 1920 and 2560 px wide', async () => {
    const { page } = app;
    await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);
    const widths: Record<number, number> = {};
    for (const [w, h] of [
      [1400, 860],
      [1024, 700],
      [960, 640],
      [1920, 1080],
      [2560, 1440],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      const g = await expectChartFits(page, w);
      widths[w] = g.chart!.width;
      await app.screenshot(`layout-${w}x${h}`);
    }
    // The chart shrinks and grows with the window; in a narrow one the panels give way first.
    expect(widths[1024]!).toBeLessThan(widths[1400]!);
    expect(widths[960]!).toBeLessThan(widths[1024]!);
    expect(widths[1920]!).toBeGreaterThan(widths[1400]!);
    expect(widths[2560]!).toBeGreaterThan(widths[1920]!);
    expect(widths[960]!).toBeGreaterThanOrEqual(440);
    expect(widths[1024]!).toBeGreaterThanOrEqual(1024 / 2 - 2);
  });

  it('at 1024×700 the side tabs scroll (none wrapped or cut off) and the sidebar’s figures are whole', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await expectChartFits(page, 1024);
    const tabs = () =>
      page.locator('[role="tablist"][aria-label="Details"]').evaluate((strip) => {
        const s = strip.getBoundingClientRect();
        const items = [...strip.querySelectorAll('[role="tab"]')].map((t) => {
          const r = t.getBoundingClientRect();
          return {
            name: t.textContent,
            left: r.left,
            right: r.right,
            height: r.height,
            selected: t.getAttribute('aria-selected'),
          };
        });
        return {
          left: s.left,
          right: s.right,
          scrollWidth: strip.scrollWidth,
          clientWidth: strip.clientWidth,
          items,
          overflowX: getComputedStyle(strip).overflowX,
        };
      });
    const before = await tabs();
    // More tabs than room: the strip scrolls sideways, every tab one line high.
    expect(before.scrollWidth).toBeGreaterThan(before.clientWidth);
    expect(before.overflowX).toBe('auto');
    const heights = new Set(before.items.map((t) => Math.round(t.height)));
    expect(heights.size).toBe(1);
    // The keyboard reaches the last tab and it scrolls into view, whole.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await tabs()).items.at(-1)!.selected).toBe('true');
    const after = await tabs();
    const last = after.items.at(-1)!;
    expect(last.right).toBeLessThanOrEqual(after.right + 0.5);
    expect(last.left).toBeGreaterThanOrEqual(after.left - 0.5);
    await app.screenshot('layout-1024x700-last-tab');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await tabs()).items[0]!.selected).toBe('true');
    expect((await tabs()).items[0]!.left).toBeGreaterThanOrEqual(after.left - 0.5);

    // Every row of the sidebar shows its symbol, close and change inside the row, uncut.
    const rows = await page.locator('[data-testid="sidebar"] button.instrument').evaluateAll((buttons) =>
      buttons.map((b) => {
        const r = b.getBoundingClientRect();
        const part = (sel: string) => {
          const el = b.querySelector(sel);
          if (!el) return null;
          const p = el.getBoundingClientRect();
          return { left: p.left, right: p.right, top: p.top, clipped: el.scrollWidth > el.clientWidth + 1 };
        };
        return {
          symbol: b.getAttribute('data-symbol'),
          left: r.left,
          right: r.right,
          last: part('.last'),
          change: part('.change'),
          asof: part('.asof'),
          sym: part('.symbol'),
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      for (const p of [row.last, row.change, row.asof]) {
        if (!p) continue;
        expect(p.right, row.symbol!).toBeLessThanOrEqual(row.right - 4);
        expect(p.clipped, row.symbol!).toBe(false);
      }
      expect(row.sym!.clipped, `${row.symbol} symbol`).toBe(false);
    }
    await app.screenshot('layout-1024x700-sidebar');
  });

  it('collapses and restores both panels, by button and by the View menu’s commands', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const before = await expectChartFits(page, 1024);

    await page.getByRole('button', { name: 'Hide instruments panel' }).click();
    await expect.poll(async () => (await geometry(page)).sidebar).toBeNull();
    // View ▸ Toggle Details Panel (Ctrl/Cmd+Alt+B): the native menu sends app.command.
    app.core.push.emit('app.command', { command: 'view.toggleDetails' });
    await expect.poll(async () => (await geometry(page)).details).toBeNull();
    const both = await expectChartFits(page, 1024);
    expect(both.chart!.left).toBeLessThanOrEqual(1);
    expect(both.chart!.right).toBeGreaterThanOrEqual(1023);
    await app.screenshot('layout-1024-panels-collapsed');

    app.core.push.emit('app.command', { command: 'view.toggleSidebar' });
    await expect.poll(async () => (await geometry(page)).sidebar).not.toBeNull();
    await page.getByRole('button', { name: 'Show details panel' }).click();
    await expect.poll(async () => (await geometry(page)).details).not.toBeNull();
    const restored = await expectChartFits(page, 1024);
    expect(restored.chart!.width).toBeCloseTo(before.chart!.width, 0);
  });

  it('resizes a panel by dragging its edge and remembers the width after a reload', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1400, height: 860 });
    const before = await expectChartFits(page, 1400);
    const handle = page.getByRole('separator', { name: 'Instruments panel width' });
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 2 + 40, h.y + h.height / 2, { steps: 4 });
    await page.mouse.move(h.x + h.width / 2 + 80, h.y + h.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(async () => Math.round((await geometry(page)).sidebar!.width))
      .toBe(Math.round(before.sidebar!.width + 80));
    // The details panel narrows from the keyboard too.
    await page.getByRole('separator', { name: 'Details panel width' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => Math.round((await geometry(page)).details!.width))
      .toBe(Math.round(before.details!.width - 16));
    const after = await expectChartFits(page, 1400);
    expect(after.chart!.width).toBeCloseTo(before.chart!.width - 80 + 16, 0);

    // The workspace is saved to the database shortly after the last change (a drag sends many):
    // wait for that save, as a user's next launch would find it, then reload.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const env = await window.catalyst!.workspace.get();
          const w = env.ok ? env.value : {};
          return [w.panels?.sidebar?.width, w.panels?.details?.width].map((n) => Math.round(n ?? 0));
        }),
      )
      .toEqual([Math.round(before.sidebar!.width + 80), Math.round(before.details!.width - 16)]);
    await page.reload();
    await page.locator('[data-testid="chart-annotations"]').waitFor();
    await expect
      .poll(async () => Math.round((await geometry(page)).sidebar!.width))
      .toBe(Math.round(before.sidebar!.width + 80));
    expect(Math.round((await geometry(page)).details!.width)).toBe(Math.round(before.details!.width - 16));
    await expectChartFits(page, 1400);
    await app.screenshot('layout-1400-resized-panels');
  });

  it('logged no console errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
