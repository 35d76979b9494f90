import { quoteInput } from './quote';
import { z } from 'zod';
import { daysInMonth } from './dates';

/**
 * Branded primitives for values that are easy to confuse.
 * A brand exists only at compile time; the schemas below are the only way to mint one
 * from outside input, so every branded value has been validated once.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A calendar date `YYYY-MM-DD` (exchange-local for bars and T0s). */
export type IsoDate = Brand<string, 'IsoDate'>;
/** A canonical Yahoo-style symbol: upper case, e.g. `9988.HK`, `BABA`, `^HSI`, `000001.SS`. */
export type Ticker = Brand<string, 'Ticker'>;
/** Seconds since the Unix epoch, UTC. Never milliseconds. */
export type UnixSeconds = Brand<number, 'UnixSeconds'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date in YYYY-MM-DD form' })
  .transform((v) => v as IsoDate);

/** Upper-case Yahoo-style symbol: optional `^`, then letters, digits, `.`, `-`, `=`. */
const TICKER = /^\^?[A-Z0-9][A-Z0-9.\-=]{0,23}$/;

/** Normalises (trim, upper case) and validates a symbol; returns null when it is not one. */
export function parseTicker(value: string): Ticker | null {
  const v = value.trim().toUpperCase();
  return TICKER.test(v) ? (v as Ticker) : null;
}

export const tickerSchema = z.string().transform((v, ctx) => {
  const t = parseTicker(v);
  if (!t) {
    ctx.addIssue({ code: 'custom', message: `${quoteInput(v)} is not a symbol (expected e.g. 9988.HK, BABA, ^HSI)` });
    return z.NEVER;
  }
  return t;
});

/** Brands a value already known to be an ISO date (e.g. read back from our own database). */
export const asIsoDate = (v: string): IsoDate => v as IsoDate;
/** Brands a value already known to be a canonical ticker (e.g. read back from our own database). */
export const asTicker = (v: string): Ticker => v as Ticker;
export const asUnixSeconds = (v: number): UnixSeconds => v as UnixSeconds;
