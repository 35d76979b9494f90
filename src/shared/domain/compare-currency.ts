import { z } from 'zod';
import { asTicker, type IsoDate, type Ticker } from '../brand';
import type { Bar } from './bar';

/*
 * A comparison in one currency. By default each compared series stays in its own currency (a
 * rebased line is a return, which the currency changes only by its own move); when the cache
 * holds the exchange rates, every series can be converted into one currency first, so the
 * lines show what a holder in that currency saw.
 *
 * Rates are Yahoo's `CCY=X` series: units of CCY per US dollar (`HKD=X` ≈ 7.8). A price in
 * currency A on a date d is worth `price × perUsd(T, d) / perUsd(A, d)` in currency T, with
 * perUsd(USD) = 1 and perUsd(C, d) the last valid close of `C=X` on or before d (an FX series
 * trades on days an exchange is shut and the other way round; a rate is never taken from a
 * later day). A session before the first cached rate cannot be converted: it becomes a gap.
 */

/** An ISO 4217 currency code as the instruments carry it, e.g. `HKD`. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'must be a currency code such as USD or HKD' });

/** The cached series that quotes `currency` per US dollar (`HKD` → `HKD=X`); null for USD itself. */
export function fxSymbolOf(currency: string): Ticker | null {
  return currency === 'USD' ? null : asTicker(`${currency}=X`);
}

/** The currency an FX series quotes per US dollar (`HKD=X` → `HKD`), or null when `symbol` is not one. */
export function currencyOfFx(symbol: string): string | null {
  const m = /^([A-Z]{3})=X$/.exec(symbol);
  return m && m[1] !== 'USD' ? m[1]! : null;
}

/**
 * The currencies every member of a comparison can be shown in, given the members' currencies
 * and the cached symbols: USD, and each currency whose `C=X` series is cached, provided every
 * member's own currency converts too (it is USD or its `C=X` is cached); sorted. Empty when a
 * member's currency is unknown, or when no choice would change anything (every member is
 * already in the only currency offered).
 */
export function commonCurrencies(
  memberCurrencies: readonly (string | null)[],
  cachedSymbols: Iterable<string>,
): string[] {
  const rated = new Set<string>(['USD']);
  for (const s of cachedSymbols) {
    const c = currencyOfFx(s);
    if (c) rated.add(c);
  }
  if (memberCurrencies.some((c) => c === null || !rated.has(c))) return [];
  const out = [...rated].sort();
  return out.some((c) => memberCurrencies.some((m) => m !== c)) ? out : [];
}

/** The rates a conversion needs: for each currency other than USD, its `C=X` bars (ascending). */
export type FxBars = ReadonlyMap<string, readonly Bar[]>;

/** Bars converted into another currency, and the sessions that could not be converted. */
export interface ConvertedBars {
  readonly bars: readonly Bar[];
  readonly currency: string;
  /** Why a session of `bars` is a gap when it was not one before (no rate yet on that date), by date. */
  readonly unconverted: ReadonlyMap<IsoDate, string>;
}

/** A step function over one FX series: the last valid close on or before a date (dates asked in ascending order). */
function ratesOf(currency: string, fx: FxBars): ((date: IsoDate) => number | null) | string {
  if (currency === 'USD') return () => 1;
  const bars = fx.get(currency);
  const symbol = fxSymbolOf(currency)!;
  if (!bars || bars.length === 0) return `${symbol} is not in the cache`;
  let i = -1;
  let last: number | null = null;
  return (date) => {
    while (i + 1 < bars.length && bars[i + 1]!.date <= date) {
      i += 1;
      const b = bars[i]!;
      if (!b.placeholder && b.close > 0) last = b.close;
    }
    return last;
  };
}

/**
 * Converts ascending bars priced in `from` into `to` (every price; volume unchanged), each
 * session at its own date's rates (see the module notes). Throws when a rate series is not in
 * `fx` (the caller offers only {@link commonCurrencies}).
 */
export function convertBars(bars: readonly Bar[], from: string, to: string, fx: FxBars): ConvertedBars {
  if (from === to) return { bars, currency: to, unconverted: new Map() };
  const rateFrom = ratesOf(from, fx);
  const rateTo = ratesOf(to, fx);
  if (typeof rateFrom === 'string') throw new Error(`cannot convert ${from} into ${to}: ${rateFrom}`);
  if (typeof rateTo === 'string') throw new Error(`cannot convert ${from} into ${to}: ${rateTo}`);
  const unconverted = new Map<IsoDate, string>();
  const out: Bar[] = new Array<Bar>(bars.length);
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i]!;
    const a = rateFrom(b.date);
    const t = rateTo(b.date);
    if (a === null || t === null) {
      const missing = a === null ? from : to;
      if (!b.placeholder) unconverted.set(b.date, `no ${fxSymbolOf(missing)} rate on or before ${b.date}`);
      out[i] = { ...b, placeholder: true };
      continue;
    }
    const k = t / a;
    const x = (v: number | null) => (v === null ? null : v * k);
    out[i] = { ...b, open: x(b.open), high: x(b.high), low: x(b.low), close: b.close * k, adjClose: x(b.adjClose) };
  }
  return { bars: out, currency: to, unconverted };
}
