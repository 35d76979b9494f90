import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import type { Bar } from '../../../src/shared/domain/bar';
import { openDatabase } from '../../../src/main/db/open';
import { BarsRepository } from '../../../src/main/db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../../../src/main/db/repositories/instruments-repository';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

/** Deterministic pseudo-random bars: 1,000 symbols × 1,000 sessions. */
function generate(symbols: number, sessions: number): Map<string, Bar[]> {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = new Map<string, Bar[]>();
  const day0 = Date.UTC(2000, 0, 3);
  for (let s = 0; s < symbols; s++) {
    const bars: Bar[] = [];
    let close = 10 + rnd() * 100;
    for (let d = 0; d < sessions; d++) {
      const open = Math.round(close * (1 + (rnd() - 0.5) * 0.02) * 1e4) / 1e4;
      close = Math.round(open * (1 + (rnd() - 0.5) * 0.04) * 1e4) / 1e4;
      const high = Math.max(open, close) + Math.round(rnd() * 100) / 1e4;
      const low = Math.min(open, close) - Math.round(rnd() * 100) / 1e4;
      bars.push({
        date: asIsoDate(new Date(day0 + d * 86_400_000).toISOString().slice(0, 10)),
        open,
        high,
        low,
        close,
        adjClose: d % 7 === 0 ? close * 0.99 : null,
        volume: Math.floor(rnd() * 1e10),
        placeholder: d % 97 === 0,
      });
    }
    out.set(`S${String(s).padStart(4, '0')}.HK`, bars);
  }
  return out;
}

describe('BarsRepository', () => {
  it('upserts 1,000,000 bars and reads every one back exactly; a re-import changes nothing', () => {
    const db = openDatabase(tmp.dbPath());
    const instruments = new InstrumentsRepository(db);
    const repo = new BarsRepository(db);
    const data = generate(1000, 1000);
    let changed = 0;
    db.transaction(() => {
      for (const [symbol, bars] of data) {
        instruments.insertIfMissing(bareInstrument(asTicker(symbol)));
        changed += repo.upsertBatch(asTicker(symbol), bars);
      }
    })();
    expect(changed).toBe(1_000_000);
    expect(db.prepare('SELECT count(*) FROM bars').pluck().get()).toBe(1_000_000);
    for (const [symbol, bars] of data) expect(repo.range(asTicker(symbol))).toEqual(bars);

    let again = 0;
    db.transaction(() => {
      for (const [symbol, bars] of data) again += repo.upsertBatch(asTicker(symbol), bars);
    })();
    expect(again).toBe(0);
    expect(db.prepare('SELECT count(*) FROM bars').pluck().get()).toBe(1_000_000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // A million rows written twice and read back: about 15 s on an idle 2-core machine, several
    // times that while other suites run, so more than the 30 s default.
  }, 120_000);

  it('reads a date range inclusively and reports the latest date', () => {
    const db = openDatabase(tmp.dbPath());
    const instruments = new InstrumentsRepository(db);
    const repo = new BarsRepository(db);
    const sym = asTicker('BIDU');
    instruments.insertIfMissing(bareInstrument(sym));
    const bars = generate(1, 10).get('S0000.HK')!;
    repo.upsertBatch(sym, bars);
    expect(repo.range(sym, bars[2]!.date, bars[4]!.date)).toEqual(bars.slice(2, 5));
    expect(repo.latestDate(sym)).toBe(bars[9]!.date);
    expect(repo.count(sym)).toBe(10);
    db.close();
  });

  it('counts only real changes when a bar is revised', () => {
    const db = openDatabase(tmp.dbPath());
    new InstrumentsRepository(db).insertIfMissing(bareInstrument(asTicker('X')));
    const repo = new BarsRepository(db);
    const bars = generate(1, 5).get('S0000.HK')!;
    repo.upsertBatch(asTicker('X'), bars);
    const revised = bars.map((b, i) => (i === 3 ? { ...b, close: b.close + 0.01, high: b.high! + 0.01 } : b));
    expect(repo.upsertBatch(asTicker('X'), revised)).toBe(1);
    expect(repo.range(asTicker('X'))[3]!.close).toBeCloseTo(bars[3]!.close + 0.01, 10);
    db.close();
  });

  it('answers session seeks, quotes and cached symbols from prepared statements', () => {
    const db = openDatabase(tmp.dbPath());
    const instruments = new InstrumentsRepository(db);
    const repo = new BarsRepository(db);
    const sym = asTicker('SEEK');
    instruments.insertIfMissing(bareInstrument(sym));
    instruments.insertIfMissing(bareInstrument(asTicker('EMPTY')));
    expect(repo.sessionSeek(sym).first).toBeNull();
    expect(repo.latestClose(sym)).toBeNull();
    const bars = generate(1, 10).get('S0000.HK')!; // 2000-01-03 … 2000-01-12, a placeholder on day 0
    repo.upsertBatch(sym, bars);
    const seek = repo.sessionSeek(sym);
    expect(seek.first).toBe('2000-01-03');
    expect(seek.onOrAfter(asIsoDate('1999-12-31'))).toBe('2000-01-03');
    expect(seek.onOrAfter(asIsoDate('2000-01-05'))).toBe('2000-01-05');
    expect(seek.after(asIsoDate('2000-01-05'))).toBe('2000-01-06');
    expect(seek.onOrAfter(asIsoDate('2000-01-13'))).toBeNull();
    expect(seek.after(asIsoDate('2000-01-12'))).toBeNull();
    // The batched seeks agree with the single ones, for dates asked in advance and others.
    const asked = ['1999-12-31', '2000-01-05', '2000-01-12', '2000-01-13'].map(asIsoDate);
    const many = repo.sessionSeeks(
      new Map([
        [sym, asked],
        [asTicker('EMPTY'), asked],
        [asTicker('UNKNOWN'), asked],
      ]),
    );
    for (const date of [...asked, asIsoDate('2000-01-08'), asIsoDate('2000-01-04')]) {
      expect(many.get(sym)!.onOrAfter(date)).toBe(seek.onOrAfter(date));
      expect(many.get(sym)!.after(date)).toBe(seek.after(date));
      expect(many.get(asTicker('EMPTY'))!.onOrAfter(date)).toBeNull();
      expect(many.get(asTicker('UNKNOWN'))!.after(date)).toBeNull();
    }
    expect(many.get(sym)!.first).toBe('2000-01-03');
    expect(many.get(asTicker('EMPTY'))!.first).toBeNull();
    expect(repo.earliestDate(sym)).toBe('2000-01-03');
    expect(repo.sessionDates(sym)).toEqual(bars.map((b) => b.date));
    expect(repo.latestClose(sym)).toEqual({
      lastDate: bars[9]!.date,
      lastClose: bars[9]!.close,
      prevClose: bars[8]!.close,
    });
    expect(repo.cachedSymbols(['SEEK', 'EMPTY', 'UNKNOWN', 'SEEK'])).toEqual(new Set(['SEEK']));
    expect(repo.cachedSymbols([])).toEqual(new Set());
    db.close();
  });

  it('refuses bars of an unknown instrument (foreign key)', () => {
    const db = openDatabase(tmp.dbPath());
    const repo = new BarsRepository(db);
    expect(() => repo.upsertBatch(asTicker('NOPE'), generate(1, 1).get('S0000.HK')!)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
