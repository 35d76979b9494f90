import { CatalystError } from '../../../shared/contract/errors';
import type { CompareInput, CompareSeries } from '../../../shared/contract/research';
import { t0ForEvent, type EventTiming } from '../../../shared/domain/calendar';
import { rebaseAt } from '../../../shared/domain/rebase';
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
    } else timing = { date: input.anchor.date, time: null, timezone: null };
    const seen = new Set<string>();
    return input.symbols
      .filter((s) => !seen.has(s) && seen.add(s))
      .map((symbol) => {
        const instrument = this.deps.instruments.get(symbol);
        if (!instrument)
          return {
            symbol,
            anchorDate: null,
            anchorClose: null,
            currency: null,
            points: [],
            missing: `${symbol} is not in the cache`,
          };
        const bars = this.deps.bars.range(symbol);
        const anchor = t0ForEvent(
          timing,
          instrument.timezone,
          bars.map((b) => b.date),
        );
        return { symbol, currency: instrument.currency, ...rebaseAt(bars, anchor, input.from, input.to) };
      });
  }
}
