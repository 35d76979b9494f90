import fc from 'fast-check';
import { asTicker, type Ticker } from '../../../../src/shared/brand';
import {
  normaliseNote,
  normaliseSectionLabel,
  normaliseWatchlistName,
  type WatchlistDocument,
  type WatchlistEntry,
} from '../../../../src/shared/domain/watchlist/model';
import { exchangeProblem, indexRules } from '../../../../src/shared/domain/watchlist/symbol-map';

/** Generators of valid watchlists (as the store holds them) for property tests. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

const letters = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

interface SymbolChoice {
  readonly symbol: Ticker;
  /** Prefixes that fit the symbol (empty: none exists). */
  readonly prefixes: readonly string[];
}

const choice = (symbol: string, prefixes: string[]): SymbolChoice => ({ symbol: asTicker(symbol), prefixes });

/** A canonical symbol with the TradingView prefixes that spell it. */
export const symbolChoiceArb: fc.Arbitrary<SymbolChoice> = fc
  .oneof(
    fc.integer({ min: 1, max: 99_999 }).map((n) => choice(`${String(n).padStart(4, '0')}.HK`, ['HKEX'])),
    digits(6).map((d) => choice(`${d}.SS`, ['SSE'])),
    digits(6).map((d) => choice(`${d}.SZ`, ['SZSE'])),
    fc
      .tuple(letters(1, 5), fc.option(letters(1, 1), { nil: undefined }))
      .map(([t, cls]) => choice(cls ? `${t}-${cls}` : t, ['NASDAQ', 'NYSE', 'AMEX', 'NYSEARCA', 'BATS'])),
    fc
      .tuple(letters(2, 4), fc.constantFrom('.L', '.TO', '.DE'))
      .map(([t, s]) => choice(`${t}${s}`, [{ '.L': 'LSE', '.TO': 'TSX', '.DE': 'XETR' }[s]])),
    digits(4).map((d) => choice(`${d}.T`, ['TSE'])),
    fc.constantFrom(...indexRules).map((r) =>
      choice(
        r.yahoo,
        indexRules.filter((x) => x.yahoo === r.yahoo).map((x) => x.tradingView.split(':')[0]!),
      ),
    ),
    fc.constantFrom('BHP.AX', '^STOXX50E', 'BTC-USD', 'EURUSD=X').map((s) => choice(s, [])),
  )
  .map((c) => ({ ...c, prefixes: c.prefixes.filter((p) => exchangeProblem(c.symbol, p) === null) }));

export const noteArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.string({ maxLength: 40 }).map((s) => `=${s}`),
    fc.constantFrom(
      '+1 vs HSI',
      '-10% stop',
      '@mention',
      "'=already quoted",
      'a, "quoted"; value',
      'line one\nline two',
      '通义千问 🚗',
    ),
  )
  .filter(wellFormed)
  .map((s) => normaliseNote(s))
  .filter((r): r is { ok: true; value: string } => r.ok && r.value !== null)
  .map((r) => r.value);

export const sectionLabelArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.constantFrom('Indices', 'HK tech', 'US ADRs', '#1 ideas', 'A&B: "quoted"'),
  )
  .filter(wellFormed)
  .map((s) => normaliseSectionLabel(s))
  .filter((r): r is { ok: true; value: string } => r.ok)
  .map((r) => r.value);

export const nameArb: fc.Arbitrary<string> = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter(wellFormed)
  .map((s) => normaliseWatchlistName(s))
  .filter((r): r is { ok: true; value: string } => r.ok)
  .map((r) => r.value);

export interface DocOptions {
  /** Allow notes on items. */
  readonly notes: boolean;
  /**
   * How items pick their remembered prefix: `any` (null or any fitting prefix), or
   * `tradingview` (what a TradingView import produces: a prefix whenever the symbol has a
   * TradingView spelling, else none).
   */
  readonly exchanges: 'any' | 'tradingview';
}

/** A valid watchlist: unique symbols, unique section labels, normalised text. */
export function watchlistArb(options: DocOptions): fc.Arbitrary<WatchlistDocument> {
  const item = fc
    .record({
      c: symbolChoiceArb,
      pick: fc.nat(),
      withExchange: fc.boolean(),
      note: options.notes ? fc.option(noteArb, { nil: null }) : fc.constant(null),
    })
    .map(({ c, pick, withExchange, note }): WatchlistEntry => {
      let exchange: string | null = null;
      if (c.prefixes.length) {
        if (options.exchanges === 'tradingview' || withExchange) exchange = c.prefixes[pick % c.prefixes.length]!;
      }
      return { kind: 'item', symbol: c.symbol, note, exchange };
    });
  const section = sectionLabelArb.map((label): WatchlistEntry => ({ kind: 'section', label }));
  return fc
    .record({
      name: nameArb,
      entries: fc.array(fc.oneof({ arbitrary: item, weight: 4 }, { arbitrary: section, weight: 1 }), {
        minLength: 1,
        maxLength: 30,
      }),
    })
    .map(({ name, entries }) => {
      const symbols = new Set<string>();
      const labels = new Set<string>();
      const unique = entries.filter((e) => {
        const key = e.kind === 'item' ? e.symbol : e.label;
        const seen = e.kind === 'item' ? symbols : labels;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { name, entries: unique };
    })
    .filter((d) => d.entries.some((e) => e.kind === 'item'));
}
