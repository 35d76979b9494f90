import type { IsoDate } from '../brand';

/**
 * One trading session on the exchange-local date.
 * A close-only series has open/high/low null. A vendor placeholder (volume 0 and
 * O = H = L = C on a half-day session) is kept with `placeholder: true`: drawn as a gap,
 * never used as a return base.
 */
export interface Bar {
  readonly date: IsoDate;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number;
  readonly adjClose: number | null;
  readonly volume: number | null;
  readonly placeholder: boolean;
}

/** Input shape of a bar before the placeholder flag is derived. */
export type BarInput = Omit<Bar, 'placeholder'> & { readonly placeholder?: boolean };

/** A vendor placeholder row: zero volume and a flat, single-price "candle". */
export function isPlaceholderRow(b: Pick<Bar, 'open' | 'high' | 'low' | 'close' | 'volume'>): boolean {
  return b.volume === 0 && b.open !== null && b.open === b.high && b.high === b.low && b.low === b.close;
}

/**
 * Checks the internal consistency of a bar; returns the reason it is invalid, or null.
 * Prices must be finite and positive, low <= open, close <= high, volume a non-negative integer.
 */
export function barProblem(b: BarInput): string | null {
  const prices: Array<[string, number | null]> = [
    ['open', b.open],
    ['high', b.high],
    ['low', b.low],
    ['close', b.close],
    ['adj_close', b.adjClose],
  ];
  for (const [name, v] of prices) {
    if (v === null) continue;
    if (!Number.isFinite(v)) return `${name} is not a number`;
    if (v <= 0) return `${name} must be positive (got ${v})`;
  }
  const ohlc = [b.open, b.high, b.low];
  const some = ohlc.some((v) => v !== null);
  if (some && ohlc.some((v) => v === null)) return 'open, high and low must be all present or all empty';
  if (b.open !== null && b.high !== null && b.low !== null) {
    if (b.high < b.low) return `high ${b.high} is below low ${b.low}`;
    if (b.open > b.high || b.open < b.low) return `open ${b.open} is outside low..high (${b.low}..${b.high})`;
    if (b.close > b.high || b.close < b.low) return `close ${b.close} is outside low..high (${b.low}..${b.high})`;
  }
  if (b.volume !== null && (!Number.isSafeInteger(b.volume) || b.volume < 0)) {
    return `volume must be a non-negative whole number (got ${b.volume})`;
  }
  return null;
}

/** Completes a bar input: derives the placeholder flag when the input does not set it. */
export function toBar(b: BarInput): Bar {
  return { ...b, placeholder: b.placeholder ?? isPlaceholderRow(b) };
}
