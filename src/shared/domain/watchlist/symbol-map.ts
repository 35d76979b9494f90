import { quoteInput } from '../../quote';
import { parseTicker, type Ticker } from '../../brand';

/**
 * TradingView ↔ Yahoo symbol mapping. Catalyst's canonical symbols are Yahoo style
 * (`0700.HK`, `BABA`, `^HSI`); TradingView writes `EXCHANGE:TICKER` (`HKEX:700`, `NYSE:BABA`,
 * `TVC:HSI`). Two tables drive both directions; extend them here (and add a test row):
 *
 * - {@link indexRules}: exact pairs for indices, checked first in both directions;
 * - {@link exchangeRules}: one row per exchange prefix, turning a ticker into a Yahoo base
 *   plus suffix.
 *
 * An unknown or ambiguous prefix is an error that names it, never a guess.
 */

/** How an exchange writes its codes, and how a code becomes the Yahoo base symbol. */
export type TickerShape =
  /** Hong Kong: 1–5 digits; Yahoo zero-pads to 4 (`700` → `0700`, `09988` → `9988`). */
  | 'hk-digits'
  /** Mainland China: exactly 6 digits, unchanged. */
  | 'cn-digits'
  /** Letters and digits; a share-class dot becomes a dash on Yahoo (`BRK.B` → `BRK-B`). */
  | 'alnum';

export interface ExchangeRule {
  /** TradingView's exchange prefix, upper case. */
  readonly prefix: string;
  /** Yahoo's suffix for the exchange (`.HK`), or '' for US listings, which have none. */
  readonly suffix: string;
  readonly shape: TickerShape;
  /** Human name, for messages and docs. */
  readonly name: string;
}

/**
 * Exchange prefixes, in the order an export prefers them for a suffix. US listings share the
 * empty suffix, so a bare US symbol cannot be given a prefix without knowing its exchange
 * (see {@link toTradingViewSymbol}).
 */
export const exchangeRules: readonly ExchangeRule[] = [
  { prefix: 'NASDAQ', suffix: '', shape: 'alnum', name: 'Nasdaq' },
  { prefix: 'NYSE', suffix: '', shape: 'alnum', name: 'New York Stock Exchange' },
  { prefix: 'AMEX', suffix: '', shape: 'alnum', name: 'NYSE American' },
  { prefix: 'NYSEARCA', suffix: '', shape: 'alnum', name: 'NYSE Arca' },
  { prefix: 'BATS', suffix: '', shape: 'alnum', name: 'Cboe BZX' },
  { prefix: 'HKEX', suffix: '.HK', shape: 'hk-digits', name: 'Hong Kong Exchanges' },
  { prefix: 'SSE', suffix: '.SS', shape: 'cn-digits', name: 'Shanghai Stock Exchange' },
  { prefix: 'SZSE', suffix: '.SZ', shape: 'cn-digits', name: 'Shenzhen Stock Exchange' },
  { prefix: 'LSE', suffix: '.L', shape: 'alnum', name: 'London Stock Exchange' },
  { prefix: 'TSE', suffix: '.T', shape: 'alnum', name: 'Tokyo Stock Exchange' },
  { prefix: 'TSX', suffix: '.TO', shape: 'alnum', name: 'Toronto Stock Exchange' },
  { prefix: 'XETR', suffix: '.DE', shape: 'alnum', name: 'Xetra' },
];

export interface IndexRule {
  /** `PREFIX:TICKER` as TradingView writes it. */
  readonly tradingView: string;
  readonly yahoo: string;
  readonly name: string;
  /** The spelling an export uses for `yahoo` when the item has no remembered prefix (one per symbol). */
  readonly exportDefault: boolean;
}

/** Well-known indices. Checked before {@link exchangeRules}, so `HSI:HSTECH` never reaches the HKEX rule. */
export const indexRules: readonly IndexRule[] = [
  { tradingView: 'TVC:HSI', yahoo: '^HSI', name: 'Hang Seng Index', exportDefault: true },
  { tradingView: 'HSI:HSI', yahoo: '^HSI', name: 'Hang Seng Index', exportDefault: false },
  { tradingView: 'HSI:HSTECH', yahoo: 'HSTECH.HK', name: 'Hang Seng TECH Index', exportDefault: true },
  { tradingView: 'HSI:HSCEI', yahoo: '^HSCE', name: 'Hang Seng China Enterprises Index', exportDefault: true },
  { tradingView: 'SP:SPX', yahoo: '^GSPC', name: 'S&P 500', exportDefault: true },
  { tradingView: 'TVC:SPX', yahoo: '^GSPC', name: 'S&P 500', exportDefault: false },
  { tradingView: 'SSE:000001', yahoo: '000001.SS', name: 'SSE Composite', exportDefault: true },
  { tradingView: 'NASDAQ:NDX', yahoo: '^NDX', name: 'Nasdaq-100', exportDefault: true },
  { tradingView: 'TVC:NDX', yahoo: '^NDX', name: 'Nasdaq-100', exportDefault: false },
  { tradingView: 'NASDAQ:IXIC', yahoo: '^IXIC', name: 'Nasdaq Composite', exportDefault: true },
  { tradingView: 'TVC:IXIC', yahoo: '^IXIC', name: 'Nasdaq Composite', exportDefault: false },
  { tradingView: 'TVC:DJI', yahoo: '^DJI', name: 'Dow Jones Industrial Average', exportDefault: true },
  { tradingView: 'DJ:DJI', yahoo: '^DJI', name: 'Dow Jones Industrial Average', exportDefault: false },
  { tradingView: 'TVC:VIX', yahoo: '^VIX', name: 'Cboe Volatility Index', exportDefault: true },
  { tradingView: 'CBOE:VIX', yahoo: '^VIX', name: 'Cboe Volatility Index', exportDefault: false },
  { tradingView: 'TVC:NI225', yahoo: '^N225', name: 'Nikkei 225', exportDefault: true },
  { tradingView: 'XETR:DAX', yahoo: '^GDAXI', name: 'DAX', exportDefault: true },
  { tradingView: 'TVC:UKX', yahoo: '^FTSE', name: 'FTSE 100', exportDefault: true },
];

/** Result of mapping one input to a canonical symbol. */
export type SymbolMapping =
  | { readonly ok: true; readonly symbol: Ticker; readonly exchange: string | null }
  | { readonly ok: false; readonly reason: string };

const byPrefix = new Map(exchangeRules.map((r) => [r.prefix, r]));
const indexByTv = new Map(indexRules.map((r) => [r.tradingView, r]));
/** Prefixes that only name index feeds (no exchange rule): anything not in the table is ambiguous. */
const indexOnlyPrefixes = new Set(indexRules.map((r) => r.tradingView.split(':')[0]!).filter((p) => !byPrefix.has(p)));

const TV_PREFIX = /^[A-Z][A-Z0-9_]*$/;
const ALNUM_TV = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;
const ALNUM_YAHOO = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

function fail(reason: string): SymbolMapping {
  return { ok: false, reason };
}

/** Longer entries are refused before any rule runs, so no message quotes more than this. */
const MAX_SYMBOL_INPUT = 64;
const tooLong = (input: string): SymbolMapping =>
  fail(`${quoteInput(input)} is too long to be a symbol (at most ${MAX_SYMBOL_INPUT} characters)`);

function ok(symbol: string, exchange: string | null, input: string): SymbolMapping {
  const t = parseTicker(symbol);
  return t ? { ok: true, symbol: t, exchange } : fail(`"${input}" does not give a valid symbol ("${symbol}")`);
}

/** A TradingView ticker under an exchange rule → the Yahoo symbol, or why it cannot be one. */
function tickerToYahoo(rule: ExchangeRule, ticker: string, input: string): SymbolMapping {
  switch (rule.shape) {
    case 'hk-digits': {
      if (!/^\d{1,5}$/.test(ticker)) return fail(`"${input}": ${rule.prefix} codes are 1–5 digits`);
      const code = ticker.replace(/^0+/, '');
      if (code === '') return fail(`"${input}": 0 is not a Hong Kong stock code`);
      return ok(`${code.padStart(4, '0')}${rule.suffix}`, rule.prefix, input);
    }
    case 'cn-digits':
      if (!/^\d{6}$/.test(ticker)) return fail(`"${input}": ${rule.prefix} codes are 6 digits`);
      return ok(`${ticker}${rule.suffix}`, rule.prefix, input);
    case 'alnum':
      if (!ALNUM_TV.test(ticker)) return fail(`"${input}": "${ticker}" is not a ${rule.name} ticker`);
      return ok(`${ticker.replace(/\./g, '-')}${rule.suffix}`, rule.prefix, input);
  }
}

/** The TradingView ticker of a Yahoo symbol under an exchange rule, or null when the symbol is not of that exchange. */
function yahooToTicker(rule: ExchangeRule, symbol: string): string | null {
  if (rule.suffix === '') {
    if (symbol.includes('.') || symbol.startsWith('^')) return null;
  } else if (!symbol.endsWith(rule.suffix)) {
    return null;
  }
  const base = symbol.slice(0, symbol.length - rule.suffix.length);
  switch (rule.shape) {
    case 'hk-digits':
      return /^\d{4,5}$/.test(base) && !/^0+$/.test(base) ? base.replace(/^0+/, '') : null;
    case 'cn-digits':
      return /^\d{6}$/.test(base) ? base : null;
    case 'alnum':
      return ALNUM_YAHOO.test(base) ? base.replace(/-/g, '.') : null;
  }
}

/**
 * A bare symbol as users type it in plain text and CSV files (`9988.hk`, `700.HK`, `^hsi`,
 * `BABA`): upper case, Hong Kong codes zero-padded to 4 digits. `EXCHANGE:TICKER` input is
 * mapped by {@link mapTradingViewSymbol}.
 */
export function normaliseSymbolInput(raw: string): SymbolMapping {
  const input = raw.trim();
  if (input === '') return fail('empty symbol');
  if (input.length > MAX_SYMBOL_INPUT) return tooLong(input);
  if (input.includes(':')) return mapTradingViewSymbol(input);
  const upper = input.toUpperCase();
  const hk = /^(\d{1,5})\.HK$/.exec(upper);
  if (hk) {
    const code = hk[1]!.replace(/^0+/, '');
    if (code === '') return fail(`"${input}": 0 is not a Hong Kong stock code`);
    return ok(`${code.padStart(4, '0')}.HK`, null, input);
  }
  const usClass = usShareClassToYahoo(upper);
  if (usClass) return ok(usClass, null, input);
  const preferred = US_PREFERRED.exec(upper);
  if (preferred) {
    return fail(
      `"${input}" is a preferred share in Nasdaq's spelling; Yahoo writes it ${preferred[1]}-P${preferred[2]} (import that symbol instead)`,
    );
  }
  const t = parseTicker(upper);
  if (!t) return fail(`"${input}" is not a symbol (expected e.g. 9988.HK, BABA, ^HSI or HKEX:9988)`);
  return { ok: true, symbol: t, exchange: null };
}

/**
 * US share classes as Nasdaq, NYSE, TradingView and index lists write them: `BRK.B`, `BF.B`,
 * `BRK.A` (a dot and one class letter A–E; other single letters after a dot are Yahoo exchange
 * suffixes such as `.L` or `.T`) or `BF/A`, `BIO/B` (Nasdaq's slash, any letter). Yahoo
 * spells them with a dash: `BRK-B`. Null when the input is not such a spelling.
 */
export function usShareClassToYahoo(upper: string): string | null {
  const m = US_SHARE_CLASS_DOT.exec(upper) ?? US_SHARE_CLASS_SLASH.exec(upper);
  return m ? `${m[1]}-${m[2]}` : null;
}

const US_SHARE_CLASS_DOT = /^([A-Z]{1,5})\.([A-E])$/;
const US_SHARE_CLASS_SLASH = /^([A-Z]{1,5})\/([A-Z])$/;
/**
 * Nasdaq's preferred-share spelling `ABR^D` (series D). Yahoo's is `ABR-PD`, but Yahoo covers
 * preferreds unevenly, so the import names the Yahoo spelling instead of guessing it.
 */
const US_PREFERRED = /^([A-Z]{1,5})\^([A-Z])$/;

/**
 * Maps one TradingView entry (`HKEX:700`, `TVC:HSI`, or a bare `BABA`) to a canonical symbol
 * and the exchange prefix to remember. Unknown prefixes, and index feeds (`TVC`, `SP`, …)
 * with a ticker not in {@link indexRules}, are errors naming the prefix.
 */
export function mapTradingViewSymbol(raw: string): SymbolMapping {
  const input = raw.trim();
  if (input.length > MAX_SYMBOL_INPUT) return tooLong(input);
  const colon = input.indexOf(':');
  if (colon < 0) return normaliseSymbolInput(input);
  const prefix = input.slice(0, colon).trim().toUpperCase();
  const ticker = input
    .slice(colon + 1)
    .trim()
    .toUpperCase();
  if (prefix === '') return fail(`"${input}": missing exchange prefix before ":"`);
  if (ticker === '') return fail(`"${input}": missing ticker after "${prefix}:"`);
  if (!TV_PREFIX.test(prefix)) return fail(`"${input}": "${prefix}" is not an exchange prefix`);
  if (ticker.includes(':')) return fail(`"${input}": more than one ":"`);
  const index = indexByTv.get(`${prefix}:${ticker}`);
  if (index) return ok(index.yahoo, prefix, input);
  const rule = byPrefix.get(prefix);
  if (rule) return tickerToYahoo(rule, ticker, input);
  if (indexOnlyPrefixes.has(prefix)) {
    const known = indexRules.filter((r) => r.tradingView.startsWith(`${prefix}:`)).map((r) => r.tradingView);
    return fail(`"${input}": ${prefix}:${ticker} is not a known index (known ${prefix} symbols: ${known.join(', ')})`);
  }
  return fail(
    `"${input}": unknown exchange prefix "${prefix}" (known: ${exchangeRules.map((r) => r.prefix).join(', ')}, and well-known indices such as TVC:HSI)`,
  );
}

/** How a symbol is written for TradingView. */
export type TradingViewSpelling =
  | { readonly ok: true; readonly text: string; readonly prefixed: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * The TradingView spelling of a symbol. With a remembered `exchange` the result is exactly
 * the spelling it was imported from (an inconsistent pair is an error). Without one, the
 * index table's export default or the single exchange of the symbol's suffix is used; a US
 * symbol (no suffix: NASDAQ, NYSE, … are all possible) or a symbol with no TradingView
 * equivalent is written bare (`prefixed: false`), which TradingView and Catalyst both read back.
 */
export function toTradingViewSymbol(symbol: Ticker, exchange: string | null): TradingViewSpelling {
  if (exchange !== null) {
    const prefix = exchange.toUpperCase();
    const index = indexRules.find((r) => r.yahoo === symbol && r.tradingView.startsWith(`${prefix}:`));
    if (index) return { ok: true, text: index.tradingView, prefixed: true };
    const rule = byPrefix.get(prefix);
    const ticker = rule ? yahooToTicker(rule, symbol) : null;
    if (ticker === null || indexByTv.has(`${prefix}:${ticker}`)) {
      return { ok: false, reason: `${symbol} cannot be written with the TradingView prefix "${exchange}"` };
    }
    return { ok: true, text: `${prefix}:${ticker}`, prefixed: true };
  }
  const index = indexRules.find((r) => r.yahoo === symbol && r.exportDefault);
  if (index) return { ok: true, text: index.tradingView, prefixed: true };
  for (const rule of exchangeRules) {
    if (rule.suffix === '') continue;
    const ticker = yahooToTicker(rule, symbol);
    if (ticker !== null && !indexByTv.has(`${rule.prefix}:${ticker}`))
      return { ok: true, text: `${rule.prefix}:${ticker}`, prefixed: true };
  }
  return { ok: true, text: symbol, prefixed: false };
}

/** Null when `exchange` is a prefix that maps back to `symbol`; otherwise why not. */
export function exchangeProblem(symbol: Ticker, exchange: string): string | null {
  const spelled = toTradingViewSymbol(symbol, exchange);
  if (!spelled.ok) return spelled.reason;
  const back = mapTradingViewSymbol(spelled.text);
  return back.ok && back.symbol === symbol && back.exchange === exchange
    ? null
    : `${symbol} cannot be written with the TradingView prefix "${exchange}"`;
}
