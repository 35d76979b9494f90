import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { syncStartInput } from '../../src/shared/contract/sync';
import { formatPrice } from '../../src/shared/format';
import { startFakeProvider, type FakeProvider } from '../main/sync/support/fake-provider';
import { realSeries, type FakeSeries } from '../main/sync/support/series';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'market');

/*
 * The one change signal (issue 8): a write main commits outside any view of this window (the
 * CLI, another window, a sync run by the menu) reaches every view through `data.changed`, with
 * no toolbar or panel acting as the cache invalidator. Here the writes go straight to the
 * services, so nothing in the window asked for them.
 */
describe('data.changed keeps every view current without the toolbar', () => {
  let app: RendererWithMainServices;
  beforeAll(async () => {
    app = await launchRendererWithMainServices();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an import committed by main appears in the instrument list and on the chart', async () => {
    const { page, core } = app;
    await expect.poll(() => page.locator('.status-bar').textContent()).toBe('The cache is empty');
    const csv = readFileSync(join(FIXTURES, 'BIDU.csv'), 'utf8');
    const lines = csv.trimEnd().split('\n');
    // First the older half of the file, then the rest: each commit must reach the window.
    core.services.market.importBarsCsv(asTicker('BIDU'), lines.slice(0, 200).join('\n'), { fileName: 'BIDU.csv' });
    const row = page.locator('button.instrument[data-symbol="BIDU"]');
    await row.waitFor();
    const firstEnd = lines[199]!.split(',')[0]!;
    await expect.poll(() => row.locator('.asof').textContent()).toBe(firstEnd);
    await page.locator('[data-testid="chart-annotations"][data-symbol="BIDU"]').waitFor();
    core.services.market.importBarsCsv(asTicker('BIDU'), [lines[0], ...lines.slice(200)].join('\n'), {
      fileName: 'BIDU.csv',
    });
    const lastDate = lines.at(-1)!.split(',')[0]!;
    await expect.poll(() => row.locator('.asof').textContent()).toBe(lastDate);
    // The chart's legend follows the newest session without any click.
    await expect.poll(() => page.locator('.chart-area').textContent()).toContain(lastDate);
    await app.screenshot('change-signal-1-after-import');
    expect(app.pageErrors).toEqual([]);
  });
});

/*
 * The same with a sync: main runs it (as the menu's Update Prices or the CLI would), the
 * provider revises Alibaba's history, and the sidebar's last close, the chart and the claims
 * follow from the sync's commits alone. Nothing in the window starts the run or is told about
 * it except by `data.changed`. The user hides the toolbar first (View ▸ Toggle Toolbar,
 * Ctrl/Cmd+Shift+B), so the sync control is not mounted at all while the run commits.
 */
describe('a sync committed by main refreshes the chart, the sidebar and the claims', () => {
  let app: RendererWithMainServices;
  let fp: FakeProvider;
  // From the first session after the Qwen 2.5 Max release on, the provider's closes are 30% lower
  // than the embedded ones: the claim of a >50% surge within 30 days no longer holds.
  const REVISED_FROM = '2025-01-30';
  const revise = (s: FakeSeries): FakeSeries => ({
    ...s,
    bars: s.bars.map((b) =>
      b.date < REVISED_FROM
        ? b
        : { ...b, open: b.open * 0.7, high: b.high * 0.7, low: b.low * 0.7, close: Math.round(b.close * 70) / 100 },
    ),
  });
  const baba = revise(realSeries().find((s) => s.symbol === 'BABA')!);

  beforeAll(async () => {
    fp = await startFakeProvider({ series: [baba] });
    app = await launchRendererWithMainServices({
      core: {
        seedOnOpen: true,
        sync: {
          env: { CATALYST_YAHOO_BASE_URL: fp.url },
          limits: { timeoutMs: 5000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } },
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await fp?.close();
  });

  it('updates every view from the sync’s commits', async () => {
    const { page, core } = app;
    const row = page.locator('.sidebar button.instrument[data-symbol="BABA"]');
    await row.waitFor();
    const before = await row.locator('.last').textContent();
    const last = baba.bars.at(-1)!;
    expect(before).not.toBe(formatPrice(last.close));
    await row.click();
    await page.locator('[data-testid="chart-annotations"][data-symbol="BABA"]').waitFor();
    await page.getByRole('tab', { name: 'Claims' }).click();
    const claim = page.locator('[data-claim-id="alibaba-50pct-after-qwen"] tr.claim-result[data-symbol="BABA"]');
    await expect.poll(() => claim.getAttribute('data-verdict')).toBe('holds');
    const summaryBefore = await page.locator('[data-testid="chart-summary"]').textContent();
    expect(summaryBefore).toMatch(/^BABA from /);
    // View ▸ Toggle Toolbar (Ctrl/Cmd+Shift+B; the native menu sends app.command): the header
    // and the sync control leave the DOM.
    core.push.emit('app.command', { command: 'view.toggleToolbar' });
    await expect.poll(() => page.locator('header.toolbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Update prices/i }).count()).toBe(0);
    expect(await page.locator('.app').getAttribute('data-toolbar')).toBe('hidden');
    await app.screenshot('change-signal-2-before-sync');

    const started = await core.services.sync.start(
      syncStartInput.parse({ symbols: ['BABA'], from: '2025-01-01', provider: 'yahoo', force: true }),
    );
    expect(started).toMatchObject({ runId: expect.any(String) });
    await core.services.sync.waitForRun();
    expect(fp.requests.length).toBeGreaterThan(0);

    await expect.poll(() => row.locator('.last').textContent(), { timeout: 15_000 }).toBe(formatPrice(last.close));
    await expect.poll(() => row.locator('.asof').textContent()).toBe(last.date);
    // The chart re-read its bars: its text alternative (drawn from the chart's own data) gives
    // the revised close of the last visible session.
    const summary = page.locator('[data-testid="chart-summary"]');
    await expect.poll(() => summary.textContent()).not.toBe(summaryBefore);
    const to = /from \d{4}-\d{2}-\d{2} to (\d{4}-\d{2}-\d{2})/.exec((await summary.textContent()) ?? '')?.[1];
    const closeAtTo = baba.bars.find((b) => b.date === to)?.close;
    expect(closeAtTo).toBeDefined();
    expect(await summary.textContent()).toContain(formatPrice(closeAtTo));
    await expect.poll(() => claim.getAttribute('data-verdict')).not.toBe('holds');
    // The toolbar stayed unmounted through the whole run.
    expect(await page.locator('header.toolbar').count()).toBe(0);
    await app.screenshot('change-signal-3-after-sync');
    // The same command brings it back.
    core.push.emit('app.command', { command: 'view.toggleToolbar' });
    await page.locator('header.toolbar').waitFor();
    // Hidden again, a menu command carried out in the toolbar (File ▸ Export CSV…) shows it and
    // opens the Share menu there instead of doing nothing.
    core.push.emit('app.command', { command: 'view.toggleToolbar' });
    await expect.poll(() => page.locator('header.toolbar').count()).toBe(0);
    core.push.emit('app.command', { command: 'export.csv' });
    await page.locator('header.toolbar').waitFor();
    await page.getByRole('menuitem', { name: 'Events as CSV' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
