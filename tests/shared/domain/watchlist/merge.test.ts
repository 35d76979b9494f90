import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import { markExisting, mergeEntries, type PlacedEntry } from '../../../../src/shared/domain/watchlist/merge';
import type { WatchlistEntry } from '../../../../src/shared/domain/watchlist/model';
import { parseWatchlistText } from '../../../../src/shared/domain/watchlist/parse';
import { watchlistArb } from './arbitraries';

const item = (symbol: string): WatchlistEntry => ({
  kind: 'item',
  symbol: asTicker(symbol),
  note: null,
  exchange: null,
});
const section = (label: string): WatchlistEntry => ({ kind: 'section', label });
const stored = (entries: WatchlistEntry[]): PlacedEntry<number>[] => entries.map((entry, i) => ({ id: i + 1, entry }));
const show = (placed: PlacedEntry<number>[]) =>
  placed.map((p) => `${p.id ?? 'new'}:${p.entry.kind === 'section' ? `§${p.entry.label}` : p.entry.symbol}`);

describe('mergeEntries', () => {
  it('appends to an empty list in file order', () => {
    const { merged, added } = mergeEntries(stored([]), [item('A'), section('S'), item('B')]);
    expect(show(merged)).toEqual(['new:A', 'new:§S', 'new:B']);
    expect(added).toEqual(['A', 'B']);
  });

  it('puts new symbols at the end of their existing section and skips duplicates', () => {
    const existing = stored([item('A'), section('HK'), item('0700.HK'), section('US'), item('BABA')]);
    const { merged, added } = mergeEntries(existing, [
      section('US'),
      item('BIDU'),
      item('BABA'),
      section('HK'),
      item('9988.HK'),
      item('0700.HK'),
    ]);
    expect(show(merged)).toEqual(['1:A', '2:§HK', '3:0700.HK', 'new:9988.HK', '4:§US', '5:BABA', 'new:BIDU']);
    expect(added).toEqual(['BIDU', '9988.HK']);
  });

  it('puts unsectioned symbols at the end of the leading unsectioned part', () => {
    const existing = stored([item('A'), section('S'), item('B')]);
    expect(show(mergeEntries(existing, [item('C')]).merged)).toEqual(['1:A', 'new:C', '2:§S', '3:B']);
    const noLead = stored([section('S'), item('B')]);
    expect(show(mergeEntries(noLead, [item('C')]).merged)).toEqual(['new:C', '1:§S', '2:B']);
  });

  it('appends sections the list lacks, even when all their symbols are duplicates', () => {
    const existing = stored([item('A')]);
    const { merged, added } = mergeEntries(existing, [section('New'), item('A'), section('Other'), item('B')]);
    expect(show(merged)).toEqual(['1:A', 'new:§New', 'new:§Other', 'new:B']);
    expect(added).toEqual(['B']);
  });

  it('uses the first section of a repeated label', () => {
    const existing = stored([section('X'), item('A'), section('Y'), section('X'), item('B')]);
    expect(show(mergeEntries(existing, [section('X'), item('C')]).merged)).toEqual([
      '1:§X',
      '2:A',
      'new:C',
      '3:§Y',
      '4:§X',
      '5:B',
    ]);
  });

  it('never removes or reorders stored entries, and adds each new symbol once (property)', () => {
    fc.assert(
      fc.property(
        watchlistArb({ notes: false, exchanges: 'any' }),
        watchlistArb({ notes: false, exchanges: 'any' }),
        (a, b) => {
          const existing = stored([...a.entries]);
          const { merged, added } = mergeEntries(existing, b.entries);
          expect(merged.filter((p) => p.id !== null)).toEqual(existing);
          const symbols = merged.flatMap((p) => (p.entry.kind === 'item' ? [p.entry.symbol] : []));
          expect(new Set(symbols).size).toBe(symbols.length);
          const before = new Set(a.entries.flatMap((e) => (e.kind === 'item' ? [e.symbol] : [])));
          const incoming = b.entries.flatMap((e) => (e.kind === 'item' ? [e.symbol] : []));
          expect(added).toEqual(incoming.filter((s) => !before.has(s)));
          expect(new Set(symbols)).toEqual(new Set([...before, ...incoming]));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('markExisting', () => {
  it('marks ok items already in the target as duplicates of the list', () => {
    const r = parseWatchlistText('x.txt', 'HKEX:700,HKEX:9988,HKEX:700,NYSE:X:Y');
    if (!r.ok) throw new Error(r.reason);
    const marked = markExisting(r.value.lines, new Set(['9988.HK']));
    expect(marked.map((l) => [l.symbol, l.status, l.duplicateOf])).toEqual([
      ['0700.HK', 'ok', null],
      ['9988.HK', 'duplicate', null],
      ['0700.HK', 'duplicate', 1],
      [null, 'error', null],
    ]);
  });
});
