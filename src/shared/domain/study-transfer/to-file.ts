import type { Ticker } from '../../brand';
import type { ClaimDefinition } from '../claims';
import type { SessionWindow } from '../event-study';
import {
  STUDY_FORMAT,
  STUDY_FORMAT_BASE_VERSION,
  STUDY_FORMAT_EVENT_STUDY_VERSION,
  type StudyHeader,
  type StudySource,
  type UniverseMember,
} from '../study';
import type { StudyEvent } from '../study-event';

/**
 * The inverse of reading a study file: a stored study as the JSON object of a `.catalyst.json`
 * (= `*.study.json`) file, in the documented key order, optional fields left out when empty.
 * Reading the result with `parseStudyFile` and storing it gives the same rows back
 * (the round trip tests hold it to that).
 */

/** What a study file is written from: the stored header, universe, events and claims. */
export interface StudyContent {
  readonly header: Pick<StudyHeader, 'id' | 'revision' | 'title' | 'description' | 'source'>;
  readonly universe: readonly UniverseMember[];
  readonly events: readonly StudyEvent[];
  readonly claims: readonly ClaimDefinition[];
  /** The study's own event-study settings; absent or all null: the receiver's defaults. */
  readonly eventStudy?: StudyEventStudySettings;
}

/** A study's own event-study settings (null: the user's defaults). */
export interface StudyEventStudySettings {
  readonly windows: readonly SessionWindow[] | null;
  readonly benchmark: Ticker | null;
}

/** True when the settings say anything (a file then needs the `eventStudy` key and version 2). */
export function hasEventStudySettings(e: StudyEventStudySettings | undefined): e is StudyEventStudySettings {
  return e !== undefined && (e.windows !== null || e.benchmark !== null);
}

/** The settings in file form (the `eventStudy` key), or null when there are none. */
export function eventStudyToFile(e: StudyEventStudySettings | undefined): Record<string, unknown> | null {
  if (!hasEventStudySettings(e)) return null;
  return compact({ windows: e.windows?.map(([a, b]) => [a, b]), benchmark: e.benchmark });
}

/** Drops keys whose value is null or undefined, so the file leaves optional fields out. */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

function sourceToFile(s: StudySource): Record<string, unknown> {
  return compact({
    kind: 'article',
    publication: s.publication,
    author: s.author,
    title: s.title,
    url: s.url,
    published: s.published,
    publishedNote: s.publishedNote,
  });
}

/** One event in file form (the inverse of `eventFromFile`; `studyId` and `origin` are not part of a file). */
export function eventToFile(e: StudyEvent): Record<string, unknown> {
  const ev = e.source.evidence;
  return compact({
    id: e.id,
    date: e.date,
    time: e.time,
    timezone: e.timezone,
    timeNote: e.timeNote,
    title: e.title,
    summary: e.summary,
    category: e.category,
    symbols: [...e.symbols],
    approximate: e.approximate,
    approxNote: e.approxNote,
    window: e.window ? { from: e.window.from, to: e.window.to } : null,
    source: compact({
      kind: e.source.kind,
      quote: e.source.quote,
      url: e.source.url,
      publication: e.source.publication,
      evidence: ev
        ? compact({ status: ev.status, links: [...ev.links], phrases: [...ev.phrases], dataCheck: ev.dataCheck })
        : null,
    }),
  });
}

/** One claim in file form. */
export function claimToFile(c: ClaimDefinition): Record<string, unknown> {
  return compact({ id: c.id, text: c.text, quote: c.quote, symbols: [...c.symbols], metric: c.metric, note: c.note });
}

/**
 * The whole study file object (format header first). Its version is the lowest that holds its
 * content: 2 with event-study settings, else 1.
 */
export function studyToFile(s: StudyContent): Record<string, unknown> {
  const eventStudy = eventStudyToFile(s.eventStudy);
  return {
    format: STUDY_FORMAT,
    version: eventStudy ? STUDY_FORMAT_EVENT_STUDY_VERSION : STUDY_FORMAT_BASE_VERSION,
    id: s.header.id,
    revision: s.header.revision,
    title: s.header.title,
    description: s.header.description,
    source: sourceToFile(s.header.source),
    universe: s.universe.map((u) => compact({ symbol: u.symbol, role: u.role, note: u.note })),
    events: s.events.map(eventToFile),
    claims: s.claims.map(claimToFile),
    ...(eventStudy ? { eventStudy } : {}),
  };
}

/** The file's text: two-space indented JSON ending with a newline. */
export function studyFileText(s: StudyContent): string {
  return `${JSON.stringify(studyToFile(s), null, 2)}\n`;
}

/** The file extension Catalyst gives exported studies (any `.json` study file is read the same way). */
export const STUDY_FILE_EXTENSION = '.catalyst.json';
