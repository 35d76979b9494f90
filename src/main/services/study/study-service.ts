import { asIsoDate, type IsoDate, type Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type { EventT0 } from '../../../shared/contract/study';
import { localMoment, t0ForEvent, t0FromLocal } from '../../../shared/domain/calendar';
import type { StudyDetail, StudySummary } from '../../../shared/domain/study';
import type { EventWithT0, StudyEvent } from '../../../shared/domain/study-event';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import type { ClaimsRepository } from '../../db/repositories/claims-repository';
import type { EventFilter, EventsRepository } from '../../db/repositories/events-repository';
import type { InstrumentsRepository } from '../../db/repositories/instruments-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';

export interface StudyServiceDeps {
  readonly studies: StudyRepository;
  readonly events: EventsRepository;
  readonly claims: ClaimsRepository;
  readonly instruments: InstrumentsRepository;
  readonly bars: BarsRepository;
}

/**
 * Reads studies, their universes, events and claims, and aligns events with each symbol's
 * sessions (T0). Read-only: seeding is {@link SeedService}'s job.
 */
export class StudyService {
  private readonly deps: StudyServiceDeps;
  constructor(deps: StudyServiceDeps) {
    this.deps = deps;
  }

  listStudies(): StudySummary[] {
    return this.deps.studies.list();
  }

  /** The whole study; not-found when no study has this id. */
  getStudy(id: string): StudyDetail {
    const study = this.deps.studies.get(id);
    if (!study) throw new CatalystError('not-found', `no study "${id}"`);
    const members = this.deps.studies.universe(id);
    const summaries = this.deps.bars.summaries(members.map((m) => m.symbol));
    const universe = members.map((m) => {
      const summary = summaries.get(m.symbol);
      return {
        ...m,
        instrument: this.deps.instruments.get(m.symbol),
        firstDate: summary ? asIsoDate(summary.firstDate) : null,
        lastDate: summary ? asIsoDate(summary.lastDate) : null,
      };
    });
    return {
      ...study,
      universe,
      events: this.withT0(this.deps.events.list({ studyId: id })),
      claims: this.deps.claims.list(id),
    };
  }

  /**
   * Events ascending by date then time, narrowed by study, symbol and category, each with its
   * T0 per concerned symbol. An unknown study id is not-found (an empty list would hide a typo).
   */
  listEvents(filter: EventFilter = {}): EventWithT0[] {
    if (filter.studyId !== undefined && !this.deps.studies.stored(filter.studyId)) {
      throw new CatalystError('not-found', `no study "${filter.studyId}"`);
    }
    return this.withT0(this.deps.events.list(filter));
  }

  /** One event with its T0 per concerned symbol; not-found when no event has this id. */
  getEvent(id: string): EventWithT0 {
    const event = this.deps.events.get(id);
    if (!event) throw new CatalystError('not-found', `no event "${id}"`);
    return this.withT0([event])[0]!;
  }

  /** T0 of an event on any cached symbol's calendar. */
  eventT0(eventId: string, symbol: Ticker): EventT0 {
    const event = this.deps.events.get(eventId);
    if (!event) throw new CatalystError('not-found', `no event "${eventId}"`);
    const zone = this.deps.instruments.get(symbol)?.timezone;
    if (zone === undefined) throw new CatalystError('not-found', `${symbol} is not in the cache`);
    return { eventId, symbol, timezone: zone, ...t0ForEvent(event, zone, this.deps.bars.sessionSeek(symbol)) };
  }

  /**
   * T0 of every event for each symbol it concerns. Each event's moment is converted to each
   * exchange's zone, then every (symbol, local date) is looked up in one batch of index seeks
   * (not the symbols' whole calendars). A symbol not in the cache has a null T0.
   */
  private withT0(events: readonly StudyEvent[]): EventWithT0[] {
    const hidden = this.deps.events.hiddenIds();
    const zones = new Map<Ticker, string | null>();
    const zoneOf = (symbol: Ticker): string | null => {
      if (!zones.has(symbol)) zones.set(symbol, this.deps.instruments.get(symbol)?.timezone ?? null);
      return zones.get(symbol)!;
    };
    const wanted = new Map<Ticker, IsoDate[]>();
    const locals = events.map((e) => {
      // Once per exchange zone, not per symbol: the symbols of one exchange share the conversion.
      const byZone = new Map<string, ReturnType<typeof localMoment>>();
      return e.symbols.map((s) => {
        const zone = zoneOf(s);
        if (zone === null) return null;
        let local = byZone.get(zone);
        if (!local) {
          local = localMoment(e, zone);
          byZone.set(zone, local);
        }
        const dates = wanted.get(s);
        if (dates) dates.push(local.date);
        else wanted.set(s, [local.date]);
        return local;
      });
    });
    const seeks = this.deps.bars.sessionSeeks(wanted);
    return events.map((e, i) => {
      const t0: Record<string, IsoDate | null> = {};
      e.symbols.forEach((s, j) => {
        const local = locals[i]![j];
        t0[s] = local ? t0FromLocal(local, zoneOf(s)!, seeks.get(s)!).t0 : null;
      });
      return { ...e, t0, hidden: hidden.has(e.id) };
    });
  }
}
