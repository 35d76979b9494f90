import { IANAZone } from 'luxon';
import { z } from 'zod';
import { isoDateSchema, tickerSchema, type IsoDate, type Ticker } from '../brand';

/** What an event is about; `user` marks events a user added without choosing another category. */
export const eventCategories = ['ai', 'policy', 'market', 'corporate', 'macro', 'user'] as const;
export type EventCategory = (typeof eventCategories)[number];

/**
 * Where an event comes from:
 * - `article`: the study's source text speaks of it (`quote` holds its exact sentence);
 * - `reference`: a dated public source other than the study's article (news page, official blog);
 * - `user`: added by the user;
 * - `provider`: reported by a price provider (dividends, splits).
 */
export const eventSourceKinds = ['article', 'reference', 'user', 'provider'] as const;
export type EventSourceKind = (typeof eventSourceKinds)[number];

/** How well the date is established, as in the study's research notes. */
export const evidenceStatuses = ['verified', 'verified-data', 'approx'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

/** Who owns a stored row: the shipped study (replaced by a newer revision) or the user (never touched by a seed). */
export type RowOrigin = 'seed' | 'user';

/** The sources that date an event: links, the exact phrases copied from them, and any check against the cached prices. */
export interface EventEvidence {
  readonly status: EvidenceStatus;
  /** URLs, or repository references such as `owner/repo path` where no URL is known. */
  readonly links: readonly string[];
  /** Phrases copied verbatim from the linked pages. */
  readonly phrases: readonly string[];
  /** How the date was checked against the price files, when it was. */
  readonly dataCheck: string | null;
}

export interface EventSource {
  readonly kind: EventSourceKind;
  /** The study article's exact sentence about the event (kind `article`), else null. */
  readonly quote: string | null;
  /** The page that dates the event (the first web link of the evidence), else null. */
  readonly url: string | null;
  readonly publication: string | null;
  readonly evidence: EventEvidence | null;
}

/** An inclusive calendar-date range around an event (e.g. a session of parliament), for shading. */
export interface EventWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * A dated catalyst. `date` is a calendar date; with `time` (local `HH:MM`) it is read in
 * `timezone` (IANA) and converted to each exchange's zone before T0 is taken (see calendar.ts).
 * Without a time the same calendar date applies on every exchange.
 */
export interface StudyEvent {
  /** Stable slug (seed events) or generated id (user events); unique across the database. */
  readonly id: string;
  /** The study it belongs to; null for a user event outside any study. */
  readonly studyId: string | null;
  readonly origin: RowOrigin;
  readonly date: IsoDate;
  readonly time: string | null;
  readonly timezone: string | null;
  /** Why the time is what it is, when it was derived rather than stated by a source. */
  readonly timeNote: string | null;
  readonly title: string;
  readonly summary: string;
  readonly category: EventCategory;
  /** Symbols the event concerns (charts of these symbols mark it). */
  readonly symbols: readonly Ticker[];
  /** True when the day itself is not verified: show `approxNote`, never the bare date. */
  readonly approximate: boolean;
  /** How to show an approximate date, e.g. "early Feb 2025 (≤ 11 Feb)". */
  readonly approxNote: string | null;
  readonly window: EventWindow | null;
  readonly source: EventSource;
}

/** An event with its T0 (first reaction session) per concerned symbol; null where the cache cannot tell. */
export interface EventWithT0 extends StudyEvent {
  readonly t0: Readonly<Record<string, IsoDate | null>>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A stable id: lower-case words joined by hyphens, at most 80 characters. */
export const slugSchema = z
  .string()
  .max(80)
  .regex(SLUG, { message: 'must be a slug: lower-case letters and digits joined by hyphens (e.g. "qwen25-max-release")' });

/** Local wall-clock time `HH:MM`, 24-hour. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a 24-hour time HH:MM' });

/** An IANA time zone name luxon (and the platform's Intl) knows, e.g. `Asia/Hong_Kong`. */
export const timeZoneSchema = z.string().refine((v) => IANAZone.isValidZone(v), { message: 'must be an IANA time zone such as Asia/Hong_Kong' });

const text = (max: number) => z.string().trim().min(1).max(max);
const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** The event as written in a study file (optional fields may be left out). */
export const studyEventFileSchema = z
  .object({
    id: slugSchema,
    date: isoDateSchema,
    time: localTimeSchema.optional(),
    timezone: timeZoneSchema.optional(),
    timeNote: text(1000).optional(),
    title: text(200),
    summary: z.string().trim().max(4000).default(''),
    category: z.enum(eventCategories),
    symbols: z.array(tickerSchema).max(100),
    approximate: z.boolean(),
    approxNote: text(200).optional(),
    window: z.object({ from: isoDateSchema, to: isoDateSchema }).strict().optional(),
    source: z
      .object({
        kind: z.enum(eventSourceKinds),
        quote: text(4000).optional(),
        url: webUrl.optional(),
        publication: text(200).optional(),
        evidence: z
          .object({
            status: z.enum(evidenceStatuses),
            links: z.array(text(1000)).max(20),
            phrases: z.array(text(4000)).max(20),
            dataCheck: text(1000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.time === undefined) !== (e.timezone === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: 'an event time needs its time zone, and a time zone needs a time' });
    }
    if (e.approximate && !e.approxNote) {
      ctx.addIssue({ code: 'custom', path: ['approxNote'], message: 'an approximate event needs an approxNote saying how to show its date' });
    }
    if (!e.approximate && e.approxNote) {
      ctx.addIssue({ code: 'custom', path: ['approxNote'], message: 'approxNote is only for approximate events' });
    }
    if (e.window && e.window.from > e.window.to) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: 'window "from" must not be after "to"' });
    }
    if (e.source.kind === 'article' && !e.source.quote) {
      ctx.addIssue({ code: 'custom', path: ['source', 'quote'], message: 'an article event needs the article’s exact sentence as its quote' });
    }
    const dup = e.symbols.find((s, i) => e.symbols.indexOf(s) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['symbols'], message: `${dup} is listed twice` });
  });

export type StudyEventFile = z.output<typeof studyEventFileSchema>;

/** The stored form of an event read from a study file. */
export function eventFromFile(e: StudyEventFile, studyId: string | null, origin: RowOrigin): StudyEvent {
  return {
    id: e.id,
    studyId,
    origin,
    date: e.date,
    time: e.time ?? null,
    timezone: e.timezone ?? null,
    timeNote: e.timeNote ?? null,
    title: e.title,
    summary: e.summary,
    category: e.category,
    symbols: e.symbols,
    approximate: e.approximate,
    approxNote: e.approxNote ?? null,
    window: e.window ?? null,
    source: {
      kind: e.source.kind,
      quote: e.source.quote ?? null,
      url: e.source.url ?? null,
      publication: e.source.publication ?? null,
      evidence: e.source.evidence
        ? {
            status: e.source.evidence.status,
            links: e.source.evidence.links,
            phrases: e.source.evidence.phrases,
            dataCheck: e.source.evidence.dataCheck ?? null,
          }
        : null,
    },
  };
}

/** How to show an event's date: the approximate note when the day is not verified. */
export function eventDateLabel(e: Pick<StudyEvent, 'date' | 'time' | 'timezone' | 'approximate' | 'approxNote'>): string {
  if (e.approximate) return e.approxNote ?? `≈ ${e.date}`;
  return e.time ? `${e.date} ${e.time} (${e.timezone})` : e.date;
}
