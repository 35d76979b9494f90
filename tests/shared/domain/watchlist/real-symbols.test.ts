import { describe, expect, it } from 'vitest';
import { parseWatchlistText } from '../../../../src/shared/domain/watchlist/parse';
import { normaliseSymbolInput } from '../../../../src/shared/domain/watchlist/symbol-map';
import { parseFixture } from './fixture-helpers';

const mapped = (raw: string) => {
  const m = normaliseSymbolInput(raw);
  return m.ok ? m.symbol : `error: ${m.reason}`;
};

describe('US share classes and preferreds as lists write them', () => {
  it.each([
    ['BRK.B', 'BRK-B'],
    ['BF.B', 'BF-B'],
    ['brk.a', 'BRK-A'],
    ['BF/A', 'BF-A'],
    ['BIO/B', 'BIO-B'],
    ['BRK-B', 'BRK-B'],
    // single letters after a dot that are Yahoo exchange suffixes, not share classes
    ['OCDO.L', 'OCDO.L'],
    ['7203.T', '7203.T'],
    ['BMW.F', 'BMW.F'],
    ['9988.HK', '9988.HK'],
    ['DX-Y.NYB', 'DX-Y.NYB'],
  ])('%s → %s', (raw, want) => {
    expect(mapped(raw)).toBe(want);
  });

  it('a preferred share is an error that names the Yahoo spelling', () => {
    expect(mapped('ABR^D')).toBe(
      `error: "ABR^D" is a preferred share in Nasdaq's spelling; Yahoo writes it ABR-PD (import that symbol instead)`,
    );
  });

  it('maps them in a Nasdaq screener CSV and a plain-text list', () => {
    const csv = parseFixture('nasdaq-share-classes.csv');
    expect(csv.lines.map((l) => [l.input, l.symbol, l.status])).toEqual([
      ['BF/A', 'BF-A', 'ok'],
      ['BF/B', 'BF-B', 'ok'],
      ['ABR^D', null, 'error'],
      ['MSFT', 'MSFT', 'ok'],
    ]);
    const plain = parseFixture('plain-share-classes.txt');
    expect(plain.lines.map((l) => [l.line, l.entry, l.symbol, l.status, l.duplicateOf, l.duplicateOfEntry])).toEqual([
      [1, 1, 'AAPL', 'ok', null, null],
      [1, 2, 'BRK-A', 'ok', null, null],
      [1, 3, 'BRK-B', 'ok', null, null],
      [2, 1, 'MSFT', 'ok', null, null],
      [2, 2, 'BRK-B', 'duplicate', 1, 3],
      [2, 3, 'OCDO.L', 'ok', null, null],
      [2, 4, '7203.T', 'ok', null, null],
    ]);
  });

  it('maps a share class in a TradingView list, bare or with a prefix', () => {
    const r = parseWatchlistText('list.txt', 'NYSE:BRK.B,BF.B,NYSE:BRK.A');
    expect(r.ok && r.value.lines.map((l) => l.symbol)).toEqual(['BRK-B', 'BF-B', 'BRK-A']);
  });
});

describe('Yahoo portfolio exports', () => {
  it('skips $$CASH_TX rows with a notice and names the columns a watchlist does not keep', () => {
    const p = parseFixture('yahoo-portfolio-cash.csv');
    expect(p.lines.map((l) => [l.line, l.symbol, l.status])).toEqual([
      [2, 'BRK-B', 'ok'],
      [4, 'BABA', 'ok'],
    ]);
    expect(p.notices).toEqual([
      'line 3: $$CASH_TX is a cash transaction of a Yahoo portfolio, not a symbol: skipped',
      'line 5: $$CASH_TX is a cash transaction of a Yahoo portfolio, not a symbol: skipped',
    ]);
    expect(p.ignoredColumns).toEqual([
      'Current Price',
      'Date',
      'Time',
      'Change',
      'Open',
      'High',
      'Low',
      'Volume',
      'Trade Date',
      'Purchase Price',
      'Quantity',
      'Commission',
    ]);
  });

  it('lists nothing for a plain symbol list', () => {
    const r = parseWatchlistText('l.csv', 'Symbol\nAAPL\n');
    expect(r.ok && [r.value.notices, r.value.ignoredColumns]).toEqual([[], []]);
  });
});

describe('TradingView entry positions', () => {
  it('numbers every entry within its line, so a duplicate in a one-line file says which entry it repeats', () => {
    const r = parseWatchlistText('tv.txt', '###HK,HKEX:700,HKEX:9988,HKEX:0700,NYSE:BABA');
    expect(r.ok).toBe(true);
    const lines = r.ok ? r.value.lines : [];
    expect(lines.map((l) => [l.line, l.entry, l.input, l.status, l.duplicateOf, l.duplicateOfEntry])).toEqual([
      [1, 1, '###HK', 'ok', null, null],
      [1, 2, 'HKEX:700', 'ok', null, null],
      [1, 3, 'HKEX:9988', 'ok', null, null],
      [1, 4, 'HKEX:0700', 'duplicate', 1, 2],
      [1, 5, 'NYSE:BABA', 'ok', null, null],
    ]);
  });

  it('has no entry position in CSV files (one entry per line)', () => {
    const r = parseWatchlistText('l.csv', 'Symbol\nAAPL\nAAPL\n');
    expect(r.ok && r.value.lines.map((l) => [l.entry, l.duplicateOf, l.duplicateOfEntry])).toEqual([
      [null, null, null],
      [null, 2, null],
    ]);
  });
});
