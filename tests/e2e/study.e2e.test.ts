import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { EMBEDDED_STUDY_ID } from '../../src/shared/contract/study';
import type { StudyDetail } from '../../src/shared/domain/study';
import {
  canvasHasDrawing,
  launchRendererWithMainServices,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';

const CHART = '[data-testid="price-chart"]';
const OVERLAY = '[data-testid="chart-annotations"]';

// Structural types for the page-side callbacks: this file is type-checked without the DOM lib.
interface DatasetElement {
  readonly dataset: Record<string, string | undefined>;
}
interface PixelCanvas {
  readonly width: number;
  readonly height: number;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number };
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** The overlay's view of the chart: markers it holds, their anchors, selection, visible dates. */
async function chartState(page: Page) {
  return page.locator(OVERLAY).evaluate((el) => {
    const d = (el as unknown as DatasetElement).dataset;
    return {
      symbol: d.symbol ?? '',
      seriesType: d.seriesType ?? '',
      markerCount: Number(d.markerCount),
      markerIds: (d.markerIds ?? '').split(' ').filter(Boolean),
      anchors: JSON.parse(d.markerAnchors ?? '{}') as Record<string, [number, number]>,
      selected: d.selectedEvent ?? '',
      selectedT0: d.selectedT0 ?? '',
      visibleFrom: d.visibleFrom ?? '',
      visibleTo: d.visibleTo ?? '',
    };
  });
}

async function waitForChart(page: Page, symbol: string) {
  await page.locator(`${OVERLAY}[data-symbol="${symbol}"]`).waitFor();
  await expect.poll(async () => (await chartState(page)).markerCount, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => canvasHasDrawing(page, CHART)).toBe(true);
}

/** The colour drawn on the chart's canvases at a page point (the lowest opaque layer), as #rrggbb. */
async function chartPixel(page: Page, x: number, y: number): Promise<string | null> {
  return page.$$eval(
    `${CHART} canvas`,
    (canvases, [px, py]) => {
      for (const c of canvases as unknown as PixelCanvas[]) {
        const r = c.getBoundingClientRect();
        if (px < r.left || px >= r.right || py < r.top || py >= r.bottom) continue;
        const d = c
          .getContext('2d')!
          .getImageData(
            Math.floor(((px - r.left) * c.width) / r.width),
            Math.floor(((py - r.top) * c.height) / r.height),
            1,
            1,
          ).data;
        if (d[3] === 0) continue;
        return `#${[d[0], d[1], d[2]].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
      }
      return null;
    },
    [x, y] as const,
  );
}

/**
 * Moves the pointer onto an event's marker: markers sit above the T0 bar (stacked when several
 * events share a session), so walk up from the bar's top until the tooltip shows that event.
 */
async function hoverMarker(page: Page, eventId: string): Promise<Locator> {
  const box = (await page.locator(OVERLAY).boundingBox())!;
  const tooltip = page.locator('[data-testid="event-tooltip"]');
  for (let attempt = 0; attempt < 3; attempt++) {
    const { anchors } = await chartState(page);
    const a = anchors[eventId];
    expect(a, `${eventId} has a marker on screen`).toBeDefined();
    for (let dy = 4; dy <= 90; dy += 3) {
      await page.mouse.move(box.x + a![0], box.y + a![1] - dy);
      if ((await tooltip.getAttribute('data-event-id').catch(() => null)) === eventId) return tooltip;
    }
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
  }
  throw new Error(`no tooltip for ${eventId} near its marker`);
}

describe('the embedded study "China tech rally 2025" in the app', () => {
  let app: RendererWithMainServices;
  let study: StudyDetail;
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-study-e2e-'));
  const dbPath = join(dir, 'first-launch.db');

  beforeAll(async () => {
    expect(existsSync(dbPath)).toBe(false);
    app = await launchRendererWithMainServices({ dbPath, core: { seedOnOpen: true } });
    study = app.core.services.study.getStudy(EMBEDDED_STUDY_ID);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const concerning = (symbol: string) =>
    study.events.filter((e) => e.symbols.includes(asTicker(symbol)) && e.t0[symbol]);
  const event = (id: string) => study.events.find((e) => e.id === id)!;

  it('opens on the study over an empty database: title, source, universe, HSTECH as a line with its event markers', async () => {
    const { page } = app;
    await waitForChart(page, 'HSTECH.HK');
    await expect
      .poll(() => page.locator('[data-testid="study-header"]').textContent())
      .toContain('China tech rally 2025');
    expect(await page.locator('[data-testid="study-header"]').textContent()).toContain(
      'Why China tech stocks are up 30% in 2025',
    );
    const universe = page.locator('[data-testid="study-universe"]');
    for (const u of study.universe) await universe.locator(`[data-symbol="${u.symbol}"]`).waitFor();
    expect(await universe.getByRole('heading').allTextContents()).toEqual(['Subjects', 'Benchmarks']);

    const state = await chartState(page);
    expect(state.seriesType).toBe('Line');
    // Every event concerning HSTECH.HK with a T0 in the cache is a marker, with the event id as marker id.
    expect([...state.markerIds].sort()).toEqual(
      concerning('HSTECH.HK')
        .map((e) => e.id)
        .sort(),
    );
    expect(state.markerCount).toBe(state.markerIds.length);
    // The first view fits the events: the earliest and latest T0 are both visible.
    const t0s = concerning('HSTECH.HK')
      .map((e) => e.t0['HSTECH.HK']!)
      .sort();
    expect(state.visibleFrom <= t0s[0]!).toBe(true);
    expect(state.visibleTo >= t0s.at(-1)!).toBe(true);
    await app.screenshot('study-first-launch');
  });

  it('shows the article’s exact quote when a marker is hovered', async () => {
    const { page } = app;
    const r1 = event('deepseek-r1-release');
    const tooltip = await hoverMarker(page, r1.id);
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain(r1.source.quote!);
    expect(text).toContain(r1.title);
    expect(text).toContain('2025-01-20');
    expect(text).toContain('AI');
    expect(text).toContain('The Fifth Person');
    await app.screenshot('study-hover-marker');
  });

  it('says "approximate" for an approximate event', async () => {
    const { page } = app;
    const approx = concerning('HSTECH.HK').find((e) => e.approximate)!;
    const tooltip = await hoverMarker(page, approx.id);
    expect(await tooltip.textContent()).toContain(`approximate: ${approx.approxNote}`);
    await app.screenshot('study-hover-approximate');
  });

  it('selects and centres an event when its marker is clicked', async () => {
    const { page } = app;
    const r1 = event('deepseek-r1-release');
    await hoverMarker(page, r1.id);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => (await chartState(page)).selected).toBe(r1.id);
    const box = (await page.locator(OVERLAY).boundingBox())!;
    await expect
      .poll(async () => Math.abs((await chartState(page)).anchors[r1.id]![0] - box.width / 2) / box.width, {
        timeout: 5000,
      })
      .toBeLessThan(0.08);
    const row = page.locator(`[data-testid="events-panel"] [data-event-id="${r1.id}"] .event-row`);
    expect(await row.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await app.screenshot('study-event-selected');
  });

  it('moves between events with ] and [ and announces each one', async () => {
    const { page } = app;
    const ordered = concerning('HSTECH.HK').sort((a, b) => a.t0['HSTECH.HK']!.localeCompare(b.t0['HSTECH.HK']!));
    const before = (await chartState(page)).selected;
    await page.keyboard.press(']');
    await expect.poll(async () => (await chartState(page)).selected).not.toBe(before);
    const next = (await chartState(page)).selected;
    expect(ordered.findIndex((e) => e.id === next)).toBeGreaterThanOrEqual(ordered.findIndex((e) => e.id === before));
    await expect.poll(() => page.locator('[data-testid="event-announcer"]').textContent()).toContain(event(next).title);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(async () => (await chartState(page)).selected).toBe(before);
  });

  it('filters the events panel and the markers by category', async () => {
    const { page } = app;
    const panel = page.locator('[data-testid="events-panel"]');
    const policy = study.events.filter((e) => e.category === 'policy');
    expect(policy.length).toBeGreaterThan(0);
    expect(await panel.locator('li[data-category="policy"]').count()).toBe(policy.length);
    await panel.locator('button[data-category="policy"]').click();
    await expect.poll(() => panel.locator('li[data-category="policy"]').count()).toBe(0);
    expect(await panel.locator('li[data-event-id]').count()).toBe(study.events.length - policy.length);
    const state = await chartState(page);
    expect(state.markerIds.some((id) => event(id).category === 'policy')).toBe(false);
    expect(state.markerCount).toBe(concerning('HSTECH.HK').filter((e) => e.category !== 'policy').length);
    await app.screenshot('study-events-filtered');
    await panel.locator('button[data-category="policy"]').click();
    await expect.poll(async () => (await chartState(page)).markerCount).toBe(concerning('HSTECH.HK').length);
  });

  it('centres the chart on an event selected in the events panel, at its T0 for the charted symbol', async () => {
    const { page } = app;
    await page.locator('[data-testid="study-universe"] [data-symbol="9988.HK"]').click();
    await waitForChart(page, '9988.HK');
    expect((await chartState(page)).seriesType).toBe('Candlestick');
    // Qwen2.5-Max: 23:00 Beijing on 2025-01-28, after Hong Kong's half-day close, and HK shut 29–31 Jan.
    await page.locator('[data-testid="events-panel"] [data-event-id="qwen25-max-release"] .event-row').click();
    await expect.poll(async () => (await chartState(page)).selectedT0).toBe('2025-02-03');
    const box = (await page.locator(OVERLAY).boundingBox())!;
    await expect
      .poll(
        async () =>
          Math.abs(((await chartState(page)).anchors['qwen25-max-release']?.[0] ?? -1e6) - box.width / 2) / box.width,
      )
      .toBeLessThan(0.08);
    expect(
      await page.locator('[data-testid="events-panel"] [data-event-id="qwen25-max-release"]').textContent(),
    ).toContain(event('qwen25-max-release').source.quote!);
    // With the pointer away the legend rests on the selected event's T0 …
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await expect.poll(() => page.locator('[data-testid="chart-legend"]').getAttribute('data-date')).toBe('2025-02-03');
    // … and the post-event window (T0 … T0+5 sessions) is shaded behind the candles, over the white background.
    const a = (await chartState(page)).anchors['qwen25-max-release']!;
    await expect.poll(() => chartPixel(page, box.x + a[0] + 6, box.y + 4)).not.toBe('#ffffff');
    const outside = await Promise.all([40, 60, 80, 100].map((dx) => chartPixel(page, box.x + a[0] - dx, box.y + 4)));
    expect(outside).toContain('#ffffff');
    // The legend follows the crosshair: on the T0 session it shows that date.
    await page.mouse.move(box.x + a[0], box.y + a[1] + 30);
    await expect.poll(() => page.locator('[data-testid="chart-legend"]').getAttribute('data-date')).toBe('2025-02-03');
    await app.screenshot('study-9988-qwen');
    // The 2025-01-28 half-day placeholder is a gap: the legend flags it instead of a price.
    // Its x comes from two markers whose sessions are a known number of bars apart.
    const dates = app.core.services.market.getBars(asTicker('9988.HK')).map((b) => b.date as string);
    const anchors = (await chartState(page)).anchors;
    const r1 = anchors['deepseek-r1-release']!;
    const spacing = (a[0] - r1[0]) / (dates.indexOf('2025-02-03') - dates.indexOf('2025-01-20'));
    await page.mouse.move(
      box.x + a[0] - spacing * (dates.indexOf('2025-02-03') - dates.indexOf('2025-01-28')),
      box.y + a[1] + 30,
    );
    const legend = page.locator('[data-testid="chart-legend"]');
    await expect.poll(() => legend.getAttribute('data-date')).toBe('2025-01-28');
    expect(await legend.textContent()).toContain('half-day placeholder');
    // On the New York listing the same release lands inside the 28 Jan session.
    await page.locator('[data-testid="study-universe"] [data-symbol="BABA"]').click();
    await waitForChart(page, 'BABA');
    await expect.poll(async () => (await chartState(page)).selectedT0).toBe('2025-01-28');
    await app.screenshot('study-baba-qwen');
  });

  it('draws the line and window of a selected event that does not concern the charted symbol, at its T0 there', async () => {
    const { page } = app;
    // BYD's "God's Eye" launch concerns 1211.HK only. 19:30 Beijing on 2025-02-10 is 06:30 in
    // New York, before that day's close: on the BABA chart it lands on 2025-02-10 (asked of the
    // study service through events.t0; on 1211.HK, after the Hong Kong close, it is 2025-02-11).
    await page.locator('[data-testid="events-panel"] [data-event-id="byd-gods-eye"] .event-row').click();
    await expect.poll(async () => (await chartState(page)).selected).toBe('byd-gods-eye');
    const state = await chartState(page);
    expect(state.selectedT0).toBe('2025-02-10');
    expect(state.markerIds).not.toContain('byd-gods-eye');
    expect(await page.locator('[data-testid="events-panel"] [data-event-id="byd-gods-eye"]').textContent()).toContain(
      'not marked on BABA',
    );
  });

  it('offers range presets, a log scale and fit-to-events', async () => {
    const { page } = app;
    const toolbar = page.getByRole('toolbar', { name: 'Chart view' });
    await toolbar.locator('[data-range="1M"]').click();
    await expect.poll(async () => (await chartState(page)).visibleFrom >= '2025-05-09').toBe(true);
    await toolbar.locator('[data-range="All"]').click();
    await expect.poll(async () => (await chartState(page)).visibleFrom).toBe('2024-01-02');
    const log = toolbar.getByRole('button', { name: 'Log' });
    await log.click();
    expect(await log.getAttribute('aria-pressed')).toBe('true');
    await log.click();
    await toolbar.getByRole('button', { name: 'Fit events' }).click();
    const t0s = concerning('BABA')
      .map((e) => e.t0.BABA!)
      .sort();
    await expect
      .poll(
        async () =>
          (await chartState(page)).visibleFrom <= t0s[0]! && (await chartState(page)).visibleFrom > '2024-06-01',
      )
      .toBe(true);
    expect((await chartState(page)).visibleTo >= t0s.at(-1)!).toBe(true);
    // The first and the last event's markers are on screen (an anchor is given only for a
    // marker inside the visible range).
    const byT0 = concerning('BABA').sort((a, b) => a.t0.BABA!.localeCompare(b.t0.BABA!));
    const state = await chartState(page);
    for (const e of [byT0[0]!, byT0.at(-1)!]) {
      expect(state.markerIds, e.id).toContain(e.id);
      expect(state.anchors[e.id], e.id).toBeDefined();
    }
  });

  it('shows each claim with the quote, the metric, and per symbol the value, verdict, dates and base', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Claims' }).click();
    const panel = page.locator('[data-testid="claims-panel"]');
    await panel.waitFor();
    const evaluated = app.core.services.claims.evaluate(EMBEDDED_STUDY_ID);
    expect(await panel.locator('li.claim').count()).toBe(evaluated.length);
    for (const c of evaluated) {
      const item = panel.locator(`li[data-claim-id="${c.id}"]`);
      expect(await item.locator('.claim-quote').textContent()).toBe(c.quote);
      for (const r of c.results) {
        expect(await item.locator(`tr.claim-result[data-symbol="${r.symbol}"]`).getAttribute('data-verdict')).toBe(
          r.verdict,
        );
        const span = await item.locator(`tr.claim-span-row[data-symbol="${r.symbol}"]`).textContent();
        if (r.base && r.end) {
          expect(span).toContain(r.base.date);
          expect(span).toContain(r.end.date);
        } else expect(span).toBe(r.note);
      }
    }
    const qwen = panel.locator('li[data-claim-id="alibaba-50pct-after-qwen"]');
    // 9988.HK: base 87.25 on 2025-01-27 (the 01-28 half-day placeholder is skipped) → 138.50 on 2025-02-21.
    expect(await qwen.locator('tr.claim-result[data-symbol="9988.HK"]').getAttribute('data-verdict')).toBe('holds');
    expect(await qwen.locator('tr.claim-result[data-symbol="9988.HK"] .num').textContent()).toBe('+58.7%');
    expect(await qwen.locator('tr.claim-span-row[data-symbol="9988.HK"]').textContent()).toBe(
      'base 87.25 (close, 2025-01-27) → 138.5 (close, 2025-02-21)',
    );
    await app.screenshot('study-claims');
  });

  it('shows provenance and adjustment notes in the info panel', async () => {
    const { page } = app;
    await page.locator('[data-testid="study-universe"] [data-symbol="0700.HK"]').click();
    await waitForChart(page, '0700.HK');
    await page.getByRole('tab', { name: 'Info' }).click();
    const info = page.locator('[data-testid="instrument-info"]');
    const instrument = app.core.services.market.getInstrument(asTicker('0700.HK'));
    expect(await info.textContent()).toContain(instrument.adjustmentNote!);
    expect(await info.textContent()).toContain(instrument.provenance!.slice(0, 40));
    await app.screenshot('study-info-0700');
  });

  it('draws in the dark theme', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.locator('[data-testid="study-universe"] [data-symbol="HSTECH.HK"]').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.locator('.app').getAttribute('data-theme')).toBe('dark');
    await waitForChart(page, 'HSTECH.HK');
    await app.screenshot('study-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no console errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
