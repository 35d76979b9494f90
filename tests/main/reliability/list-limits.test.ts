import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { BarsRepository } from '../../../src/main/db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../../../src/main/db/repositories/instruments-repository';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import type { Envelope } from '../../../src/shared/contract/errors';
import { MAX_INSTRUMENTS_PAGE } from '../../../src/shared/contract/market';
import { MAX_EVENTS_PAGE, MAX_STUDIES_PAGE } from '../../../src/shared/contract/study';
import { MAX_SYNC_SYMBOLS } from '../../../src/shared/contract/sync';
import { MAX_WATCHLISTS_PAGE } from '../../../src/shared/contract/watchlists';
import { useTempDir } from '../../helpers/temp-db';

/**
 * Every list channel that can grow answers at most its documented page (issue 9: "every list
 * channel paginated or capped with a documented limit"), pages on with offset/limit in a
 * stable order, and refuses a bad page request with invalid-input, through the real router.
 */
const temp = useTempDir();
const TRUSTED = { url: 'app://catalyst/index.html' };
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function call<T>(channel: string, input?: unknown): Promise<Envelope<T>> {
  return (await core!.router.dispatch(channel, input, TRUSTED)) as Envelope<T>;
}
async function value<T>(channel: string, input?: unknown): Promise<T> {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** `n` instruments SYM00000…, the first few with bars. */
function cacheInstruments(n: number): string[] {
  const instruments = new InstrumentsRepository(core!.db);
  const bars = new BarsRepository(core!.db);
  const symbols = Array.from({ length: n }, (_, i) => `SYM${String(i).padStart(5, '0')}`);
  core!.db.transaction(() => {
    for (const s of symbols) instruments.upsert(bareInstrument(asTicker(s)));
    for (const s of symbols.slice(0, 3)) {
      bars.upsertBatch(asTicker(s), [
        {
          date: asIsoDate('2025-01-02'),
          open: 1,
          high: 2,
          low: 1,
          close: 2,
          adjClose: null,
          volume: 10,
          placeholder: false,
        },
        {
          date: asIsoDate('2025-01-03'),
          open: 2,
          high: 3,
          low: 2,
          close: 3,
          adjClose: null,
          volume: 10,
          placeholder: false,
        },
      ]);
    }
  })();
  return symbols;
}

describe('list channels: capped, paged, validated (through the real router)', () => {
  it(`instruments.list answers at most ${MAX_INSTRUMENTS_PAGE} and pages on in symbol order`, async () => {
    core = createCore({ dbPath: temp.dbPath(), isTrustedSender: () => true });
    const all = cacheInstruments(MAX_INSTRUMENTS_PAGE + 7);
    const first =
      await value<Array<{ symbol: string; barCount: number; lastChange: number | null }>>('instruments.list');
    expect(first).toHaveLength(MAX_INSTRUMENTS_PAGE);
    const rest = await value<Array<{ symbol: string }>>('instruments.list', { offset: MAX_INSTRUMENTS_PAGE });
    expect(rest).toHaveLength(7);
    expect([...first, ...rest].map((i) => i.symbol)).toEqual(all);
    // The bar summary still arrives with each page (read from the bars repository).
    expect(first[0]).toMatchObject({ symbol: 'SYM00000', barCount: 2, lastChange: 0.5 });
    expect(first[3]).toMatchObject({ barCount: 0, lastChange: null });
    const page = await value<Array<{ symbol: string }>>('instruments.list', { offset: 2, limit: 3 });
    expect(page.map((i) => i.symbol)).toEqual(all.slice(2, 5));
    // sync.status pages the same symbols.
    const status = await value<{ symbols: Array<{ symbol: string }> }>('sync.status');
    expect(status.symbols).toHaveLength(MAX_SYNC_SYMBOLS);
    const statusPage = await value<{ symbols: Array<{ symbol: string }> }>('sync.status', { offset: 1, limit: 2 });
    expect(statusPage.symbols.map((s) => s.symbol)).toEqual(all.slice(1, 3));
  });

  it(`watchlists.list answers at most ${MAX_WATCHLISTS_PAGE} lists and pages on by name`, async () => {
    core = createCore({ dbPath: temp.dbPath(), isTrustedSender: () => true });
    const names = Array.from({ length: MAX_WATCHLISTS_PAGE + 3 }, (_, i) => `List ${String(i).padStart(4, '0')}`);
    core.db.transaction(() => {
      for (const n of names) core!.services.watchlists.create(n);
    })();
    const first = await value<Array<{ name: string }>>('watchlists.list');
    expect(first).toHaveLength(MAX_WATCHLISTS_PAGE);
    const rest = await value<Array<{ name: string }>>('watchlists.list', { offset: MAX_WATCHLISTS_PAGE });
    expect([...first, ...rest].map((l) => l.name)).toEqual(names);
  });

  it('studies.list and events.list page in their stable order', async () => {
    core = createCore({ dbPath: temp.dbPath(), isTrustedSender: () => true, seedOnOpen: true });
    const studies = await value<Array<{ id: string; events: number; claims: number }>>('studies.list');
    expect(studies.length).toBeGreaterThan(0);
    expect(studies[0]!.events).toBeGreaterThan(0);
    expect(studies[0]!.claims).toBeGreaterThan(0);
    expect(await value('studies.list', { offset: studies.length })).toEqual([]);
    expect(await value('studies.list', { limit: 1 })).toEqual(studies.slice(0, 1));
    const events = await value<Array<{ id: string }>>('events.list');
    expect(events.length).toBeGreaterThan(10);
    const pages: string[] = [];
    for (let offset = 0; offset < events.length; offset += 7) {
      const page = await value<Array<{ id: string }>>('events.list', { offset, limit: 7 });
      expect(page.length).toBeLessThanOrEqual(7);
      pages.push(...page.map((e) => e.id));
    }
    expect(pages).toEqual(events.map((e) => e.id));
    // Paging combines with the filters.
    const ai = await value<Array<{ id: string; category: string }>>('events.list', { category: 'ai' });
    const aiPage = await value<Array<{ id: string }>>('events.list', { category: 'ai', offset: 1, limit: 2 });
    expect(aiPage.map((e) => e.id)).toEqual(ai.slice(1, 3).map((e) => e.id));
  });

  it.each([
    ['instruments.list', { limit: MAX_INSTRUMENTS_PAGE + 1 }, `at most ${MAX_INSTRUMENTS_PAGE} per page`],
    ['watchlists.list', { limit: MAX_WATCHLISTS_PAGE + 1 }, `at most ${MAX_WATCHLISTS_PAGE} per page`],
    ['studies.list', { limit: MAX_STUDIES_PAGE + 1 }, `at most ${MAX_STUDIES_PAGE} per page`],
    ['events.list', { limit: MAX_EVENTS_PAGE + 1 }, `at most ${MAX_EVENTS_PAGE} per page`],
    ['sync.status', { limit: MAX_SYNC_SYMBOLS + 1 }, `at most ${MAX_SYNC_SYMBOLS} per page`],
    ['instruments.list', { limit: 0 }, 'limit'],
    ['watchlists.list', { offset: -1 }, 'offset'],
    ['events.list', { offset: 1.5 }, 'offset'],
    ['studies.list', { offset: 2e9 }, 'offset'],
    ['instruments.list', { page: 2 }, 'page'],
  ])('%s refuses %j with invalid-input', async (channel, input, message) => {
    core = createCore({ dbPath: temp.dbPath(), isTrustedSender: () => true });
    const r = await call(channel, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.message).toContain(message);
  });

  it('quotes a huge page value briefly, never the whole input', async () => {
    core = createCore({ dbPath: temp.dbPath(), isTrustedSender: () => true });
    const r = await call('instruments.list', { limit: 'x'.repeat(1_000_000) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message.length).toBeLessThan(300);
    }
  });
});
