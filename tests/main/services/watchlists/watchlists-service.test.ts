import type { DataChangedEvent } from '../../../../src/shared/contract/app';
import { createWriteTransaction } from '../../../../src/main/db/transaction';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../../../src/main/services/clock';
import { openDatabase } from '../../../../src/main/db/open';
import { BarsRepository } from '../../../../src/main/db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../../../../src/main/db/repositories/instruments-repository';
import { WatchlistsRepository } from '../../../../src/main/db/repositories/watchlists-repository';
import { WatchlistsService } from '../../../../src/main/services/watchlists/watchlists-service';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import type { WatchlistDetail } from '../../../../src/shared/contract/watchlists';
import { useTempDir } from '../../../helpers/temp-db';
import { fixtureBytes, malformedCorpus } from '../../../shared/domain/watchlist/fixture-helpers';
import { catalystErrorOf } from '../../../helpers/errors';

const tmp = useTempDir();

/** A clock the test can move. */
function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (v) => (now = new Date(v)) };
}

function setup(clock: Clock = fixedClock('2025-03-08T09:00:00.000Z')) {
  const db = openDatabase(tmp.dbPath());
  const changes: DataChangedEvent[] = [];
  const service = new WatchlistsService({
    repo: new WatchlistsRepository(db),
    bars: new BarsRepository(db),
    transact: createWriteTransaction(db),
    clock,
    notify: (c) => changes.push(c),
  });
  return { db, service, changes };
}

/** Real closes from data/prices (9988.HK and BABA, 2025-03-06/07) plus a placeholder row after them. */
function cacheSomeBars(db: Database) {
  const instruments = new InstrumentsRepository(db);
  const bars = new BarsRepository(db);
  instruments.insertIfMissing(bareInstrument(asTicker('9988.HK')));
  bars.upsertBatch(asTicker('9988.HK'), [
    {
      date: asIsoDate('2025-03-06'),
      open: 138,
      high: 141.5,
      low: 137.3,
      close: 140.8,
      adjClose: null,
      volume: 198863431,
      placeholder: false,
    },
    {
      date: asIsoDate('2025-03-07'),
      open: 137.8,
      high: 145.9,
      low: 137.2,
      close: 140,
      adjClose: null,
      volume: 250700100,
      placeholder: false,
    },
    // A vendor placeholder must not be taken as the last close.
    {
      date: asIsoDate('2025-03-10'),
      open: 141,
      high: 141,
      low: 141,
      close: 141,
      adjClose: null,
      volume: 0,
      placeholder: true,
    },
  ]);
  instruments.insertIfMissing(bareInstrument(asTicker('BABA')));
  bars.upsertBatch(asTicker('BABA'), [
    {
      date: asIsoDate('2025-03-06'),
      open: 142.2,
      high: 144.76,
      low: 138.09,
      close: 139.95,
      adjClose: null,
      volume: 35482111,
      placeholder: false,
    },
    {
      date: asIsoDate('2025-03-07'),
      open: 142.92,
      high: 145.36,
      low: 139.38,
      close: 140.62,
      adjClose: null,
      volume: 31904363,
      placeholder: false,
    },
  ]);
}

/** Every row of the watchlist tables: compared before and after a failed change. */
function snapshot(db: Database) {
  return {
    lists: db.prepare('SELECT * FROM watchlists ORDER BY id').all(),
    items: db.prepare('SELECT * FROM watchlist_items ORDER BY id').all(),
  };
}

const tv = (file = 'tradingview-china-tech.txt') => ({ fileName: file.split('/').pop()!, bytes: fixtureBytes(file) });
const layout = (d: WatchlistDetail) =>
  d.entries.map((e) => (e.kind === 'section' ? `§${e.label}` : `${e.symbol}${e.note ? ` (${e.note})` : ''}`));

describe('preview', () => {
  it('lists every line with its outcome and cache state, and writes nothing', () => {
    const { db, service } = setup();
    cacheSomeBars(db);
    const before = db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
    const p = service.preview(tv());
    expect(db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n).toBe(before);
    expect(p).toMatchObject({
      fileName: 'tradingview-china-tech.txt',
      format: 'tradingview',
      encoding: 'utf-8',
      defaultName: 'tradingview-china-tech',
      target: null,
    });
    expect(p.counts).toEqual({ ok: 15, duplicate: 0, error: 0, sections: 3 });
    expect(p.lines.filter((l) => l.cached).map((l) => l.symbol)).toEqual(['9988.HK', 'BABA']);
    expect(p.lines[6]).toEqual({
      line: 1,
      entry: 7,
      input: 'HKEX:9988',
      kind: 'item',
      symbol: '9988.HK',
      section: 'HK tech',
      status: 'ok',
      error: null,
      note: null,
      exchange: 'HKEX',
      duplicateOf: null,
      duplicateOfEntry: null,
      cached: true,
    });
  });

  it('against a merge target, marks the symbols already in it', () => {
    const { service } = setup();
    const target = service.create('Core');
    service.addItem(target.id, '0700.HK');
    const p = service.preview(tv(), target.id);
    expect(p.target).toEqual({ id: target.id, name: 'Core' });
    expect(p.counts).toMatchObject({ ok: 14, duplicate: 1 });
    expect(p.lines.find((l) => l.symbol === '0700.HK')).toMatchObject({ status: 'duplicate', duplicateOf: null });
  });

  it('decodes base64 bytes (UTF-16 from Excel) and accepts text', () => {
    const { service } = setup();
    const b64 = Buffer.from(fixtureBytes('excel-unicode-text-utf16le.txt')).toString('base64');
    const p = service.preview({ fileName: 'Unicode text.txt', bytesBase64: b64 });
    expect(p.encoding).toBe('utf-16le');
    expect(p.lines.map((l) => l.symbol)).toEqual(['9988.HK', '0700.HK', '3690.HK', '1810.HK', '9888.HK']);
    expect(service.preview({ fileName: 'pasted', text: 'HKEX:700, NYSE:BABA' }).format).toBe('tradingview');
  });
});

describe('import', () => {
  it('creates the list with its sections, prefixes and the last close and change of cached symbols', () => {
    const { db, service } = setup();
    cacheSomeBars(db);
    const r = service.import(tv(), { mode: 'new' });
    expect(r).toMatchObject({ mode: 'new', imported: 15 });
    expect(r.watchlist).toMatchObject({
      name: 'tradingview-china-tech',
      itemCount: 15,
      sectionCount: 3,
      createdAt: '2025-03-08T09:00:00.000Z',
    });
    expect(r.uncached).toEqual([
      '^HSI',
      'HSTECH.HK',
      '000001.SS',
      '^GSPC',
      '0700.HK',
      '3690.HK',
      '1810.HK',
      '9888.HK',
      '1211.HK',
      '2333.HK',
      'BIDU',
      'PDD',
      'JD',
    ]);
    const d = service.get(r.watchlist!.id);
    expect(layout(d)).toEqual([
      '§Indices',
      '^HSI',
      'HSTECH.HK',
      '000001.SS',
      '^GSPC',
      '§HK tech',
      '9988.HK',
      '0700.HK',
      '3690.HK',
      '1810.HK',
      '9888.HK',
      '1211.HK',
      '2333.HK',
      '§US ADRs',
      'BABA',
      'BIDU',
      'PDD',
      'JD',
    ]);
    const alibaba = d.entries.find((e) => e.symbol === '9988.HK')!;
    expect(alibaba).toMatchObject({
      section: 'HK tech',
      exchange: 'HKEX',
      cached: true,
      lastDate: '2025-03-10',
      lastClose: 140,
    });
    expect(alibaba.lastChange).toBeCloseTo(140 / 140.8 - 1, 12);
    expect(d.entries.find((e) => e.symbol === 'BABA')!.lastChange).toBeCloseTo(140.62 / 139.95 - 1, 12);
    expect(d.entries.find((e) => e.symbol === 'PDD')).toMatchObject({
      cached: false,
      lastClose: null,
      lastChange: null,
      lastDate: null,
    });
    expect(service.list().map((l) => l.name)).toEqual(['tradingview-china-tech']);
  });

  it('uses the chosen name, and refuses a name already taken (any case) without writing', () => {
    const { db, service } = setup();
    service.import(tv(), { mode: 'new', name: '  HK tech  ' });
    expect(service.list().map((l) => l.name)).toEqual(['HK tech']);
    const before = snapshot(db);
    const e = catalystErrorOf(() => service.import(tv('yahoo-portfolio.csv'), { mode: 'new', name: 'hk TECH' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('A watchlist named "HK tech" already exists: choose another name, or merge into it.');
    expect(snapshot(db)).toEqual(before);
    expect(catalystErrorOf(() => service.import(tv(), { mode: 'new', name: ' ' })).message).toBe(
      'a watchlist name cannot be empty',
    );
    expect(catalystErrorOf(() => service.import(tv(), { mode: 'new', name: 'x'.repeat(101) })).message).toMatch(
      /at most 100 characters/,
    );
  });

  it('compares names case-insensitively beyond ASCII', () => {
    const { service } = setup();
    service.create('Ärger Ω');
    expect(catalystErrorOf(() => service.create('ärger ω')).code).toBe('conflict');
  });

  it('keeps Yahoo comments as notes and repeated lots as one item', () => {
    const { service } = setup();
    const r = service.import(tv('yahoo-portfolio.csv'), { mode: 'new', name: 'Portfolio' });
    expect(r.imported).toBe(6);
    expect(r.counts).toEqual({ ok: 6, duplicate: 2, error: 0, sections: 0 });
    expect(layout(service.get(r.watchlist!.id))).toEqual([
      '9988.HK (Core HK position, bought before Qwen2.5-Max\nAdded after the DeepSeek week)',
      '0700.HK',
      'BABA (ADR; 1 ADS = 8 ordinary shares\nSecond lot, "momentum" add)',
      'BIDU',
      '^HSI',
      '1810.HK (-10% stop below 45)',
    ]);
  });

  it('merges: existing symbols are duplicates, new ones go to the end of their section, nothing is removed', () => {
    const { service } = setup();
    const core = service.create('Core');
    service.addItem(core.id, 'AAPL', 'mine');
    service.addSection(core.id, 'HK tech');
    service.addItem(core.id, 'HKEX:700', 'keep this note');
    const r = service.import(tv(), { mode: 'merge', targetId: core.id });
    expect(r).toMatchObject({ mode: 'merge', imported: 14 });
    expect(r.counts).toMatchObject({ ok: 14, duplicate: 1 });
    expect(r.lines.find((l) => l.symbol === '0700.HK')!.status).toBe('duplicate');
    expect(layout(service.get(core.id))).toEqual([
      'AAPL (mine)',
      '§HK tech',
      '0700.HK (keep this note)',
      '9988.HK',
      '3690.HK',
      '1810.HK',
      '9888.HK',
      '1211.HK',
      '2333.HK',
      '§Indices',
      '^HSI',
      'HSTECH.HK',
      '000001.SS',
      '^GSPC',
      '§US ADRs',
      'BABA',
      'BIDU',
      'PDD',
      'JD',
    ]);
    // Merging the same file again adds nothing and changes nothing.
    const again = service.import(tv(), { mode: 'merge', targetId: core.id });
    expect(again.imported).toBe(0);
    expect(again.counts).toMatchObject({ ok: 0, duplicate: 15 });
    expect(service.get(core.id).entries).toHaveLength(19);
  });

  it('refuses to merge into a missing or deleted list', () => {
    const { service } = setup();
    expect(catalystErrorOf(() => service.import(tv(), { mode: 'merge', targetId: 99 })).code).toBe('not-found');
    const l = service.create('Gone');
    service.delete(l.id);
    expect(catalystErrorOf(() => service.import(tv(), { mode: 'merge', targetId: l.id })).message).toBe(
      `There is no watchlist ${l.id} (it was deleted).`,
    );
  });

  it('writes nothing when no line is valid', () => {
    const { db, service } = setup();
    const r = service.import({ fileName: 'bad.txt', text: 'BINANCE:BTCUSDT,FX:EURUSD' }, { mode: 'new' });
    expect(r).toMatchObject({ watchlist: null, imported: 0, uncached: [] });
    expect(r.counts.error).toBe(2);
    expect(snapshot(db)).toEqual({ lists: [], items: [] });
  });

  it('imports only the valid lines of a file with per-line errors', () => {
    const { service } = setup();
    const r = service.import(tv('malformed/unknown-prefixes.txt'), { mode: 'new' });
    expect(r.imported).toBe(2);
    expect(layout(service.get(r.watchlist!.id))).toEqual(['§Crypto and FX', '§Stocks', '9988.HK', 'BABA']);
  });

  it('is one transaction: a failure while writing leaves nothing behind', () => {
    const { db, service } = setup();
    service.create('Existing');
    const before = snapshot(db);
    db.exec(`CREATE TEMP TRIGGER fail_midway AFTER INSERT ON watchlist_items WHEN NEW.position = 5
             BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);
    expect(() => service.import(tv(), { mode: 'new' })).toThrow(/simulated disk failure/);
    expect(snapshot(db)).toEqual(before);
    const target = before.lists[0] as { id: number };
    expect(() => service.import(tv(), { mode: 'merge', targetId: target.id })).toThrow(/simulated disk failure/);
    expect(snapshot(db)).toEqual(before);
  });

  describe('the malformed corpus never changes the database', () => {
    for (const [file, expected] of Object.entries(malformedCorpus)) {
      if (!('reject' in expected)) continue;
      it(file, () => {
        const { db, service } = setup();
        const target = service.create('Target');
        service.addItem(target.id, '9988.HK');
        const before = snapshot(db);
        for (const attempt of [
          () => service.preview(tv(`malformed/${file}`)),
          () => service.import(tv(`malformed/${file}`), { mode: 'new' }),
          () => service.import(tv(`malformed/${file}`), { mode: 'merge', targetId: target.id }),
        ]) {
          const e = catalystErrorOf(attempt);
          expect(e.code).toBe('invalid-input');
          expect(e.message).toMatch(
            new RegExp(`^Cannot import ${file.replace(/\./g, '\\.')}: .+\\. Nothing was imported\\.$`),
          );
          expect((e.details as { reason: string }).reason).toMatch(expected.reject);
        }
        expect(snapshot(db)).toEqual(before);
      });
    }
  });
});

describe('managing lists', () => {
  it('creates, renames (own name in another case is fine), and refuses a clash', () => {
    const { service } = setup();
    const a = service.create('China tech');
    service.create('US');
    expect(service.rename(a.id, 'CHINA TECH').name).toBe('CHINA TECH');
    expect(catalystErrorOf(() => service.rename(a.id, 'us')).code).toBe('conflict');
    expect(service.list().map((l) => l.name)).toEqual(['CHINA TECH', 'US']);
  });

  it('deletes undoably, restores under a new name when the old one was taken, and purges after 30 days', () => {
    const clock = movableClock('2025-03-08T09:00:00.000Z');
    const { db, service } = setup(clock);
    const a = service.import(tv(), { mode: 'new', name: 'HK' }).watchlist!;
    expect(service.delete(a.id)).toEqual({ id: a.id, name: 'HK' });
    expect(service.list()).toEqual([]);
    expect(catalystErrorOf(() => service.get(a.id)).code).toBe('not-found');
    service.create('HK');
    const restored = service.restore(a.id);
    expect(restored.name).toBe('HK (restored)');
    expect(restored.entries).toHaveLength(18);
    // Restoring a live list is a no-op (a double-clicked "Undo").
    expect(service.restore(a.id).name).toBe('HK (restored)');

    service.delete(a.id);
    clock.set('2025-04-08T09:00:00.000Z');
    const b = service.create('Other');
    service.delete(b.id);
    // The 31-day-old deletion was purged by the later delete; its items went with it.
    expect(catalystErrorOf(() => service.restore(a.id)).code).toBe('not-found');
    expect(db.prepare('SELECT count(*) AS n FROM watchlist_items WHERE watchlist_id = ?').get(a.id)).toEqual({ n: 0 });
    expect(service.restore(b.id).name).toBe('Other');
  });
});

describe('managing entries', () => {
  it('adds symbols (TradingView spellings too), sections and notes at positions', () => {
    const { service } = setup();
    const l = service.create('L');
    service.addItem(l.id, '9988.hk');
    service.addItem(l.id, 'NYSE:BABA', '  ADR  ');
    service.addSection(l.id, 'Indices', 0);
    const d = service.addItem(l.id, 'TVC:HSI', null, 1);
    expect(layout(d)).toEqual(['§Indices', '^HSI', '9988.HK', 'BABA (ADR)']);
    expect(d.entries.map((e) => e.section)).toEqual(['Indices', 'Indices', 'Indices', 'Indices']);
    expect(d.entries[3]).toMatchObject({ exchange: 'NYSE' });
    expect(catalystErrorOf(() => service.addItem(l.id, '9988.HK')).message).toBe(
      '9988.HK is already in this watchlist.',
    );
    expect(catalystErrorOf(() => service.addItem(l.id, 'BINANCE:BTC')).message).toMatch(
      /unknown exchange prefix "BINANCE"/,
    );
    expect(catalystErrorOf(() => service.addItem(l.id, 'X', null, 9)).message).toBe(
      'Position 9 is past the end of the list (4 entries).',
    );
    expect(catalystErrorOf(() => service.addSection(l.id, 'a,b')).message).toMatch(/contains a comma/);

    const baba = d.entries[3]!.id;
    expect(layout(service.setNote(baba, 'Second\r\nline'))).toContain('BABA (Second\nline)');
    expect(service.setNote(baba, '   ').entries[3]!.note).toBeNull();
    expect(catalystErrorOf(() => service.setNote(d.entries[0]!.id, 'x')).message).toMatch(/is a section/);
    expect(service.renameSection(d.entries[0]!.id, 'Benchmarks').entries[1]!.section).toBe('Benchmarks');
  });

  it('reorders by a full permutation and refuses anything else, changing nothing', () => {
    const { db, service } = setup();
    const l = service.import(tv(), { mode: 'new' }).watchlist!;
    const ids = service.get(l.id).entries.map((e) => e.id);
    const reversed = [...ids].reverse();
    expect(service.reorder(l.id, reversed).entries.map((e) => e.id)).toEqual(reversed);
    const before = snapshot(db);
    expect(catalystErrorOf(() => service.reorder(l.id, reversed.slice(1))).message).toMatch(
      /exactly once \(missing: \d+\)/,
    );
    expect(catalystErrorOf(() => service.reorder(l.id, [...reversed.slice(1), reversed[1]!])).message).toMatch(
      /repeated: \d+; missing: \d+/,
    );
    expect(catalystErrorOf(() => service.reorder(l.id, [...reversed, 9999])).message).toMatch(/not in the list: 9999/);
    expect(snapshot(db)).toEqual(before);
  });

  it('removes items and section markers, keeping positions contiguous', () => {
    const { db, service } = setup();
    const l = service.import(tv(), { mode: 'new' }).watchlist!;
    const d = service.get(l.id);
    const hkSection = d.entries.find((e) => e.label === 'HK tech')!;
    const after = service.removeItem(hkSection.id);
    expect(after.entries.find((e) => e.symbol === '9988.HK')!.section).toBe('Indices');
    expect(
      db.prepare('SELECT position FROM watchlist_items WHERE watchlist_id = ? ORDER BY position').all(l.id),
    ).toEqual(after.entries.map((_, i) => ({ position: i })));
    expect(catalystErrorOf(() => service.removeItem(hkSection.id)).code).toBe('not-found');
  });
});

describe('export', () => {
  it('writes back what was imported, in all three formats', () => {
    const { service } = setup();
    const l = service.import(tv(), { mode: 'new', name: 'China tech' }).watchlist!;
    const text = Buffer.from(fixtureBytes('tradingview-china-tech.txt')).toString('utf8');
    expect(service.export(l.id, 'tradingview')).toEqual({
      fileName: 'China tech.txt',
      mimeType: 'text/plain;charset=utf-8',
      content: text,
      warnings: [],
    });
    const json = service.export(l.id, 'json');
    expect(JSON.parse(json.content)).toMatchObject({
      format: 'catalyst-watchlist',
      version: 1,
      name: 'China tech',
      exportedAt: '2025-03-08T09:00:00.000Z',
    });
    const csv = service.export(l.id, 'csv');
    expect(csv.fileName).toBe('China tech.csv');
    const back = service.import({ fileName: csv.fileName, text: csv.content }, { mode: 'new', name: 'Copy' });
    expect(layout(service.get(back.watchlist!.id))).toEqual(layout(service.get(l.id)));
    expect(service.get(back.watchlist!.id).entries.map((e) => e.exchange)).toEqual(
      service.get(l.id).entries.map((e) => e.exchange),
    );
  });
});
