import type { IsoDate, Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type { EventT0 } from '../../../shared/contract/study';
import { t0ForEvent } from '../../../shared/domain/calendar';
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

/** A symbol's calendar as the cache knows it: its zone and its session dates (placeholders included). */
interface Calendar {
  readonly zone: string;
  readonly sessions: readonly IsoDate[];
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
    const calendars = new Map<string, Calendar | null>();
    const universe = this.deps.studies.universe(id).map((m) => {
      const instrument = this.deps.instruments.get(m.symbol);
      const cal = this.calendar(m.symbol, calendars);
      return {
        ...m,
        instrument,
        firstDate: cal?.sessions[0] ?? null,
        lastDate: cal?.sessions.at(-1) ?? null,
      };
    });
    return {
      ...study,
      universe,
      events: this.withT0(this.deps.events.list({ studyId: id }), calendars),
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
    return this.withT0(this.deps.events.list(filter), new Map());
  }

  /** One event with its T0 per concerned symbol; not-found when no event has this id. */
  getEvent(id: string): EventWithT0 {
    const event = this.deps.events.get(id);
    if (!event) throw new CatalystError('not-found', `no event "${id}"`);
    return this.withT0([event], new Map())[0]!;
  }

  /** T0 of an event on any cached symbol's calendar. */
  eventT0(eventId: string, symbol: Ticker): EventT0 {
    const event = this.deps.events.get(eventId);
    if (!event) throw new CatalystError('not-found', `no event "${eventId}"`);
    const cal = this.calendar(symbol, new Map());
    if (!cal) throw new CatalystError('not-found', `${symbol} is not in the cache`);
    return { eventId, symbol, timezone: cal.zone, ...t0ForEvent(event, cal.zone, cal.sessions) };
  }

  private calendar(symbol: Ticker, cache: Map<string, Calendar | null>): Calendar | null {
    if (cache.has(symbol)) return cache.get(symbol)!;
    const instrument = this.deps.instruments.get(symbol);
    const cal = instrument ? { zone: instrument.timezone, sessions: this.deps.bars.sessionDates(symbol) } : null;
    cache.set(symbol, cal);
    return cal;
  }

  private withT0(events: readonly StudyEvent[], cache: Map<string, Calendar | null>): EventWithT0[] {
    const hidden = this.deps.events.hiddenIds();
    return events.map((e) => {
      const t0: Record<string, IsoDate | null> = {};
      for (const s of e.symbols) {
        const cal = this.calendar(s, cache);
        t0[s] = cal ? t0ForEvent(e, cal.zone, cal.sessions).t0 : null;
      }
      return { ...e, t0, hidden: hidden.has(e.id) };
    });
  }
}
