import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { startFakeProvider, type FakeProvider } from '../main/sync/support/fake-provider';
import { expectedBars, storedBars } from '../main/sync/support/harness';
import { realSeries, type FakeSeries } from '../main/sync/support/series';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

/*
 * Prices that change under the cache, as the Updates panel tells them: a split after the last
 * cached session re-adjusts the whole history and says so; a listing the provider knows but
 * has no data for is "no data" with the provider's words; each result says which session the
 * series now ends on. The engine's side is tested in tests/main/sync/readjust.test.ts.
 */
const PANEL = '[data-testid="sync-panel"]';
const bidu = realSeries().find((s) => s.symbol === 'BIDU')!;

/** The series as Yahoo serves it after a 3:1 split on `date`: every earlier price divided by 3. */
function splitAdjusted(s: FakeSeries, date: string): FakeSeries {
  const r = (v: number) => Math.round((v / 3) * 100) / 100;
  return {
    ...s,
    bars: s.bars.map((b) =>
      b.date >= date
        ? b
        : { ...b, open: r(b.open), high: r(b.high), low: r(b.low), close: r(b.close), volume: b.volume * 3 },
    ),
    splits: [{ date, numerator: 3, denominator: 1 }],
  };
}

describe('the Updates panel when prices change under the cache', () => {
  let app: RendererWithMainServices;
  let fp: FakeProvider;
  const post = splitAdjusted(bidu, '2025-02-18');

  beforeAll(async () => {
    fp = await startFakeProvider({
      series: [post, { ...bidu, symbol: 'GONE.ST', name: 'Gone AB (publ)' }],
      faults: [{ symbol: 'GONE.ST', fault: { kind: 'placeholder' } }],
    });
    app = await launchRendererWithMainServices({
      core: { sync: { env: { CATALYST_YAHOO_BASE_URL: fp.url } } },
      prepare(core) {
        // The cache before the split: real BIDU sessions up to 2025-02-14, on the old scale.
        const csv = [
          'date,open,high,low,close,volume',
          ...bidu.bars
            .filter((b) => b.date >= '2025-01-02' && b.date <= '2025-02-14')
            .map((b) => [b.date, b.open, b.high, b.low, b.close, b.volume].join(',')),
        ].join('\n');
        core.services.market.importBarsCsv(asTicker('BIDU'), csv);
        const list = core.services.watchlists.create('Watch');
        core.services.watchlists.addItem(list.id, 'BIDU');
        core.services.watchlists.addItem(list.id, 'GONE.ST');
      },
    });
    await app.page.getByRole('button', { name: 'Update prices ▾' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await fp?.close();
  });

  it('says "history re-adjusted for a 3:1 split on …", replaces the old scale, and reports "no data" with the provider’s words', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Updates' }).click();
    await page.locator(PANEL).waitFor();
    await page.getByRole('button', { name: 'Update prices ▾' }).click();
    await page.getByRole('menuitem', { name: 'Watchlist “Watch” (2)' }).click();
    const summary = page.locator(`${PANEL} [data-testid="sync-summary"]`);
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toMatch(/^1 updated, 0 up to date, 1 failed/);
    const row = (s: string) => page.locator(`${PANEL} [data-testid="sync-results"] li[data-symbol="${s}"]`);

    expect(await row('BIDU').getAttribute('data-status')).toBe('updated');
    expect(await row('BIDU').locator('.sync-notice').textContent()).toBe(
      ': history re-adjusted for a 3:1 split on 2025-02-18',
    );
    // The whole cached range is on the new scale: nothing of the old one is left beside it.
    const stored = storedBars(app.core.db, 'BIDU');
    expect(stored).toEqual(expectedBars(post, '2025-01-02', stored.at(-1)!.date));
    // The instrument list follows the change signal: the result then says where the series ends now.
    await expect.poll(() => row('BIDU').locator('.sync-asof').textContent()).toBe(`as of ${stored.at(-1)!.date}`);

    // Known to the provider, but no data: not "up to date", and no instrument from the placeholder.
    expect(await row('GONE.ST').getAttribute('data-status')).toBe('failed');
    expect(await row('GONE.ST').locator('.sync-reason').textContent()).toBe(
      'no data: Yahoo Finance knows GONE.ST but has no data for it: "Gone AB (publ)" on YHD has no sessions, currency null and firstTradeDate null (delisted?)',
    );
    expect(app.core.db.prepare("SELECT count(*) AS n FROM instruments WHERE symbol = 'GONE.ST'").get()).toEqual({
      n: 0,
    });
    await app.screenshot('prices-change-1-updates-panel');
    expect(app.pageErrors).toEqual([]);
  });
});
