import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import { neutraliseCell, restoreCell } from '../../../../src/shared/domain/csv/csv-cells';
import { exportFileName, exportWatchlist } from '../../../../src/shared/domain/watchlist/export';
import type { WatchlistDocument, WatchlistEntry } from '../../../../src/shared/domain/watchlist/model';
import { entriesOfLines, parseWatchlistFile } from '../../../../src/shared/domain/watchlist/parse';
import { watchlistArb } from './arbitraries';
import { fixtureBytes, parseFixture } from './fixture-helpers';

const item = (symbol: string, note: string | null = null, exchange: string | null = null): WatchlistEntry => ({
  kind: 'item',
  symbol: asTicker(symbol),
  note,
  exchange,
});
const section = (label: string): WatchlistEntry => ({ kind: 'section', label });

/** Exports, writes the content as UTF-8 bytes (what saving a file does) and imports it back. */
function roundTrip(doc: WatchlistDocument, format: 'tradingview' | 'csv' | 'json') {
  const file = exportWatchlist(doc, format, '2025-03-08T00:00:00.000Z');
  const parsed = parseWatchlistFile(file.fileName, new Uint8Array(Buffer.from(file.content, 'utf8')));
  if (!parsed.ok) throw new Error(`re-import refused: ${parsed.reason}\n${file.content}`);
  return { file, parsed: parsed.value };
}

describe('export then import is the identity (property)', () => {
  it('Catalyst JSON: name, sections, notes and prefixes', () => {
    fc.assert(
      fc.property(watchlistArb({ notes: true, exchanges: 'any' }), (doc) => {
        const { parsed } = roundTrip(doc, 'json');
        expect(parsed.lines.every((l) => l.status === 'ok')).toBe(true);
        expect(parsed.defaultName).toBe(doc.name);
        expect(entriesOfLines(parsed.lines)).toEqual(doc.entries);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: sections (empty ones too), notes and prefixes', () => {
    fc.assert(
      fc.property(watchlistArb({ notes: true, exchanges: 'any' }), (doc) => {
        const { parsed } = roundTrip(doc, 'csv');
        expect(parsed.format).toBe('csv');
        expect(parsed.lines.every((l) => l.status === 'ok')).toBe(true);
        expect(entriesOfLines(parsed.lines)).toEqual(doc.entries);
      }),
      { numRuns: 300 },
    );
  });

  it('TradingView: sections and symbols with the prefixes a TradingView import gives', () => {
    fc.assert(
      fc.property(watchlistArb({ notes: false, exchanges: 'tradingview' }), (doc) => {
        const { parsed, file } = roundTrip(doc, 'tradingview');
        expect(parsed.lines.every((l) => l.status === 'ok')).toBe(true);
        expect(entriesOfLines(parsed.lines)).toEqual(doc.entries);
        expect(file.content).not.toMatch(/\n/);
      }),
      { numRuns: 300 },
    );
  });

  it('TradingView without remembered prefixes: each symbol gets its default prefix (or stays bare), nothing else changes', () => {
    const doc: WatchlistDocument = {
      name: 'x',
      entries: [
        item('0700.HK'),
        item('^HSI'),
        item('BABA'),
        item('BHP.AX'),
        section('S'),
        item('HSTECH.HK'),
        item('BRK-B'),
      ],
    };
    const { parsed, file } = roundTrip(doc, 'tradingview');
    expect(file.content).toBe('HKEX:700,TVC:HSI,BABA,BHP.AX,###S,HSI:HSTECH,BRK-B');
    expect(file.warnings).toEqual([
      'written without an exchange prefix (not known for these symbols; TradingView resolves bare tickers on import): BABA, BHP.AX, BRK-B',
    ]);
    expect(entriesOfLines(parsed.lines)).toEqual([
      item('0700.HK', null, 'HKEX'),
      item('^HSI', null, 'TVC'),
      item('BABA'),
      item('BHP.AX'),
      section('S'),
      item('HSTECH.HK', null, 'HSI'),
      item('BRK-B'),
    ]);
  });
});

describe('real files survive import then export', () => {
  it('the TradingView fixture is written back byte for byte', () => {
    const p = parseFixture('tradingview-china-tech.txt');
    const out = exportWatchlist({ name: p.defaultName, entries: entriesOfLines(p.lines) }, 'tradingview');
    expect(out.content).toBe(Buffer.from(fixtureBytes('tradingview-china-tech.txt')).toString('utf8'));
    expect(out.fileName).toBe('tradingview-china-tech.txt');
    expect(out.warnings).toEqual([]);
  });

  it('the multi-line TradingView fixture comes back as the same entries on one line', () => {
    const p = parseFixture('tradingview-multiline.txt');
    const out = exportWatchlist({ name: 'm', entries: entriesOfLines(p.lines) }, 'tradingview');
    const original = Buffer.from(fixtureBytes('tradingview-multiline.txt')).toString('utf8');
    expect(out.content).toBe(original.replace(/,\n/g, ',').replace(/,$/, ''));
  });

  it('the Yahoo portfolio keeps its merged notes through CSV and JSON', () => {
    const p = parseFixture('yahoo-portfolio.csv');
    const doc = { name: 'Portfolio', entries: entriesOfLines(p.lines) };
    for (const format of ['csv', 'json'] as const)
      expect(entriesOfLines(roundTrip(doc, format).parsed.lines)).toEqual(doc.entries);
  });

  it('TradingView export warns that notes are left out', () => {
    const p = parseFixture('catalyst-china-tech.json');
    const out = exportWatchlist({ name: p.defaultName, entries: entriesOfLines(p.lines) }, 'tradingview');
    expect(out.content).toBe(
      '###Benchmarks,HSI:HSTECH,TVC:HSI,SP:SPX,###Alibaba,HKEX:9988,NYSE:BABA,###Others,HKEX:700,HKEX:1810,###Empty for now',
    );
    expect(out.warnings).toEqual([
      '4 note(s) left out: TradingView watchlist files have no notes (export CSV or JSON to keep them)',
    ]);
  });
});

describe('CSV export', () => {
  const doc: WatchlistDocument = {
    name: 'Risky / notes: "test"',
    entries: [
      section('=Indices'),
      item('^HSI', '=HYPERLINK("http://evil.example","click")', 'TVC'),
      item('9988.HK', '+1 vs HSI'),
      item('0700.HK', '-10% stop'),
      item('BABA', "@SUM(1+1)*cmd|' /C calc'!A0", 'NYSE'),
      item('BIDU', "'=already quoted"),
      item('1810.HK', 'plain, with "quotes"\nand a second line'),
    ],
  };

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const csv = exportWatchlist(doc, 'csv').content;
    expect(csv.startsWith('\uFEFFSymbol,Section,Note,TradingView Exchange\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Symbol,Section,Note,TradingView Exchange',
      ",'=Indices,,",
      `^HSI,'=Indices,"'=HYPERLINK(""http://evil.example"",""click"")",TVC`,
      "9988.HK,'=Indices,'+1 vs HSI,",
      "0700.HK,'=Indices,'-10% stop,",
      "BABA,'=Indices,'@SUM(1+1)*cmd|' /C calc'!A0,NYSE",
      "BIDU,'=Indices,''=already quoted,",
      '1810.HK,\'=Indices,"plain, with ""quotes""\nand a second line",',
      '',
    ]);
    // No cell of the file starts with a formula character.
    const cells = csv
      .slice(1)
      .split(/\r\n|,/)
      .map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('imports its own neutralised cells back exactly', () => {
    const file = exportWatchlist(doc, 'csv');
    const parsed = parseWatchlistFile(file.fileName, new Uint8Array(Buffer.from(file.content, 'utf8')));
    expect(parsed.ok && entriesOfLines(parsed.value.lines)).toEqual(doc.entries);
  });

  it('neutraliseCell and restoreCell are inverse for every string (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r'),
        (s, head) => {
          expect(restoreCell(neutraliseCell(head + s))).toBe(head + s);
          expect(neutraliseCell(head + s)).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
  });

  it('makes safe file names', () => {
    expect(exportFileName('Risky / notes: "test"', 'csv')).toBe('Risky _ notes_ _test_.csv');
    expect(exportFileName('...', 'json')).toBe('watchlist.json');
    expect(exportFileName('HK tech', 'tradingview')).toBe('HK tech.txt');
  });
});
