import type { Ticker } from '../brand';

export type InstrumentKind = 'equity' | 'index' | 'fund';

/**
 * A tradable or quoted series, keyed by its canonical Yahoo-style symbol.
 * `timezone` is the IANA zone of the exchange; trading dates of its bars are local to it.
 */
export interface Instrument {
  readonly symbol: Ticker;
  readonly name: string | null;
  readonly exchange: string | null;
  readonly currency: string | null;
  readonly timezone: string;
  readonly kind: InstrumentKind;
  /** True when the series has closes only (drawn as a line, never as candles). */
  readonly closeOnly: boolean;
  /** Where the data comes from (free text shown to the user). */
  readonly provenance: string | null;
  /** Dividend/split adjustment caveats (free text shown to the user). */
  readonly adjustmentNote: string | null;
}

/** An instrument with a summary of its cached bars, for lists. */
export interface InstrumentSummary extends Instrument {
  readonly barCount: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly lastClose: number | null;
  /** Close-to-close change of the last valid session, as a fraction (0.01 = +1%). */
  readonly lastChange: number | null;
}
