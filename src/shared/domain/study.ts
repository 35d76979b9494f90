import { parseJsonBounded } from '../json-bounded';
import { z } from 'zod';
import { isoDateSchema, tickerSchema, type IsoDate, type Ticker } from '../brand';
import { timeZoneSchema } from './calendar';
import { claimFileSchema, type ClaimDefinition } from './claims';
import { studyWindowsSchema } from './event-study';
import type { Instrument } from './instrument';
import {
  eventCategories,
  eventSourceKinds,
  evidenceStatuses,
  localTimeSchema,
  slugSchema,
  type EventWithT0,
  type RowOrigin,
  type StudyEvent,
} from './study-event';
import { checkVersionedHeader } from '../versioned-file';
import { issueMessages } from '../zod-issues';

/**
 * A study: a source (an article), a universe of instruments with roles, dated events and
 * checkable claims. Studies travel as JSON files (`*.study.json`, format described in
 * docs/study-format.md); the embedded "China tech rally 2025" ships in resources/studies/.
 */

/** The `format` value every study file carries. */
export const STUDY_FORMAT = 'catalyst-study';
/** The newest study-file format version this build reads. Version 2 added `eventStudy`. */
export const STUDY_FORMAT_VERSION = 2;
/**
 * The version of a file that carries nothing of a newer version: files are written with the
 * lowest version that holds their content, so a study without its own event-study settings
 * still opens in a build that reads only version 1.
 */
export const STUDY_FORMAT_BASE_VERSION = 1;
/** The first version with the `eventStudy` key. */
export const STUDY_FORMAT_EVENT_STUDY_VERSION = 2;

export const studyRoles = ['subject', 'benchmark'] as const;
/** `subject`: what the study is about; `benchmark`: what it is compared with. */
export type StudyRole = (typeof studyRoles)[number];

/** The text a study is built from. */
export interface StudySource {
  readonly publication: string | null;
  readonly author: string | null;
  readonly title: string;
  readonly url: string | null;
  readonly published: IsoDate | null;
  /** How to read the publication date when it is missing or uncertain. */
  readonly publishedNote: string | null;
}

export interface UniverseMember {
  readonly symbol: Ticker;
  readonly role: StudyRole;
  readonly note: string | null;
}

/** A universe member with its cached instrument (null when not cached) and the span of its bars. */
export interface UniverseEntry extends UniverseMember {
  readonly instrument: Instrument | null;
  readonly firstDate: IsoDate | null;
  readonly lastDate: IsoDate | null;
}

/** What identifies and describes a stored study, in a list and in full. */
export interface StudyHeader {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly origin: RowOrigin;
  /** Content revision of the stored study (a seed replaces its own rows only with a newer one). */
  readonly revision: number;
  readonly source: StudySource;
}

/** A study in a list. */
export interface StudySummary extends StudyHeader {
  readonly subjects: number;
  readonly benchmarks: number;
  readonly events: number;
  readonly claims: number;
}

/** A whole study: universe with instruments, events with their T0 per symbol, and claims. */
export interface StudyDetail extends StudyHeader {
  readonly universe: readonly UniverseEntry[];
  /** Ascending by date then time. */
  readonly events: readonly EventWithT0[];
  readonly claims: readonly ClaimDefinition[];
}

const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const optText = (max: number) => z.string().trim().min(1).max(max).optional();
const text = (max: number) => z.string().trim().min(1).max(max);

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
      ctx.addIssue({
        code: 'custom',
        path: ['timezone'],
        message: 'an event time needs its time zone, and a time zone needs a time',
      });
    }
    if (e.approximate && !e.approxNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['approxNote'],
        message: 'an approximate event needs an approxNote saying how to show its date',
      });
    }
    if (!e.approximate && e.approxNote) {
      ctx.addIssue({ code: 'custom', path: ['approxNote'], message: 'approxNote is only for approximate events' });
    }
    if (e.window && e.window.from > e.window.to) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: 'window "from" must not be after "to"' });
    }
    if (e.source.kind === 'article' && !e.source.quote) {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'quote'],
        message: 'an article event needs the article’s exact sentence as its quote',
      });
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

export const studySourceSchema = z
  .object({
    kind: z.literal('article').default('article'),
    publication: optText(200),
    author: optText(200),
    title: z.string().trim().min(1).max(300),
    url: webUrl.optional(),
    published: isoDateSchema.optional(),
    publishedNote: optText(500),
  })
  .strict();

/**
 * A study's own event-study settings in its file (version 2): the windows measured around each
 * event and the benchmark of excess returns. Either may be left out (the receiver's defaults).
 */
export const studyEventStudyFileSchema = z
  .object({
    windows: studyWindowsSchema.optional(),
    benchmark: tickerSchema.optional(),
  })
  .strict()
  .refine((e) => e.windows !== undefined || e.benchmark !== undefined, {
    message: 'give windows, a benchmark or both (leave the key out otherwise)',
  });

/** The whole study file, after the format header has been checked. */
export const studyFileSchema = z
  .object({
    format: z.literal(STUDY_FORMAT),
    version: z.number().int().min(1).max(STUDY_FORMAT_VERSION),
    id: slugSchema,
    revision: z.number().int().min(1),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    source: studySourceSchema,
    universe: z
      .array(z.object({ symbol: tickerSchema, role: z.enum(studyRoles), note: optText(500) }).strict())
      .min(1)
      .max(200),
    events: z.array(studyEventFileSchema).max(5000),
    claims: z.array(claimFileSchema).max(500),
    eventStudy: studyEventStudyFileSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.eventStudy && s.version < STUDY_FORMAT_EVENT_STUDY_VERSION)
      ctx.addIssue({
        code: 'custom',
        path: ['eventStudy'],
        message: `needs "version": ${STUDY_FORMAT_EVENT_STUDY_VERSION} or higher (the file says ${s.version})`,
      });
    const universe = new Set<string>();
    s.universe.forEach((u, i) => {
      if (universe.has(u.symbol))
        ctx.addIssue({ code: 'custom', path: ['universe', i, 'symbol'], message: `${u.symbol} is listed twice` });
      universe.add(u.symbol);
    });
    const eventIds = new Set<string>();
    s.events.forEach((e, i) => {
      if (eventIds.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: `duplicate event id "${e.id}"` });
      eventIds.add(e.id);
      e.symbols.forEach((sym, j) => {
        if (!universe.has(sym))
          ctx.addIssue({
            code: 'custom',
            path: ['events', i, 'symbols', j],
            message: `${sym} is not in the study's universe`,
          });
      });
    });
    const claimIds = new Set<string>();
    s.claims.forEach((c, i) => {
      if (claimIds.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['claims', i, 'id'], message: `duplicate claim id "${c.id}"` });
      claimIds.add(c.id);
      c.symbols.forEach((sym, j) => {
        if (!universe.has(sym))
          ctx.addIssue({
            code: 'custom',
            path: ['claims', i, 'symbols', j],
            message: `${sym} is not in the study's universe`,
          });
      });
      if (
        (c.metric.kind === 'max-gain-within-days' || c.metric.kind === 'record-high') &&
        !eventIds.has(c.metric.event)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['claims', i, 'metric', 'event'],
          message: `no event "${c.metric.event}" in this study`,
        });
      }
    });
  });

export type StudyFile = z.output<typeof studyFileSchema>;

export type ParseStudyResult =
  { readonly ok: true; readonly study: StudyFile } | { readonly ok: false; readonly problems: readonly string[] };

/** Describes where an issue is, naming the event or claim by id when the raw file has one. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? (node as unknown[])[key] : undefined;
      const id =
        item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
          ? (item as { id: string }).id
          : null;
      parts[parts.length - 1] += id ? `[${key}] ("${id}")` : `[${key}]`;
      node = item;
    } else {
      parts.push(String(key));
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return parts.join('.');
}

/**
 * Parses and validates a study file's text. Checks the header first, so a file of another
 * kind or of a newer format gets one clear message; then every field and the cross-references
 * (universe, event ids in claims). Never throws: returns the problems, each with its path.
 */
export function parseStudyFile(text: string): ParseStudyResult {
  const bounded = parseJsonBounded(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!bounded.ok) return { ok: false, problems: [bounded.reason.replace(/^invalid JSON/, 'not valid JSON')] };
  const raw = bounded.value;
  const header = checkVersionedHeader(raw, {
    format: STUDY_FORMAT,
    version: STUDY_FORMAT_VERSION,
    noun: 'study',
    messages: {
      notObject: () => 'not a study: the file is not a JSON object',
      wrongFormat: (got) => `not a Catalyst study file: "format" is ${got}, expected "${STUDY_FORMAT}"`,
    },
  });
  if (!header.ok) return { ok: false, problems: [header.reason] };
  const parsed = studyFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: issueMessages(parsed.error.issues, { path: (path) => describePath(raw, path) }),
    };
  }
  return { ok: true, study: parsed.data };
}

/** The stored form of a study file's source. */
export function sourceFromFile(s: StudyFile['source']): StudySource {
  return {
    publication: s.publication ?? null,
    author: s.author ?? null,
    title: s.title,
    url: s.url ?? null,
    published: s.published ?? null,
    publishedNote: s.publishedNote ?? null,
  };
}
