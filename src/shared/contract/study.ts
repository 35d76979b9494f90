import { z } from 'zod';
import { tickerSchema, type Ticker } from '../brand';
import type { ClaimEvaluation } from '../domain/claims';
import type { T0Result } from '../domain/calendar';
import type { StudyDetail, StudySummary } from '../domain/study';
import { eventCategories, slugSchema, type EventWithT0 } from '../domain/study-event';
import { channel, returns } from './define';
import { pageDoc, pageFields } from './page';

/** The most events one `events.list` call returns (T0s are computed for each). */
export const MAX_EVENTS_PAGE = 10_000;
/** The most studies one `studies.list` call returns. */
export const MAX_STUDIES_PAGE = 1000;

/** Id of the study shipped with the app and seeded on first launch. */
export const EMBEDDED_STUDY_ID = 'china-tech-rally-2025';

/** Where one event lands on one symbol's calendar. */
export interface EventT0 extends T0Result {
  readonly eventId: string;
  readonly symbol: Ticker;
  /** The exchange zone used (the instrument's). */
  readonly timezone: string;
}

/** What `events.list` accepts; every field narrows the list. */
export const eventQuerySchema = z
  .object({
    /** Only events of this study (default: every event, including user events outside studies). */
    studyId: slugSchema.optional(),
    /** Only events that concern this symbol. */
    symbol: tickerSchema.optional(),
    category: z.enum(eventCategories, { message: `must be one of ${eventCategories.join(', ')}` }).optional(),
    ...pageFields(MAX_EVENTS_PAGE),
  })
  .strict();

/** `events.list`'s filter as parsed: every field absent = not narrowed. */
export type EventQuery = z.output<typeof eventQuerySchema>;

/** Channels of the embedded and user studies: studies, events with their T0s, claims. */
export const studyChannels = {
  'studies.list': channel({
    doc: `Stored studies with their source and counts, the embedded one first. ${pageDoc(MAX_STUDIES_PAGE)}`,
    input: z.object(pageFields(MAX_STUDIES_PAGE)).strict().optional(),
    output: returns<StudySummary[]>(),
  }),
  'studies.get': channel({
    doc: 'One study: universe with cached instruments (provenance, adjustment notes), events with T0 per symbol, claims (not-found when unknown).',
    input: z.object({ id: slugSchema }).strict(),
    output: returns<StudyDetail>(),
  }),
  'events.list': channel({
    doc: `Events ascending by date (then time), filtered by study, symbol and category; each with its T0 per concerned symbol. ${pageDoc(MAX_EVENTS_PAGE)}`,
    input: eventQuerySchema.optional(),
    output: returns<EventWithT0[]>(),
  }),
  'events.t0': channel({
    doc: "T0 of one event on any cached symbol's calendar: its first session on or after the event in the exchange's zone (after the close: the next one).",
    input: z.object({ eventId: z.string().min(1).max(200), symbol: tickerSchema }).strict(),
    output: returns<EventT0>(),
  }),
  'claims.evaluate': channel({
    doc: "Evaluates a study's claims on the cached bars (default: the embedded study): value as a fraction, verdict, measured window, base.",
    input: z.object({ studyId: slugSchema.optional() }).strict().optional(),
    output: returns<ClaimEvaluation[]>(),
  }),
} as const;

export const studyEvents = {} as const;
