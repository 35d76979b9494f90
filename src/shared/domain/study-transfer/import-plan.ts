import type { ClaimDefinition, ClaimMetric } from '../claims';
import { orderWindows } from '../event-study';
import { windowLabel } from '../report/report-research';
import { eventFromFile, sourceFromFile, type StudyFile, type UniverseMember } from '../study';
import type { StudyEvent } from '../study-event';
import {
  claimToFile,
  eventStudyToFile,
  eventToFile,
  hasEventStudySettings,
  studyToFile,
  type StudyContent,
  type StudyEventStudySettings,
} from './to-file';

/**
 * What importing a study file would do, computed without writing: the pure half of
 * `studies.import`. The receiver's own data is never overwritten:
 * - a study id that is free is added as it is (event ids taken elsewhere in the database are
 *   renamed, since event ids are unique across studies);
 * - a study identical to the stored one adds nothing;
 * - a study that differs from the stored one is added as a **copy** (`<id>-copy`, every event
 *   renamed), or, in `merge` mode, only what is new is added to the stored study and each
 *   conflicting item is kept as the receiver has it (`keep`, the default) or added next to it
 *   under a new id (`copy`).
 * The study's own event-study settings (windows, benchmark) go with a study the import adds;
 * into a stored study they are added only when it has none of its own, never replacing them.
 */

/** How to treat a study whose id is already stored with other content. */
export const studyImportModes = ['copy', 'merge'] as const;
export type StudyImportMode = (typeof studyImportModes)[number];

/** What to do with one conflicting item in `merge` mode. */
export const itemChoices = ['keep', 'copy'] as const;
export type ItemChoice = (typeof itemChoices)[number];

export type ImportItemKind = 'study' | 'member' | 'event' | 'claim' | 'settings';

/** One line of the preview. */
export interface StudyImportItem {
  /** `kind:id`, the key of {@link StudyImportOptions.choices}. */
  readonly key: string;
  readonly kind: ImportItemKind;
  /** Id in the file (a symbol for a universe member). */
  readonly id: string;
  /** Title, symbol or claim text, for people. */
  readonly label: string;
  /** Against the receiver's data: new, already there identically, or there with other content. */
  readonly status: 'new' | 'exists' | 'conflict';
  /** What the import does: add it, add it under `newId`, skip it (already there), or keep the receiver's. */
  readonly action: 'add' | 'add-renamed' | 'skip' | 'keep-mine';
  readonly newId: string | null;
  /** For a conflict: what differs, or whose id it is. */
  readonly detail: string | null;
}

export interface StudyImportOptions {
  /** Default `copy`. Only matters when the study id is stored with other content. */
  readonly mode?: StudyImportMode;
  /** Per conflicting item in `merge` mode, by {@link StudyImportItem.key}; default `keep`. */
  readonly choices?: Readonly<Record<string, ItemChoice>>;
}

/** What the database holds that an import is checked against. */
export interface ImportBaseline {
  /** The stored study with the file's id, or null. */
  readonly study: StudyContent | null;
  /** True when a study with this id is stored. */
  readonly studyExists: (id: string) => boolean;
  /** The study a stored event id belongs to (null: a user event outside studies); undefined when the id is free. */
  readonly eventOwner: (id: string) => string | null | undefined;
}

/** Rows to write, in order; ids final. */
export interface StudyImportWrite {
  /** The study row to create, or null when merging into the stored one. */
  readonly study:
    (Omit<StudyContent['header'], 'source'> & { readonly source: StudyContent['header']['source'] }) | null;
  readonly studyId: string;
  /** The whole universe after the import (stored members first), or null when unchanged. */
  readonly universe: readonly UniverseMember[] | null;
  readonly events: readonly StudyEvent[];
  readonly claims: readonly ClaimDefinition[];
  /** Event-study settings to give the study `studyId` (its windows ordered), or null. */
  readonly eventStudy: StudyEventStudySettings | null;
}

export interface StudyImportPlan {
  /** `new`: the id was free; `copy`: added as a copy; `merge`: into the stored study; `unchanged`: identical, nothing to do. */
  readonly target: 'new' | 'copy' | 'merge' | 'unchanged';
  readonly studyId: string;
  readonly title: string;
  readonly items: readonly StudyImportItem[];
  readonly counts: {
    readonly new: number;
    readonly exists: number;
    readonly conflict: number;
    readonly written: number;
  };
  readonly write: StudyImportWrite;
}

const MAX_SLUG = 80;

/** A slug `isTaken` refuses: `base-suffix`, then `base-suffix-2`, … (cut to fit 80 characters). */
export function freshSlug(base: string, suffix: string, isTaken: (id: string) => boolean): string {
  for (let n = 1; ; n++) {
    const tail = n === 1 ? `-${suffix}` : `-${suffix}-${n}`;
    const id = `${base.slice(0, MAX_SLUG - tail.length).replace(/-+$/, '')}${tail}`;
    if (!isTaken(id)) return id;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function differences(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k]));
  return `differs in ${keys.join(', ')}`;
}

/** The file's content in stored form (ids as in the file, origin user). */
export function contentOfFile(file: StudyFile): StudyContent {
  return {
    header: {
      id: file.id,
      revision: file.revision,
      title: file.title,
      description: file.description,
      source: sourceFromFile(file.source),
    },
    universe: file.universe.map((u) => ({ symbol: u.symbol, role: u.role, note: u.note ?? null })),
    events: file.events.map((e) => eventFromFile(e, file.id, 'user')),
    claims: file.claims.map((c) => ({
      id: c.id,
      studyId: file.id,
      origin: 'user' as const,
      text: c.text,
      quote: c.quote,
      symbols: c.symbols,
      metric: c.metric,
      note: c.note ?? null,
    })),
    ...(file.eventStudy
      ? {
          eventStudy: {
            windows: file.eventStudy.windows ? orderWindows(file.eventStudy.windows) : null,
            benchmark: file.eventStudy.benchmark ?? null,
          },
        }
      : {}),
  };
}

/** `windows [-1, +1], [0, +5]; benchmark ^HSI`, for the preview. */
function describeEventStudy(e: StudyEventStudySettings): string {
  return [
    e.windows ? `windows ${e.windows.map(windowLabel).join(', ')}` : null,
    e.benchmark ? `benchmark ${e.benchmark}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** The study's content in file form without its event-study settings (compared as an item of their own). */
function fileWithoutSettings(s: StudyContent): Record<string, unknown> {
  const { eventStudy: _settings, ...content } = s;
  return studyToFile(content);
}

/** The same study content, compared without revision, settings and order of events and claims. */
function sameStudy(a: StudyContent, b: StudyContent): boolean {
  const canon = (s: StudyContent) => {
    const f = fileWithoutSettings(s) as { events: Array<{ id: string }>; claims: Array<{ id: string }> };
    return {
      ...f,
      revision: 0,
      events: [...f.events].sort((x, y) => x.id.localeCompare(y.id)),
      claims: [...f.claims].sort((x, y) => x.id.localeCompare(y.id)),
    };
  };
  return same(canon(a), canon(b));
}

function remapMetric(m: ClaimMetric, ids: ReadonlyMap<string, string>): ClaimMetric {
  if ((m.kind === 'max-gain-within-days' || m.kind === 'record-high') && ids.has(m.event))
    return { ...m, event: ids.get(m.event)! };
  return m;
}

/** Plans the import of `file` against `baseline`; see the module comment for the rules. */
export function planStudyImport(
  file: StudyFile,
  baseline: ImportBaseline,
  options: StudyImportOptions = {},
): StudyImportPlan {
  const incoming = contentOfFile(file);
  const stored = baseline.study;
  const items: StudyImportItem[] = [];
  // Event ids this import gives out, on top of those stored.
  const givenEvents = new Set<string>();
  const eventTaken = (id: string): boolean => givenEvents.has(id) || baseline.eventOwner(id) !== undefined;
  const renamedEvents = new Map<string, string>();

  const item = (i: Omit<StudyImportItem, 'key' | 'newId' | 'detail'> & Partial<StudyImportItem>): void => {
    items.push({ key: `${i.kind}:${i.id}`, newId: null, detail: null, ...i });
  };

  const theirSettings = hasEventStudySettings(incoming.eventStudy) ? incoming.eventStudy : null;
  const mySettings = hasEventStudySettings(stored?.eventStudy) ? stored!.eventStudy! : null;
  const identical = stored !== null && sameStudy(stored, incoming);
  let target: StudyImportPlan['target'];
  if (!stored) target = 'new';
  // Nothing but settings the stored study lacks: add them, as a merge with no conflict.
  else if (identical) target = theirSettings && !mySettings ? 'merge' : 'unchanged';
  else target = options.mode === 'merge' ? 'merge' : 'copy';

  const studyId = target === 'copy' ? freshSlug(file.id, 'copy', baseline.studyExists) : file.id;
  const title = target === 'copy' ? `${file.title} (copy)`.slice(0, 200) : (stored?.header.title ?? file.title);

  // The study itself.
  if (!stored) item({ kind: 'study', id: file.id, label: file.title, status: 'new', action: 'add' });
  else {
    const storedHeader = { ...fileWithoutSettings({ ...stored, universe: [], events: [], claims: [] }), revision: 0 };
    const fileHeader = { ...fileWithoutSettings({ ...incoming, universe: [], events: [], claims: [] }), revision: 0 };
    const headerSame = same(storedHeader, fileHeader);
    item({
      kind: 'study',
      id: file.id,
      label: file.title,
      status: identical ? 'exists' : 'conflict',
      action: target === 'copy' ? 'add-renamed' : target === 'merge' && !headerSame ? 'keep-mine' : 'skip',
      newId: target === 'copy' ? studyId : null,
      detail: identical
        ? null
        : headerSame
          ? 'same header, other universe, events or claims'
          : differences(storedHeader, fileHeader),
    });
  }

  // Universe.
  const addedMembers: UniverseMember[] = [];
  for (const m of incoming.universe) {
    const mine = stored?.universe.find((x) => x.symbol === m.symbol);
    const status = !mine ? 'new' : same(mine, m) ? 'exists' : 'conflict';
    const inMerge = target === 'merge';
    const action =
      target === 'unchanged'
        ? 'skip'
        : !inMerge
          ? 'add'
          : status === 'new'
            ? 'add'
            : status === 'exists'
              ? 'skip'
              : 'keep-mine';
    if (inMerge && status === 'new') addedMembers.push(m);
    item({
      kind: 'member',
      id: m.symbol,
      label: `${m.symbol} (${m.role})`,
      status,
      action,
      detail: status === 'conflict' ? `yours: ${mine!.role}${mine!.note ? `, “${mine!.note}”` : ''}` : null,
    });
  }

  // Events: ids are unique across the database.
  const storedEvents = new Map((stored?.events ?? []).map((e) => [e.id, e]));
  const events: StudyEvent[] = [];
  for (const e of incoming.events) {
    const mine = storedEvents.get(e.id);
    const owner = baseline.eventOwner(e.id);
    const status =
      !mine && owner === undefined ? 'new' : mine && same(eventToFile(mine), eventToFile(e)) ? 'exists' : 'conflict';
    let action: StudyImportItem['action'];
    if (target === 'unchanged') action = 'skip';
    else if (target === 'copy') action = eventTaken(e.id) ? 'add-renamed' : 'add';
    else if (status === 'new') action = 'add';
    else if (status === 'exists') action = target === 'merge' ? 'skip' : 'add-renamed';
    else if (!mine)
      action = 'add-renamed'; // another study's (or a loose user event's) id: cannot be kept here
    else action = options.choices?.[`event:${e.id}`] === 'copy' ? 'add-renamed' : 'keep-mine';
    let newId: string | null = null;
    if (action === 'add-renamed') {
      newId = freshSlug(e.id, 'imported', eventTaken);
      renamedEvents.set(e.id, newId);
    }
    if (action === 'add' || action === 'add-renamed') {
      givenEvents.add(newId ?? e.id);
      events.push({ ...e, id: newId ?? e.id, studyId });
    }
    item({
      kind: 'event',
      id: e.id,
      label: `${e.date} ${e.title}`,
      status,
      action,
      newId,
      detail:
        status !== 'conflict'
          ? null
          : mine
            ? differences(eventToFile(mine), eventToFile(e))
            : `the id belongs to ${owner === null ? 'one of your own events' : `study “${owner}”`}`,
    });
  }

  // Claims: ids are unique within a study.
  const storedClaims = new Map((stored?.claims ?? []).map((c) => [c.id, c]));
  const takenClaims = new Set(target === 'merge' ? storedClaims.keys() : []);
  const claims: ClaimDefinition[] = [];
  for (const c of incoming.claims) {
    const mine = storedClaims.get(c.id);
    const status = !mine ? 'new' : same(claimToFile(mine), claimToFile(c)) ? 'exists' : 'conflict';
    let action: StudyImportItem['action'];
    if (target === 'unchanged') action = 'skip';
    else if (target !== 'merge') action = 'add';
    else if (status === 'new') action = 'add';
    else if (status === 'exists') action = 'skip';
    else action = options.choices?.[`claim:${c.id}`] === 'copy' ? 'add-renamed' : 'keep-mine';
    const newId = action === 'add-renamed' ? freshSlug(c.id, 'imported', (id) => takenClaims.has(id)) : null;
    if (action === 'add' || action === 'add-renamed') {
      takenClaims.add(newId ?? c.id);
      claims.push({ ...c, id: newId ?? c.id, studyId, metric: remapMetric(c.metric, renamedEvents) });
    }
    item({
      kind: 'claim',
      id: c.id,
      label: c.text,
      status,
      action,
      newId,
      detail: status === 'conflict' ? differences(claimToFile(mine!), claimToFile(c)) : null,
    });
  }

  const creates = target === 'new' || target === 'copy';

  // The study's event-study settings: one item; the receiver's own are never replaced.
  let eventStudy: StudyEventStudySettings | null = null;
  if (theirSettings) {
    const status = !mySettings
      ? 'new'
      : same(eventStudyToFile(mySettings), eventStudyToFile(theirSettings))
        ? 'exists'
        : 'conflict';
    const action = creates || status === 'new' ? 'add' : status === 'exists' ? 'skip' : 'keep-mine';
    if (action === 'add') eventStudy = theirSettings;
    item({
      kind: 'settings',
      id: 'event-study',
      label: `Event study: ${describeEventStudy(theirSettings)}`,
      status,
      action,
      detail: status === 'conflict' ? `yours: ${describeEventStudy(mySettings!)}` : null,
    });
  }

  const write: StudyImportWrite = {
    study: creates ? { ...incoming.header, id: studyId, title } : null,
    studyId,
    universe: creates
      ? incoming.universe
      : target === 'merge' && addedMembers.length
        ? [...stored!.universe, ...addedMembers]
        : null,
    events,
    claims,
    eventStudy,
  };
  const written =
    (write.study ? 1 : 0) +
    (creates ? incoming.universe.length : addedMembers.length) +
    events.length +
    claims.length +
    (eventStudy ? 1 : 0);
  return {
    target,
    studyId,
    title,
    items,
    counts: {
      new: items.filter((i) => i.status === 'new').length,
      exists: items.filter((i) => i.status === 'exists').length,
      conflict: items.filter((i) => i.status === 'conflict').length,
      written,
    },
    write,
  };
}
