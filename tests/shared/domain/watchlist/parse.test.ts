import { describe, expect, it } from 'vitest';
import { MAX_WATCHLIST_ENTRIES } from '../../../../src/shared/domain/watchlist/model';
import { entriesOfLines, parseWatchlistText } from '../../../../src/shared/domain/watchlist/parse';
import { fixtureBytes, parseFixture, summary } from './fixture-helpers';

describe('TradingView exports', () => {
  it('reads the one-line export with sections', () => {
    const p = parseFixture('tradingview-china-tech.txt');
    expect(p.format).toBe('tradingview');
    expect(p.encoding).toBe('utf-8');
    expect(p.defaultName).toBe('tradingview-china-tech');
    expect(summary(p.lines)).toEqual([
      '1 §Indices ok',
      '1 ^HSI in Indices ok TVC',
      '1 HSTECH.HK in Indices ok HSI',
      '1 000001.SS in Indices ok SSE',
      '1 ^GSPC in Indices ok SP',
      '1 §HK tech ok',
      '1 9988.HK in HK tech ok HKEX',
      '1 0700.HK in HK tech ok HKEX',
      '1 3690.HK in HK tech ok HKEX',
      '1 1810.HK in HK tech ok HKEX',
      '1 9888.HK in HK tech ok HKEX',
      '1 1211.HK in HK tech ok HKEX',
      '1 2333.HK in HK tech ok HKEX',
      '1 §US ADRs ok',
      '1 BABA in US ADRs ok NYSE',
      '1 BIDU in US ADRs ok NASDAQ',
      '1 PDD in US ADRs ok NASDAQ',
      '1 JD in US ADRs ok NASDAQ',
    ]);
    expect(p.lines.map((l) => l.input).slice(0, 3)).toEqual(['###Indices', 'TVC:HSI', 'HSI:HSTECH']);
  });

  it('reads the one-entry-per-line export with trailing commas, with line numbers', () => {
    const p = parseFixture('tradingview-multiline.txt');
    expect(p.format).toBe('tradingview');
    expect(summary(p.lines)).toEqual([
      '1 §INDICES ok',
      '2 ^GSPC in INDICES ok TVC',
      '3 ^NDX in INDICES ok NASDAQ',
      '4 ^VIX in INDICES ok TVC',
      '5 §MEGA CAPS ok',
      '6 AAPL in MEGA CAPS ok NASDAQ',
      '7 MSFT in MEGA CAPS ok NASDAQ',
      '8 NVDA in MEGA CAPS ok NASDAQ',
      '9 BRK-B in MEGA CAPS ok NYSE',
      '10 §EUROPE & JAPAN ok',
      '11 SAP.DE in EUROPE & JAPAN ok XETR',
      '12 AZN.L in EUROPE & JAPAN ok LSE',
      '13 7203.T in EUROPE & JAPAN ok TSE',
      '14 RY.TO in EUROPE & JAPAN ok TSX',
      '15 000001.SZ in EUROPE & JAPAN ok SZSE',
    ]);
  });

  it('tolerates CRLF, blank lines and blanks around entries', () => {
    const r = parseWatchlistText('x.txt', '###A ,\r\n\r\n HKEX:700 , NYSE:BABA\r\n,,TVC:HSI');
    expect(r.ok && summary(r.value.lines)).toEqual([
      '1 §A ok',
      '3 0700.HK in A ok HKEX',
      '3 BABA in A ok NYSE',
      '4 ^HSI in A ok TVC',
    ]);
  });
});

describe('CSV', () => {
  it('reads a Yahoo Finance portfolio export: Comment is the note, repeated symbols are one item', () => {
    const p = parseFixture('yahoo-portfolio.csv');
    expect(p.format).toBe('csv');
    expect(summary(p.lines)).toEqual([
      '2 9988.HK ok',
      '3 0700.HK ok',
      '4 BABA ok',
      '5 BIDU ok',
      '6 9988.HK duplicate dup of 2',
      '7 ^HSI ok',
      '8 1810.HK ok',
      '9 BABA duplicate dup of 4',
    ]);
    const notes = Object.fromEntries(
      entriesOfLines(p.lines).flatMap((e) => (e.kind === 'item' ? [[e.symbol, e.note]] : [])),
    );
    expect(notes).toEqual({
      '9988.HK': 'Core HK position, bought before Qwen2.5-Max\nAdded after the DeepSeek week',
      '0700.HK': null,
      BABA: 'ADR; 1 ADS = 8 ordinary shares\nSecond lot, "momentum" add',
      BIDU: null,
      '^HSI': null,
      '1810.HK': '-10% stop below 45',
    });
  });

  it('reads a semicolon CSV with a Ticker header and decimal commas', () => {
    const p = parseFixture('semicolon-depot.csv');
    expect(p.format).toBe('csv');
    expect(summary(p.lines)).toEqual(['2 9988.HK ok', '3 0700.HK ok', '4 SAP.DE ok', '5 ASML ok']);
    // "Notiz" is not a note column name; only Comment/Note(s) are read.
    expect(p.lines.every((l) => l.note === null)).toBe(true);
  });

  it('reads a tab-delimited file with a lower-case "code" header and skips blank rows', () => {
    expect(summary(parseFixture('tab-delimited.tsv').lines)).toEqual(['2 9988.HK ok', '3 0700.HK ok', '5 3690.HK ok']);
  });

  it('reads Excel "CSV UTF-8" with a BOM and doubled quotes', () => {
    const p = parseFixture('utf8-bom.csv');
    expect(p.encoding).toBe('utf-8-bom');
    expect(p.lines.map((l) => [l.symbol, l.note])).toEqual([
      ['9988.HK', '阿里巴巴 — 通义千问'],
      ['0700.HK', '腾讯 Hunyuan'],
      ['1211.HK', '比亚迪 "God\'s Eye" ADAS'],
    ]);
  });

  it.each([
    ['excel-unicode-text-utf16le.txt', 'utf-16le'],
    ['excel-unicode-text-utf16be.txt', 'utf-16be'],
    ['excel-unicode-text.utf8.txt', 'utf-8'],
  ])('reads Excel "Unicode text" %s', (file, encoding) => {
    const p = parseFixture(file);
    expect(p.format).toBe('csv');
    expect(p.encoding).toBe(encoding);
    expect(p.lines.map((l) => [l.line, l.symbol, l.note])).toEqual([
      [2, '9988.HK', '通义千问 Qwen2.5-Max'],
      [3, '0700.HK', null],
      [4, '3690.HK', null],
      [5, '1810.HK', '🚗 SU7; "Ultra" launch'],
      [6, '9888.HK', '文心一言'],
    ]);
  });

  it('the UTF-16 fixtures are exactly the UTF-8 fixture re-encoded (they cannot drift)', () => {
    const utf8 = Buffer.from(fixtureBytes('excel-unicode-text.utf8.txt')).toString('utf8');
    expect(Buffer.from(fixtureBytes('excel-unicode-text-utf16le.txt'))).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]),
    );
    const be = Buffer.from(utf8, 'utf16le').swap16();
    expect(Buffer.from(fixtureBytes('excel-unicode-text-utf16be.txt'))).toEqual(
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    );
  });

  it('counts physical lines across quoted line breaks and CR-only files', () => {
    const text = 'Symbol,Note\n9988.HK,"two\nlines"\n\n0700.HK,x\n';
    const r = parseWatchlistText('a.csv', text);
    expect(r.ok && r.value.lines.map((l) => [l.line, l.symbol, l.note])).toEqual([
      [2, '9988.HK', 'two\nlines'],
      [5, '0700.HK', 'x'],
    ]);
    const cr = parseWatchlistText('a.csv', 'Symbol\r9988.HK\r0700.HK\r');
    expect(cr.ok && cr.value.lines.map((l) => l.line)).toEqual([2, 3]);
  });

  it('honours an Excel "sep=" line and picks the Symbol column over Code', () => {
    const r = parseWatchlistText('a.csv', 'sep=;\r\nCode;Symbol;Comment\r\nx;9988.HK;a, b\r\n');
    expect(r.ok && r.value.lines.map((l) => [l.line, l.symbol, l.note])).toEqual([[3, '9988.HK', 'a, b']]);
  });

  it("reads the Section and TradingView Exchange columns of Catalyst's own CSV", () => {
    const text =
      "Symbol,Section,Note,TradingView Exchange\r\n,Indices,,\r\n^HSI,Indices,,TVC\r\n,Empty,,\r\n,HK,,\r\n9988.HK,HK,'=SUM(A1),HKEX\r\n";
    const r = parseWatchlistText('a.csv', text);
    expect(r.ok && entriesOfLines(r.value.lines)).toEqual([
      { kind: 'section', label: 'Indices' },
      { kind: 'item', symbol: '^HSI', note: null, exchange: 'TVC' },
      { kind: 'section', label: 'Empty' },
      { kind: 'section', label: 'HK' },
      { kind: 'item', symbol: '9988.HK', note: '=SUM(A1)', exchange: 'HKEX' },
    ]);
  });

  it('reports per row: missing symbol, bad symbol, a prefix that does not fit, a section label with a comma', () => {
    const p = parseFixture('malformed/bad-rows.csv');
    expect(p.lines.map((l) => [l.line, l.kind, l.symbol ?? l.input, l.status, l.error])).toEqual([
      [2, 'section', 'HK tech', 'ok', null],
      [2, 'item', '9988.HK', 'ok', null],
      [3, 'item', ',,orphan note,', 'error', 'no symbol in the Symbol column'],
      [4, 'section', 'US', 'ok', null],
      [4, 'item', 'BABA', 'error', 'BABA cannot be written with the TradingView prefix "HKEX"'],
      [5, 'item', 'BIDU', 'ok', null],
      [6, 'item', '=cmd|calc', 'error', expect.stringMatching(/is not a symbol/)],
      [7, 'section', 'Bad, label', 'error', expect.stringMatching(/contains a comma/)],
      [7, 'item', '0700.HK', 'ok', null],
    ]);
  });
});

describe('plain text', () => {
  it('reads symbols separated by blanks, commas and semicolons, with # comments', () => {
    const p = parseFixture('plain-with-comments.txt');
    expect(p.format).toBe('plain');
    expect(summary(p.lines)).toEqual([
      '3 9988.HK ok',
      '3 0700.HK ok',
      '3 3690.HK ok',
      '4 1810.HK ok',
      '4 9888.HK ok',
      '4 1211.HK ok',
      '6 BABA ok',
      '6 BIDU ok',
      '8 ^HSI ok',
      '9 HSTECH.HK ok',
      '10 000001.SS ok',
    ]);
    expect(p.lines.slice(0, 2).map((l) => l.input)).toEqual(['9988.hk', '700.HK']);
  });

  it('reports bad tokens and in-file duplicates per line', () => {
    const p = parseFixture('malformed/bad-lines.txt');
    expect(p.lines.map((l) => [l.line, l.input, l.status, l.duplicateOf, l.error])).toEqual([
      [2, '9988.HK', 'ok', null, null],
      [3, 'not/a/symbol', 'error', null, expect.stringMatching(/"not\/a\/symbol" is not a symbol/)],
      [4, '0.HK', 'error', null, expect.stringMatching(/0 is not a Hong Kong stock code/)],
      [5, '9988.hk', 'duplicate', 2, null],
      [6, 'BABA', 'ok', null, null],
      [6, '$$$', 'error', null, expect.stringMatching(/is not a symbol/)],
      [7, '0700.HK', 'ok', null, null],
    ]);
  });

  it('a "### heading" comment with words does not turn plain text into TradingView text', () => {
    const r = parseWatchlistText('notes.txt', '### My list\n9988.HK 0700.HK # core\n');
    expect(r.ok && r.value.format).toBe('plain');
    expect(r.ok && r.value.lines.map((l) => l.symbol)).toEqual(['9988.HK', '0700.HK']);
  });

  it('EXCHANGE:TICKER entries in a plain list are mapped and keep their prefix', () => {
    const r = parseWatchlistText('mixed.txt', 'HKEX:700\n9988.HK\n# done\n');
    expect(r.ok && r.value.format).toBe('plain');
    expect(r.ok && r.value.lines.map((l) => [l.symbol, l.exchange])).toEqual([
      ['0700.HK', 'HKEX'],
      ['9988.HK', null],
    ]);
  });
});

describe('Catalyst JSON', () => {
  it('reads every entry kind and proposes the name inside the file', () => {
    const p = parseFixture('catalyst-china-tech.json');
    expect(p.format).toBe('json');
    expect(p.defaultName).toBe('China tech rally 2025');
    expect(entriesOfLines(p.lines)).toEqual([
      { kind: 'section', label: 'Benchmarks' },
      { kind: 'item', symbol: 'HSTECH.HK', note: "The article's headline index", exchange: 'HSI' },
      { kind: 'item', symbol: '^HSI', note: null, exchange: 'TVC' },
      { kind: 'item', symbol: '^GSPC', note: null, exchange: null },
      { kind: 'section', label: 'Alibaba' },
      { kind: 'item', symbol: '9988.HK', note: 'Qwen2.5-Max launch 2025-01-29\nEarnings 2025-02-20', exchange: 'HKEX' },
      { kind: 'item', symbol: 'BABA', note: 'ADR: 1 ADS = 8 shares', exchange: 'NYSE' },
      { kind: 'section', label: 'Others' },
      { kind: 'item', symbol: '0700.HK', note: '=Hunyuan T1', exchange: null },
      { kind: 'item', symbol: '1810.HK', note: null, exchange: null },
      { kind: 'section', label: 'Empty for now' },
    ]);
  });

  it('reports bad entries per position and keeps the good ones', () => {
    const text = JSON.stringify({
      format: 'catalyst-watchlist',
      version: 1,
      name: '   ',
      entries: [
        { symbol: '9988.HK' },
        42,
        { symbol: 'HKEX:700' },
        { section: 'A', symbol: 'X' },
        { symbol: 'BABA', exchange: 'HKEX' },
        { symbol: 'BIDU', note: 5 },
        { section: '' },
      ],
    });
    const r = parseWatchlistText('list.json', text);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.defaultName).toBe('list');
    expect(r.value.lines.map((l) => [l.line, l.status, l.error])).toEqual([
      [1, 'ok', null],
      [2, 'error', 'an entry must be an object with "symbol" or "section"'],
      [3, 'error', expect.stringMatching(/TradingView spelling/)],
      [4, 'error', expect.stringMatching(/not both/)],
      [5, 'error', expect.stringMatching(/cannot be written with the TradingView prefix "HKEX"/)],
      [6, 'error', '"note" must be a string'],
      [7, 'error', 'a section name cannot be empty'],
    ]);
  });
});

describe('format detection and limits', () => {
  it('a .txt with a Symbol header is CSV; a .csv without one is refused, not read as plain text', () => {
    expect(parseWatchlistText('list.txt', 'Symbol\n9988.HK\n').ok && 'csv').toBe('csv');
    const r = parseWatchlistText('list.csv', '9988.HK\n0700.HK\n');
    expect(r).toEqual({ ok: false, reason: 'the CSV has no Symbol, Ticker or Code column (first line: "9988.HK")' });
  });

  it('a .json file must be JSON', () => {
    const r = parseWatchlistText('list.json', 'HKEX:700');
    expect(r.ok ? 'parsed' : r.reason).toMatch(/^invalid JSON/);
  });

  it(`refuses more than ${MAX_WATCHLIST_ENTRIES} entries`, () => {
    const text = Array.from({ length: MAX_WATCHLIST_ENTRIES + 1 }, (_, i) => `HKEX:${i + 1}`).join(',');
    expect(parseWatchlistText('big.txt', text)).toEqual({
      ok: false,
      reason: `the file has ${MAX_WATCHLIST_ENTRIES + 1} entries; a watchlist holds at most ${MAX_WATCHLIST_ENTRIES}`,
    });
    expect(parseWatchlistText('ok.txt', text.split(',').slice(0, MAX_WATCHLIST_ENTRIES).join(',')).ok).toBe(true);
  });

  it('derives the default name from the file name', () => {
    const r = parseWatchlistText('C:\\Users\\me\\Downloads\\HK tech (2025).txt', 'HKEX:700');
    expect(r.ok && r.value.defaultName).toBe('HK tech (2025)');
    const blank = parseWatchlistText('.txt', 'HKEX:700');
    expect(blank.ok && blank.value.defaultName).toBe('Imported watchlist');
  });
});
