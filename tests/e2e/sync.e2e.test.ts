import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { startFakeProvider, type FakeProvider } from '../main/sync/support/fake-provider';
import { expectedBars, storedBars } from '../main/sync/support/harness';
import { realSeries, type FakeSeries } from '../main/sync/support/series';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

/*
 * "Update prices" in the app, against a fake provider on 127.0.0.1 (Yahoo's chart format):
 * progress with counts and the current symbol, per-symbol results with the reason of a
 * failure, last-updated times, cancel, and the offline badge once the provider is gone.
 */
const TOOLBAR = '[data-testid="sync-toolbar"]';
const PANEL = '[data-testid="sync-panel"]';
const series = realSeries().filter((s) => ['9988.HK', '0700.HK', 'BABA'].includes(s.symbol));
const byName = (s: string): FakeSeries => series.find((x) => x.symbol === s)!;

/** The cached state before the update: real sessions up to the Lunar New Year 2025. */
function csvUpTo(s: FakeSeries, last: string): string {
  return [
    'date,open,high,low,close,volume',
    ...s.bars.filter((b) => b.date <= last).map((b) => [b.date, b.open, b.high, b.low, b.close, b.volume].join(',')),
  ].join('\n');
}

describe('price updates in the app', () => {
  let app: RendererWithMainServices;
  let fp: FakeProvider;

  beforeAll(async () => {
    fp = await startFakeProvider({
      series,
      latencyMs: 300,
      faults: [
        { symbol: 'BABA', fault: { kind: 'html' } },
        { symbol: '0700.HK', fault: { kind: 'status', status: 503 }, times: 1 },
      ],
    });
    app = await launchRendererWithMainServices({
      core: {
        sync: {
          env: { CATALYST_YAHOO_BASE_URL: fp.url },
          limits: {
            symbolConcurrency: 1,
            timeoutMs: 3000,
            retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200, maxRetryAfterMs: 5000 },
            hosts: {
              yahoo: { concurrency: 1, minSpacingMs: 0 },
              tiingo: { concurrency: 1, minSpacingMs: 0 },
              twelvedata: { concurrency: 1, minSpacingMs: 0 },
            },
          },
        },
      },
      prepare(core) {
        for (const s of series) core.services.market.importBarsCsv(asTicker(s.symbol), csvUpTo(s, '2025-01-28'));
      },
    });
    await app.page.locator(TOOLBAR).getByRole('button', { name: 'Update prices ▾' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await fp?.close();
  });

  it('updates every cached symbol with a progress bar, then lists each result and its reason', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Updates' }).click();
    await page.locator(PANEL).waitFor();
    expect(
      await page
        .locator(`${PANEL} [data-testid="sync-last-updated"] tr[data-symbol="9988.HK"] td`)
        .nth(1)
        .textContent(),
    ).toBe('never');

    await page.getByRole('button', { name: 'Update prices ▾' }).click();
    await page.getByRole('menuitem', { name: 'All cached symbols (3)' }).click();
    const progress = page.locator(`${TOOLBAR} progress`);
    await progress.waitFor();
    await expect
      .poll(() => page.locator(`${TOOLBAR} [data-testid="sync-current"]`).textContent())
      .toMatch(/^(0700\.HK|9988\.HK|BABA)$/);
    expect(await page.locator(`${TOOLBAR} [data-testid="sync-count"]`).textContent()).toMatch(/^[0-2]\/3$/);
    expect(await progress.getAttribute('max')).toBe('3');
    await app.screenshot('sync-1-progress');

    await page.locator(`${TOOLBAR} progress`).waitFor({ state: 'detached', timeout: 30_000 });
    const summary = page.locator(`${PANEL} [data-testid="sync-summary"]`);
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^2 updated, 0 up to date, 1 failed \(\d+ new sessions, \d+ revised\)\. \(just now\)$/);
    const row = (s: string) => page.locator(`${PANEL} [data-testid="sync-results"] li[data-symbol="${s}"]`);
    expect(await row('9988.HK').getAttribute('data-status')).toBe('updated');
    expect(await row('0700.HK').getAttribute('data-status')).toBe('updated');
    expect(await row('BABA').getAttribute('data-status')).toBe('failed');
    expect(await row('BABA').locator('.sync-reason').textContent()).toMatch(
      /^bad response: Yahoo Finance answered with an HTML page instead of data/,
    );
    const added = expectedBars(byName('9988.HK'), '2025-01-29', '2025-12-31').length;
    // The week of overlap re-read the last cached sessions: the provider's adjusted close is new to the cache.
    const revised = expectedBars(byName('9988.HK'), '2025-01-21', '2025-01-28').length;
    expect(await row('9988.HK').locator('.sync-added').textContent()).toBe(`+${added} (${revised} revised)`);
    await expect
      .poll(() =>
        page.locator(`${PANEL} [data-testid="sync-last-updated"] tr[data-symbol="9988.HK"] td`).nth(1).textContent(),
      )
      .toBe('just now');
    expect(await page.locator('.status-bar').textContent()).toMatch(/2 updated, 0 up to date, 1 failed/);

    // What the page shows is what the cache holds: real sessions, exactly; BABA untouched.
    expect(storedBars(app.core.db, '9988.HK')).toEqual(
      expectedBars(byName('9988.HK'), '0000-01-01', '2025-12-31').map((b) => ({
        ...b,
        adj_close: b.date < '2025-01-21' ? null : b.adj_close,
      })),
    );
    expect(storedBars(app.core.db, 'BABA').at(-1)!.date).toBe('2025-01-28');
    await app.screenshot('sync-2-results');
    expect(app.pageErrors).toEqual([]);
  });

  it('cancels a run from the toolbar', async () => {
    const { page } = app;
    fp.setFaults([{ symbol: '9988.HK', fault: { kind: 'slow', ms: 2500 } }]);
    // Symbols fetched after their exchange's last close are not asked again: make the last
    // fetch older than that, so this run has requests to cancel.
    app.core.db.prepare("UPDATE sync_coverage SET fetched_at = '2025-01-01T00:00:00.000Z'").run();
    await page.getByRole('button', { name: 'Update prices ▾' }).click();
    await page.getByRole('menuitem', { name: 'All cached symbols (3)' }).click();
    await page.locator(`${TOOLBAR} progress`).waitFor();
    await page.locator(TOOLBAR).getByRole('button', { name: 'Cancel' }).click();
    await page.locator(`${TOOLBAR} progress`).waitFor({ state: 'detached', timeout: 10_000 });
    await expect
      .poll(() => page.locator(`${PANEL} [data-testid="sync-summary"]`).textContent())
      .toMatch(/^Cancelled: /);
    expect(
      await page
        .locator(`${PANEL} [data-testid="sync-results"] li[data-status="failed"] .sync-reason`)
        .first()
        .textContent(),
    ).toMatch(/^cancelled: /);
  });

  it('shows the offline badge once when the provider cannot be reached, and keeps the cache', async () => {
    const { page } = app;
    const before = storedBars(app.core.db, '9988.HK');
    await fp.close();
    // As above: a fetch older than the last close, so the run asks (and finds no provider).
    app.core.db.prepare("UPDATE sync_coverage SET fetched_at = '2025-01-01T00:00:00.000Z'").run();
    await page.getByRole('button', { name: 'Update prices ▾' }).click();
    await page.getByRole('menuitem', { name: 'All cached symbols (3)' }).click();
    await page.locator('[data-testid="offline-badge"]').waitFor({ timeout: 15_000 });
    // Said once: no list of three identical failures.
    expect(await page.locator(`${PANEL} [data-testid="sync-results"]`).count()).toBe(0);
    expect(await page.locator(`${PANEL} [data-testid="sync-summary"]`).textContent()).toMatch(
      /^OfflineNo price provider could be reached; the cached prices are unchanged/,
    );
    expect(await page.locator('.status-bar').textContent()).toBe(
      'Offline: no price provider could be reached. The cached prices are unchanged.',
    );
    expect(storedBars(app.core.db, '9988.HK')).toEqual(before);
    await app.screenshot('sync-3-offline');
    expect(app.pageErrors).toEqual([]);
  });
});
