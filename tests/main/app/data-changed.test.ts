import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/services/clock';
import { createCore, type Core, type CoreOptions } from '../../../src/main/app/create-core';
import { memorySecretStore } from '../../../src/main/services/sync/secret-store';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import type { DataChangedEvent } from '../../../src/shared/contract/app';
import type { PushEventName } from '../../../src/shared/contract/index';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from '../sync/support/fake-provider';
import { fastLimits } from '../sync/support/harness';
import { realSeries } from '../sync/support/series';
import { RESOURCES } from '../services/study/study-harness';

const temp = useTempDir();
const app = { url: 'app://catalyst/index.html' };
let core: Core | null = null;
let fp: FakeProvider | null = null;

afterEach(async () => {
  await core?.close();
  await fp?.close();
  core = null;
  fp = null;
});

interface Pushed {
  readonly name: PushEventName;
  readonly payload: unknown;
  /** Bars of the changed symbols visible to the main connection when the event was sent. */
  readonly visibleBars?: number;
}

function open(o: Partial<CoreOptions> = {}): { core: Core; pushed: Pushed[]; changes: () => DataChangedEvent[] } {
  const c = createCore({
    dbPath: temp.dbPath(),
    clock: fixedClock('2025-03-01T10:00:00Z'),
    resourcesDir: RESOURCES,
    isTrustedSender: (s) => s.url === app.url,
    ...o,
  });
  core = c;
  const pushed: Pushed[] = [];
  c.push.attach((name, payload) => {
    const symbols = name === 'data.changed' ? ((payload as DataChangedEvent).symbols ?? []) : [];
    const visibleBars = symbols.length
      ? c.db
          .prepare<string[], { n: number }>(
            `SELECT COUNT(*) AS n FROM bars WHERE symbol IN (${symbols.map(() => '?').join(',')})`,
          )
          .get(...symbols)!.n
      : undefined;
    pushed.push({ name, payload, visibleBars });
  });
  const changes = () => pushed.filter((p) => p.name === 'data.changed').map((p) => p.payload as DataChangedEvent);
  return { core: c, pushed, changes };
}

describe('data.changed after every commit that changes a view', () => {
  it('a sync: one per committed batch, for its symbol, after the bars are visible to main', async () => {
    const wanted = realSeries().filter((s) => s.symbol === '9988.HK' || s.symbol === 'BABA');
    fp = await startFakeProvider({ series: wanted });
    const {
      core: c,
      pushed,
      changes,
    } = open({
      sync: {
        env: { CATALYST_YAHOO_BASE_URL: fp.url },
        secrets: memorySecretStore({}),
        // A generous timeout: this test is about the change signal, not about slow answers under load.
        limits: { ...fastLimits, timeoutMs: 15_000, batchSize: 10 },
      },
    });
    const symbols = [asTicker('9988.HK'), asTicker('BABA')];
    const run = await c.services.sync.start({ symbols, from: asIsoDate('2025-01-02'), to: asIsoDate('2025-02-28') });
    const done = await c.services.sync.waitForRun(run.runId);
    expect(done.summary.failed).toBe(0);

    const dataChanged = pushed.filter((p) => p.name === 'data.changed');
    for (const p of dataChanged) {
      expect(p.payload).toEqual({ kinds: ['bars', 'instruments'], symbols: [expect.any(String)] });
      // Sent after the commit: the main connection already reads the batch's bars.
      expect(p.visibleBars).toBeGreaterThan(0);
    }
    for (const symbol of symbols) {
      const added = done.results.find((r) => r.symbol === symbol)!.added;
      const forSymbol = changes().filter((e) => e.symbols?.[0] === symbol);
      // Batches of 10 sessions: at least one event per batch written.
      expect(forSymbol.length).toBeGreaterThanOrEqual(Math.ceil(added / 10));
      // Each symbol's changes come before its result.
      const lastChange = pushed.findLastIndex(
        (p) => p.name === 'data.changed' && (p.payload as DataChangedEvent).symbols?.[0] === symbol,
      );
      const result = pushed.findIndex(
        (p) =>
          p.name === 'sync.symbol' &&
          (p.payload as { symbol: string; state: string }).symbol === symbol &&
          (p.payload as { state: string }).state !== 'running',
      );
      expect(lastChange).toBeLessThan(result);
    }
    expect(pushed.map((p) => p.name).filter((n) => n.startsWith('sync.'))[0]).toBe('sync.started');
    expect(pushed.at(-1)!.name).toBe('sync.finished');

    // Nothing new at the provider: a second run commits nothing that changes a view.
    const before = changes().length;
    await c.services.sync.waitForRun((await c.services.sync.start({ symbols })).runId);
    expect(changes().length).toBe(before);
  });

  it('a bars import: bars and instruments of the symbol; an identical re-import says nothing', () => {
    const { core: c, changes } = open();
    const csv = readFileSync(resolve(import.meta.dirname, '../../fixtures/market/BIDU.csv'), 'utf8');
    c.services.market.importBarsCsv(asTicker('BIDU'), csv);
    expect(changes()).toEqual([{ kinds: ['bars', 'instruments'], symbols: ['BIDU'] }]);
    c.services.market.importBarsCsv(asTicker('BIDU'), csv);
    expect(changes()).toHaveLength(1);
  });

  it('watchlist import and edits through the router: watchlists; a refused edit says nothing', async () => {
    const { core: c, changes } = open();
    const imported = await c.router.dispatch(
      'watchlists.import',
      { file: { fileName: 'tech.txt', text: 'BABA\n9988.HK\n' }, mode: 'new' },
      app,
    );
    expect(imported.ok).toBe(true);
    expect(changes()).toEqual([{ kinds: ['watchlists'] }]);
    const created = await c.router.dispatch('watchlists.create', { name: 'Second' }, app);
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: number } }).value.id;
    await c.router.dispatch('watchlists.addItem', { id, symbol: 'NYSE:BABA' }, app);
    await c.router.dispatch('watchlists.rename', { id, name: 'Renamed' }, app);
    expect(changes()).toHaveLength(4);
    const clash = await c.router.dispatch('watchlists.create', { name: 'renamed' }, app);
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await c.router.dispatch('watchlists.delete', { id }, app);
    expect(changes()).toEqual(Array.from({ length: 5 }, () => ({ kinds: ['watchlists'] })));
  });

  it('sync settings: settings', async () => {
    const { core: c, changes } = open({ sync: { secrets: memorySecretStore({}), env: {} } });
    await c.router.dispatch('settings.updateSync', { updateOnLaunch: true }, app);
    await c.router.dispatch('settings.setApiKey', { provider: 'tiingo', key: 'abc123' }, app);
    expect(changes()).toEqual([{ kinds: ['settings'] }, { kinds: ['settings'] }]);
  });

  it('seeding on open: queued until the renderer is ready, then studies, events, claims and the seeded symbols', async () => {
    const { core: c, changes } = open({ seedOnOpen: true, queuePushUntilReady: true });
    expect(changes()).toEqual([]);
    expect(await c.router.dispatch('app.ready', undefined, app)).toEqual({ ok: true, value: { flushed: 1 } });
    const [seeded] = changes();
    expect(seeded!.kinds).toEqual(['studies', 'events', 'claims', 'instruments', 'bars']);
    expect(seeded!.symbols).toEqual(expect.arrayContaining(['HSTECH.HK', '9988.HK', 'BABA', '^HSI']));
    // A second seed changes nothing and says nothing.
    expect(c.services.seed.seed().changed).toBe(false);
    expect(changes()).toHaveLength(1);
  });
});
