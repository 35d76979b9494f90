import { z } from 'zod';
import type { IsoDate, Ticker } from '../brand';

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
  /** The user hid this (seeded) event: listed, but not drawn. Kept across re-seeds. */
  readonly hidden: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A stable id: lower-case words joined by hyphens, at most 80 characters. */
export const slugSchema = z.string().max(80).regex(SLUG, {
  message: 'must be a slug: lower-case letters and digits joined by hyphens (e.g. "qwen25-max-release")',
});

/** Local wall-clock time `HH:MM`, 24-hour. */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a 24-hour time HH:MM' });

/** How to show an event's date: the approximate note when the day is not verified. */
export function eventDateLabel(
  e: Pick<StudyEvent, 'date' | 'time' | 'timezone' | 'approximate' | 'approxNote'>,
): string {
  if (e.approximate) return e.approxNote ?? `≈ ${e.date}`;
  return e.time ? `${e.date} ${e.time} (${e.timezone})` : e.date;
}
