import type { IsoDate, Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type { CompareInput, CompareSeries } from '../../../shared/contract/research';
import type { Bar } from '../../../shared/domain/bar';
import { t0ForEvent, type EventTiming } from '../../../shared/domain/calendar';
import { convertBars, fxSymbolOf } from '../../../shared/domain/compare-currency';
import { dateAnchor, rebaseAt } from '../../../shared/domain/rebase';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import type { EventsRepository } from '../../db/repositories/events-repository';
import type { InstrumentsRepository } from '../../db/repositories/instruments-repository';

export interface CompareServiceDeps {
  readonly events: EventsRepository;
  readonly instruments: InstrumentsRepository;
  readonly bars: BarsRepository;
}

/**
 * Compare at an event: several symbols rebased to 100 at an anchor. An event anchors each
 * symbol at its own T0 (its first session on or after the event in its exchange's zone, the
 * next one after the close); a date anchors each at its first session on or after that date.
 * Series keep their own calendars; one without a valid close at its anchor is empty and says why.
 * The rebasing is shared/domain/rebase.ts's, the same the app's chart and legend use; with a
 * `currency`, every series is first converted with the cached `CCY=X` rates
 * (shared/domain/compare-currency.ts).
 */
export class CompareService {
  private readonly deps: CompareServiceDeps;
  constructor(deps: CompareServiceDeps) {
    this.deps = deps;
  }

  compare(input: CompareInput): CompareSeries[] {
    let timing: EventTiming;
    if ('eventId' in input.anchor) {
      const e = this.deps.events.get(input.anchor.eventId);
      if (!e) throw new CatalystError('not-found', `no event "${input.anchor.eventId}"`);
      timing = e;
    } else timing = dateAnchor(input.anchor.date);
    const fx = new Map<string, readonly Bar[]>();
    const seen = new Set<string>();
    return input.symbols
      .filter((s) => !seen.has(s) && seen.add(s))
      .map((symbol): CompareSeries => {
        const instrument = this.deps.instruments.get(symbol);
        const none = { symbol, anchorDate: null, anchorClose: null, points: [] };
        if (!instrument)
          return { ...none, currency: null, convertedFrom: null, missing: `${symbol} is not in the cache` };
        let bars: readonly Bar[] = this.deps.bars.range(symbol);
        let gapReason: ((d: IsoDate) => string | null) | undefined;
        const own = instrument.currency;
        if (input.currency && own !== input.currency) {
          if (own === null)
            return {
              ...none,
              currency: null,
              convertedFrom: null,
              missing: `${symbol} has no known currency to convert into ${input.currency}`,
            };
          const lacking = [own, input.currency].map(fxSymbolOf).find((s) => s && !this.fxBars(s, fx));
          if (lacking)
            return {
              ...none,
              currency: own,
              convertedFrom: null,
              missing: `cannot show ${symbol} in ${input.currency}: ${lacking} is not in the cache`,
            };
          const converted = convertBars(bars, own, input.currency, fx);
          bars = converted.bars;
          gapReason = (d) => converted.unconverted.get(d) ?? null;
        }
        const anchor = t0ForEvent(
          timing,
          instrument.timezone,
          bars.map((b) => b.date),
        );
        const converted = input.currency !== undefined && own !== input.currency;
        return {
          symbol,
          currency: converted ? input.currency! : own,
          convertedFrom: converted ? own : null,
          ...rebaseAt(bars, anchor, input.from, input.to, gapReason),
        };
      });
  }

  /** The bars of an FX series (kept in `fx` by its currency), or null when it is not cached. */
  private fxBars(symbol: Ticker, fx: Map<string, readonly Bar[]>): readonly Bar[] | null {
    const currency = symbol.slice(0, 3);
    if (fx.has(currency)) return fx.get(currency)!;
    const bars = this.deps.bars.range(symbol);
    if (bars.length === 0) return null;
    fx.set(currency, bars);
    return bars;
  }
}
