import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import {
  exchangeProblem,
  exchangeRules,
  indexRules,
  mapTradingViewSymbol,
  normaliseSymbolInput,
  toTradingViewSymbol,
} from '../../../../src/shared/domain/watchlist/symbol-map';

const mapped = (input: string) => {
  const r = mapTradingViewSymbol(input);
  if (!r.ok) throw new Error(`${input}: ${r.reason}`);
  return { symbol: r.symbol, exchange: r.exchange };
};
const reason = (input: string) => {
  const r = mapTradingViewSymbol(input);
  if (r.ok) throw new Error(`${input} mapped to ${r.symbol}`);
  return r.reason;
};

describe('exchange rules: one example per row, both directions', () => {
  // Every row of exchangeRules must have an example here (checked below).
  const examples: Record<string, { tv: string; yahoo: string; back?: string }[]> = {
    NASDAQ: [{ tv: 'NASDAQ:BIDU', yahoo: 'BIDU' }],
    NYSE: [
      { tv: 'NYSE:BABA', yahoo: 'BABA' },
      { tv: 'NYSE:BRK.B', yahoo: 'BRK-B' },
    ],
    AMEX: [{ tv: 'AMEX:SPY', yahoo: 'SPY' }],
    NYSEARCA: [{ tv: 'NYSEARCA:KWEB', yahoo: 'KWEB' }],
    BATS: [{ tv: 'BATS:CQQQ', yahoo: 'CQQQ' }],
    HKEX: [
      { tv: 'HKEX:700', yahoo: '0700.HK' },
      { tv: 'HKEX:9988', yahoo: '9988.HK' },
      { tv: 'HKEX:5', yahoo: '0005.HK' },
      { tv: 'HKEX:09988', yahoo: '9988.HK', back: 'HKEX:9988' },
      { tv: 'HKEX:80737', yahoo: '80737.HK' },
    ],
    SSE: [{ tv: 'SSE:600519', yahoo: '600519.SS' }],
    SZSE: [
      { tv: 'SZSE:000001', yahoo: '000001.SZ' },
      { tv: 'SZSE:300750', yahoo: '300750.SZ' },
    ],
    LSE: [
      { tv: 'LSE:AZN', yahoo: 'AZN.L' },
      { tv: 'LSE:BT.A', yahoo: 'BT-A.L' },
    ],
    TSE: [{ tv: 'TSE:7203', yahoo: '7203.T' }],
    TSX: [
      { tv: 'TSX:RY', yahoo: 'RY.TO' },
      { tv: 'TSX:RCI.B', yahoo: 'RCI-B.TO' },
    ],
    XETR: [
      { tv: 'XETR:SAP', yahoo: 'SAP.DE' },
      { tv: 'XETR:1COV', yahoo: '1COV.DE' },
    ],
  };

  it('has an example for every rule', () => {
    expect(Object.keys(examples).sort()).toEqual(exchangeRules.map((r) => r.prefix).sort());
  });

  for (const [prefix, rows] of Object.entries(examples)) {
    for (const { tv, yahoo, back } of rows) {
      it(`${tv} ↔ ${yahoo}`, () => {
        expect(mapped(tv)).toEqual({ symbol: yahoo, exchange: prefix });
        expect(toTradingViewSymbol(asTicker(yahoo), prefix)).toEqual({ ok: true, text: back ?? tv, prefixed: true });
        expect(exchangeProblem(asTicker(yahoo), prefix)).toBeNull();
      });
    }
  }

  it('accepts lower case and blanks around the parts', () => {
    expect(mapped(' hkex : 700 ')).toEqual({ symbol: '0700.HK', exchange: 'HKEX' });
    expect(mapped('nyse:baba')).toEqual({ symbol: 'BABA', exchange: 'NYSE' });
  });

  it('exports a suffixed symbol without a remembered prefix through the single exchange of its suffix', () => {
    expect(toTradingViewSymbol(asTicker('0700.HK'), null)).toEqual({ ok: true, text: 'HKEX:700', prefixed: true });
    expect(toTradingViewSymbol(asTicker('600519.SS'), null)).toEqual({ ok: true, text: 'SSE:600519', prefixed: true });
    expect(toTradingViewSymbol(asTicker('000001.SZ'), null)).toEqual({ ok: true, text: 'SZSE:000001', prefixed: true });
    expect(toTradingViewSymbol(asTicker('BT-A.L'), null)).toEqual({ ok: true, text: 'LSE:BT.A', prefixed: true });
    expect(toTradingViewSymbol(asTicker('7203.T'), null)).toEqual({ ok: true, text: 'TSE:7203', prefixed: true });
    expect(toTradingViewSymbol(asTicker('RY.TO'), null)).toEqual({ ok: true, text: 'TSX:RY', prefixed: true });
    expect(toTradingViewSymbol(asTicker('SAP.DE'), null)).toEqual({ ok: true, text: 'XETR:SAP', prefixed: true });
  });

  it('writes a US symbol without a remembered exchange bare (NASDAQ and NYSE are both possible)', () => {
    expect(toTradingViewSymbol(asTicker('BABA'), null)).toEqual({ ok: true, text: 'BABA', prefixed: false });
    expect(toTradingViewSymbol(asTicker('BRK-B'), null)).toEqual({ ok: true, text: 'BRK-B', prefixed: false });
  });

  it('writes a symbol with no TradingView equivalent bare', () => {
    expect(toTradingViewSymbol(asTicker('BHP.AX'), null)).toEqual({ ok: true, text: 'BHP.AX', prefixed: false });
    expect(toTradingViewSymbol(asTicker('^STOXX50E'), null)).toEqual({ ok: true, text: '^STOXX50E', prefixed: false });
  });

  it('refuses a remembered prefix that does not fit the symbol', () => {
    expect(toTradingViewSymbol(asTicker('BABA'), 'HKEX').ok).toBe(false);
    expect(toTradingViewSymbol(asTicker('0700.HK'), 'NYSE').ok).toBe(false);
    expect(toTradingViewSymbol(asTicker('HSTECH.HK'), 'HKEX').ok).toBe(false);
    expect(exchangeProblem(asTicker('9988.HK'), 'SSE')).toMatch(/cannot be written with the TradingView prefix "SSE"/);
    expect(exchangeProblem(asTicker('BABA'), 'BINANCE')).toMatch(/BINANCE/);
    // XETR:DAX is the index, so a stock spelled DAX.DE cannot take the XETR prefix.
    expect(exchangeProblem(asTicker('DAX.DE'), 'XETR')).not.toBeNull();
  });
});

describe('index table: every row, both directions', () => {
  const expected: Array<[string, string]> = [
    ['TVC:HSI', '^HSI'],
    ['HSI:HSI', '^HSI'],
    ['HSI:HSTECH', 'HSTECH.HK'],
    ['HSI:HSCEI', '^HSCE'],
    ['SP:SPX', '^GSPC'],
    ['TVC:SPX', '^GSPC'],
    ['SSE:000001', '000001.SS'],
    ['NASDAQ:NDX', '^NDX'],
    ['TVC:NDX', '^NDX'],
    ['NASDAQ:IXIC', '^IXIC'],
    ['TVC:IXIC', '^IXIC'],
    ['TVC:DJI', '^DJI'],
    ['DJ:DJI', '^DJI'],
    ['TVC:VIX', '^VIX'],
    ['CBOE:VIX', '^VIX'],
    ['TVC:NI225', '^N225'],
    ['XETR:DAX', '^GDAXI'],
    ['TVC:UKX', '^FTSE'],
  ];

  it('lists exactly these rows', () => {
    expect(indexRules.map((r) => [r.tradingView, r.yahoo])).toEqual(expected);
  });

  for (const [tv, yahoo] of expected) {
    it(`${tv} ↔ ${yahoo}`, () => {
      const prefix = tv.split(':')[0]!;
      expect(mapped(tv)).toEqual({ symbol: yahoo, exchange: prefix });
      expect(toTradingViewSymbol(asTicker(yahoo), prefix)).toEqual({ ok: true, text: tv, prefixed: true });
    });
  }

  it('has exactly one export default per Yahoo symbol, used when no prefix is remembered', () => {
    const yahoos = [...new Set(indexRules.map((r) => r.yahoo))];
    for (const y of yahoos) expect(indexRules.filter((r) => r.yahoo === y && r.exportDefault)).toHaveLength(1);
    expect(toTradingViewSymbol(asTicker('^HSI'), null)).toEqual({ ok: true, text: 'TVC:HSI', prefixed: true });
    expect(toTradingViewSymbol(asTicker('^GSPC'), null)).toEqual({ ok: true, text: 'SP:SPX', prefixed: true });
    expect(toTradingViewSymbol(asTicker('HSTECH.HK'), null)).toEqual({ ok: true, text: 'HSI:HSTECH', prefixed: true });
    expect(toTradingViewSymbol(asTicker('000001.SS'), null)).toEqual({ ok: true, text: 'SSE:000001', prefixed: true });
  });

  it('checks the table before the exchange rule (HSI:HSTECH is not an HKEX code, XETR:DAX is the index)', () => {
    expect(mapped('HSI:HSTECH').symbol).toBe('HSTECH.HK');
    expect(mapped('XETR:DAX').symbol).toBe('^GDAXI');
    expect(mapped('SSE:000001').symbol).toBe('000001.SS');
  });
});

describe('errors name the problem and never guess', () => {
  it.each([
    ['BINANCE:BTCUSDT', /unknown exchange prefix "BINANCE"/],
    ['FX:EURUSD', /unknown exchange prefix "FX"/],
    ['OTC:TCEHY', /unknown exchange prefix "OTC"/],
    ['TVC:GOLD', /TVC:GOLD is not a known index .*TVC:HSI/],
    ['SP:NDX', /SP:NDX is not a known index .*SP:SPX/],
    ['HSI:HSCI', /HSI:HSCI is not a known index/],
    ['HKEX:ABC', /HKEX codes are 1–5 digits/],
    ['HKEX:123456', /HKEX codes are 1–5 digits/],
    ['HKEX:0', /0 is not a Hong Kong stock code/],
    ['SSE:6005', /SSE codes are 6 digits/],
    ['SZSE:1', /SZSE codes are 6 digits/],
    ['NASDAQ:', /missing ticker after "NASDAQ:"/],
    [':700', /missing exchange prefix/],
    ['NYSE:BRK/B', /is not a New York Stock Exchange ticker/],
    ['NYSE:A:B', /more than one ":"/],
    ['1X:ABC', /is not an exchange prefix/],
  ])('%s', (input, message) => {
    expect(reason(input)).toMatch(message);
  });
});

describe('bare symbols (plain text and CSV)', () => {
  it.each([
    ['9988.hk', '9988.HK'],
    ['700.HK', '0700.HK'],
    ['00700.hk', '0700.HK'],
    ['5.HK', '0005.HK'],
    ['^hsi', '^HSI'],
    [' baba ', 'BABA'],
    ['brk-b', 'BRK-B'],
    ['000001.SS', '000001.SS'],
    ['HSTECH.HK', 'HSTECH.HK'],
    ['HKEX:700', '0700.HK'],
  ])('%s → %s', (input, symbol) => {
    const r = normaliseSymbolInput(input);
    expect(r.ok && r.symbol).toBe(symbol);
  });

  it('keeps the prefix of a TradingView spelling found in a plain list', () => {
    expect(normaliseSymbolInput('NYSE:BABA')).toEqual({ ok: true, symbol: 'BABA', exchange: 'NYSE' });
    expect(normaliseSymbolInput('9988.HK')).toEqual({ ok: true, symbol: '9988.HK', exchange: null });
  });

  it.each([
    ['', /empty symbol/],
    ['not/a/symbol', /is not a symbol/],
    ['0.HK', /0 is not a Hong Kong stock code/],
    ['$$$', /is not a symbol/],
    ['=HYPERLINK("x")', /is not a symbol/],
  ])('refuses %j', (input, message) => {
    const r = normaliseSymbolInput(input);
    expect(r.ok ? 'mapped' : r.reason).toMatch(message);
  });
});
