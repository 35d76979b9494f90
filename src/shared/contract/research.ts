import { z } from 'zod';
import { isoDateSchema, tickerSchema, type IsoDate, type Ticker } from '../brand';
import type { ClaimSensitivity } from '../domain/claim-sensitivity';
import { claimMetricSchema, type ClaimEvaluation, type ClaimMetric } from '../domain/claims';
import {
  MAX_WINDOWS,
  sessionWindowSchema,
  studyWindowsSchema,
  type CarPoint,
  type CrossSection,
  type SessionWindow,
} from '../domain/event-study';
import { currencySchema } from '../domain/compare-currency';
import type { RebasedPoint } from '../domain/rebase';
import { slugSchema, type EventWithT0 } from '../domain/study-event';
import {
  MAX_EVENTS_CSV_CHARS,
  userEventEditSchema,
  userEventInputSchema,
  type EventsCsvLine,
  type UserEventInput,
} from '../domain/user-event';
import { channel, returns } from './define';

export { sessionWindowSchema };

/** An event id as the channels accept it (seed slugs and generated user ids). */
const eventIdSchema = z.string().min(1).max(200);

/** What a deleted event leaves for an undo: the event as it was, and the input that adds it back (same id). */
export interface DeletedEvent {
  readonly event: EventWithT0;
  readonly restore: UserEventInput;
}

/** The preview of an events CSV: every line's status; nothing is written. */
export interface EventsImportPreview {
  readonly lines: readonly EventsCsvLine[];
  readonly ok: number;
  readonly duplicates: number;
  readonly errors: number;
}

/** A confirmed events import: all of the `ok` lines were written in one transaction. */
export interface EventsImportResult extends EventsImportPreview {
  readonly imported: number;
  readonly ids: readonly string[];
}

/** One symbol of a rebased comparison. */
export interface CompareSeries {
  readonly symbol: Ticker;
  /** The session rebased to 100 (the event's T0 on this symbol's calendar, or the first session on or after the date). */
  readonly anchorDate: IsoDate | null;
  readonly anchorClose: number | null;
  /** The currency of the points: the symbol's own, or the one the run converted into. */
  readonly currency: string | null;
  /** The symbol's own currency when the points were converted (`currency` asked for), else null. */
  readonly convertedFrom: string | null;
  readonly points: readonly RebasedPoint[];
  /** Why the series is empty (no data at the anchor, not cached), else null. */
  readonly missing: string | null;
}

export const compareInputSchema = z
  .object({
    symbols: z.array(tickerSchema).min(1).max(20),
    /** An event id (each series anchored at that event's T0 on its own calendar) or a date. */
    anchor: z.union([z.object({ eventId: eventIdSchema }).strict(), z.object({ date: isoDateSchema }).strict()]),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Show every series in this currency (converted with the cached `CCY=X` rates); absent: each in its own. */
    currency: currencySchema.optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '"from" must not be after "to"' });
export type CompareInput = z.output<typeof compareInputSchema>;

/** One symbol × window × event measure of an event study. Fractions, not percents. */
export interface EventStudyRow {
  readonly eventId: string;
  readonly symbol: Ticker;
  readonly benchmark: Ticker | null;
  readonly t0: IsoDate | null;
  readonly window: SessionWindow;
  /** Dates of the window's first and last session. */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly ret: number | null;
  readonly arMarketAdjusted: number | null;
  readonly carMarketModel: number | null;
  readonly tStat: number | null;
  readonly alpha: number | null;
  readonly beta: number | null;
  readonly estimation: { readonly from: IsoDate; readonly to: IsoDate; readonly n: number } | null;
  /** What data is missing for the null numbers (empty when all are measured). */
  readonly missing: readonly string[];
  /** The market-model CAR session by session over the window (for a small chart); only when asked for. */
  readonly path?: readonly CarPoint[];
}

/** Mean CAR of one window across symbols (for one event) or across events (for one symbol). */
export interface EventStudySummary extends CrossSection {
  readonly key: string;
  readonly window: SessionWindow;
}

export interface EventStudyResult {
  readonly events: readonly string[];
  readonly symbols: readonly Ticker[];
  readonly windows: readonly SessionWindow[];
  /** Ordered by event, then symbol, then window. */
  readonly rows: readonly EventStudyRow[];
  /** Per event and window: mean CAR across symbols and its cross-sectional t (`key` = event id). */
  readonly byEvent: readonly EventStudySummary[];
  /** Per symbol and window: mean CAR across events and its cross-sectional t (`key` = symbol). */
  readonly bySymbol: readonly EventStudySummary[];
  /**
   * Wall time spent reading bars from the cache and computing (including yields), in ms, and the
   * longest stretch the run held the thread without yielding to the event loop.
   */
  readonly timings: { readonly readMs: number; readonly computeMs: number; readonly longestSliceMs: number };
  /** The study's own benchmark setting (`studies.setBenchmark`); null: each exchange's default, or no study. */
  readonly studyBenchmark: Ticker | null;
  /** The study's own windows (`studies.setWindows`); null: the user's defaults, or no study. */
  readonly studyWindows: readonly SessionWindow[] | null;
}

export const eventStudyInputSchema = z
  .object({
    /** One event (its study's subjects, else its own symbols) ... */
    eventId: eventIdSchema.optional(),
    /** ... or a whole study (every event × its subjects). */
    studyId: slugSchema.optional(),
    symbols: z.array(tickerSchema).min(1).max(2000).optional(),
    /** One benchmark for every symbol (default: the study's, else each exchange's). */
    benchmark: tickerSchema.optional(),
    windows: z.array(sessionWindowSchema).min(1).max(MAX_WINDOWS).optional(),
    /** Include each row's CAR path. */
    paths: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.eventId === undefined) !== (v.studyId === undefined), {
    message: 'give either an event id or a study id',
  });
export type EventStudyInput = z.output<typeof eventStudyInputSchema>;

/** A claim evaluated with the user's parameters, its sensitivity strip, and the study's own parameters (for reset). */
export interface ClaimWhatIf {
  readonly evaluation: ClaimEvaluation;
  readonly sensitivity: readonly ClaimSensitivity[];
  readonly defaults: ClaimMetric;
}

const csvTextSchema = z.string().max(MAX_EVENTS_CSV_CHARS, { message: 'the file is too large' });

/** Channels of the research features: the user's events, compare at an event, the event study. */
export const researchChannels = {
  'events.add': channel({
    doc: 'Adds a user event (one transaction); returns it with its T0 per symbol. With `id` it restores a deleted one (undo).',
    input: userEventInputSchema,
    output: returns<EventWithT0>(),
  }),
  'events.edit': channel({
    doc: "Changes a user event's fields (a study's own events cannot be edited: hide them).",
    input: userEventEditSchema,
    output: returns<EventWithT0>(),
  }),
  'events.delete': channel({
    doc: 'Deletes a user event; returns it and the input that adds it back (undo).',
    input: z.object({ id: eventIdSchema }).strict(),
    output: returns<DeletedEvent>(),
  }),
  'events.setHidden': channel({
    doc: 'Hides (or shows again) an event on the charts; a per-user flag kept across re-seeds.',
    input: z.object({ id: eventIdSchema, hidden: z.boolean() }).strict(),
    output: returns<EventWithT0>(),
  }),
  'events.importPreview': channel({
    doc: 'Checks an events CSV (date,time,timezone,title,category,symbols,note,url): each line ok, duplicate or error with the reason. Writes nothing.',
    input: z.object({ text: csvTextSchema, studyId: slugSchema.nullable().optional() }).strict(),
    output: returns<EventsImportPreview>(),
  }),
  'events.importConfirm': channel({
    doc: 'Imports an events CSV: all ok lines in one transaction, or nothing when any line is an error.',
    input: z.object({ text: csvTextSchema, studyId: slugSchema.nullable().optional() }).strict(),
    output: returns<EventsImportResult>(),
  }),
  'events.exportCsv': channel({
    doc: "Events as CSV (a study's, else every event).",
    input: z.object({ studyId: slugSchema.optional() }).strict().optional(),
    output: returns<{ readonly fileName: string; readonly content: string; readonly count: number }>(),
  }),
  'compare.series': channel({
    doc: "Several symbols rebased to 100 at an anchor: an event's T0 on each symbol's own calendar, or a date.",
    input: compareInputSchema,
    output: returns<CompareSeries[]>(),
  }),
  'eventStudy.run': channel({
    doc: 'Event study of one event or a whole study: raw, market-adjusted and market-model returns per symbol and window, with cross-sectional means.',
    input: eventStudyInputSchema,
    output: returns<EventStudyResult>(),
  }),
  'claims.whatIf': channel({
    doc: "One claim evaluated with changed parameters (window, base, threshold, as-of range; the study's own when omitted) and its value over every admissible as-of date.",
    input: z.object({ studyId: slugSchema, claimId: slugSchema, metric: claimMetricSchema.optional() }).strict(),
    output: returns<ClaimWhatIf>(),
  }),
  'studies.setBenchmark': channel({
    doc: "Sets a study's event-study benchmark (null: each exchange's default).",
    input: z.object({ studyId: slugSchema, benchmark: tickerSchema.nullable() }).strict(),
    output: returns<{ readonly benchmark: Ticker | null }>(),
  }),
  'studies.setWindows': channel({
    doc: "Sets a study's own event-study windows, ordered by start then end (null: the user's defaults); announced as data.changed {studies}.",
    input: z.object({ studyId: slugSchema, windows: studyWindowsSchema.nullable() }).strict(),
    output: returns<{ readonly windows: readonly SessionWindow[] | null }>(),
  }),
} as const;

export const researchEvents = {} as const;
