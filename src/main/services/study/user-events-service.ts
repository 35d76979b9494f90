import type { DataChangedEvent } from '../../../shared/contract/app';
import { CatalystError } from '../../../shared/contract/errors';
import type { DeletedEvent, EventsImportPreview, EventsImportResult } from '../../../shared/contract/research';
import type { EventWithT0, StudyEvent } from '../../../shared/domain/study-event';
import {
  applyUserEventEdit,
  eventIdentityKey,
  eventsToCsv,
  parseEventsCsv,
  userEventFromInput,
  userEventId,
  type EventsCsvLine,
  type UserEventEdit,
  type UserEventInput,
} from '../../../shared/domain/user-event';
import type { EventsRepository } from '../../db/repositories/events-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';
import type { WriteTransaction } from '../../db/transaction';
import type { StudyService } from './study-service';

export interface UserEventsServiceDeps {
  readonly events: EventsRepository;
  readonly studies: StudyRepository;
  /** Reads events back with their T0s and hidden flag. */
  readonly study: StudyService;
  readonly writeTransaction: WriteTransaction;
  /** Called after every committed write (the app maps it to the `data.changed` push event). */
  readonly onChanged: (event: DataChangedEvent) => void;
}

const CHANGED: DataChangedEvent = { kinds: ['events'] };

/**
 * The user's own events: add, edit, delete (with the input that restores it), hide a seeded
 * event, import and export as CSV. Every write is one transaction followed by one change
 * signal. Invariants: a study's own (seed) events are never edited or deleted here (only
 * hidden); the hidden flag lives apart from the event row, so a re-seed keeps it.
 */
export class UserEventsService {
  private readonly deps: UserEventsServiceDeps;
  constructor(deps: UserEventsServiceDeps) {
    this.deps = deps;
  }

  /** Adds a user event; with an `id` (undo of a delete) that id must be free. */
  add(input: UserEventInput): EventWithT0 {
    const { events } = this.deps;
    this.checkStudy(input.studyId ?? null);
    const id = this.deps.writeTransaction(() => {
      let eventId: string;
      if (input.id !== undefined) {
        if (events.owner(input.id)) throw new CatalystError('conflict', `an event "${input.id}" already exists`);
        eventId = input.id;
      } else eventId = userEventId(input.date, input.title, (c) => events.owner(c) !== null);
      const studyId = input.studyId ?? null;
      events.insert(userEventFromInput(eventId, input), events.nextPosition(studyId));
      return eventId;
    });
    this.deps.onChanged(CHANGED);
    return this.deps.study.getEvent(id);
  }

  /** Changes a user event's fields; a seed event is refused (hide it instead). */
  edit(edit: UserEventEdit): EventWithT0 {
    this.deps.writeTransaction(() => {
      const current = this.userEvent(edit.id, 'edited');
      const next = applyUserEventEdit(current, edit.changes);
      if (next.time && !next.timezone)
        throw new CatalystError('invalid-input', 'a time needs its time zone, and a zone a time');
      if (next.window && next.window.from > next.window.to)
        throw new CatalystError('invalid-input', 'window "from" must not be after "to"');
      this.deps.events.update(next);
    });
    this.deps.onChanged(CHANGED);
    return this.deps.study.getEvent(edit.id);
  }

  /** Deletes a user event; returns it and the input that adds it back unchanged (undo). */
  delete(id: string): DeletedEvent {
    const before = this.deps.study.getEvent(id);
    this.deps.writeTransaction(() => {
      this.userEvent(id, 'deleted');
      this.deps.events.delete(id);
      this.deps.events.setHidden(id, false);
    });
    this.deps.onChanged(CHANGED);
    return { event: before, restore: restoreInput(before) };
  }

  /** Hides or shows an event (seed or user) on the charts. */
  setHidden(id: string, hidden: boolean): EventWithT0 {
    const changed = this.deps.writeTransaction(() => {
      if (!this.deps.events.owner(id)) throw new CatalystError('not-found', `no event "${id}"`);
      return this.deps.events.setHidden(id, hidden);
    });
    if (changed > 0) this.deps.onChanged(CHANGED);
    return this.deps.study.getEvent(id);
  }

  /** Checks an events CSV line by line; writes nothing. */
  previewImport(text: string, studyId: string | null = null): EventsImportPreview {
    this.checkStudy(studyId);
    return summarise(this.parse(text, studyId));
  }

  /**
   * Imports an events CSV: when no line is an error, every `ok` line is added in one
   * transaction (duplicates are skipped); otherwise nothing is written and the error lines
   * are named.
   */
  confirmImport(text: string, studyId: string | null = null): EventsImportResult {
    this.checkStudy(studyId);
    const { lines, ids } = this.deps.writeTransaction(() => {
      const parsed = this.parse(text, studyId);
      const errors = parsed.filter((l) => l.status === 'error');
      if (errors.length > 0) {
        throw new CatalystError(
          'invalid-input',
          `nothing imported: ${errors.length} line(s) have errors\n${errors.map((l) => `line ${l.line}: ${l.reason}`).join('\n')}`,
        );
      }
      const written: string[] = [];
      let position = this.deps.events.nextPosition(studyId);
      for (const l of parsed) {
        if (l.status !== 'ok' || !l.event) continue;
        const id = userEventId(l.event.date, l.event.title, (c) => this.deps.events.owner(c) !== null);
        this.deps.events.insert(userEventFromInput(id, l.event), position++);
        written.push(id);
      }
      return { lines: parsed, ids: written };
    });
    if (ids.length > 0) this.deps.onChanged(CHANGED);
    return { ...summarise(lines), imported: ids.length, ids };
  }

  /** Events as CSV: a study's (any origin), else every event. */
  exportCsv(studyId?: string): { fileName: string; content: string; count: number } {
    if (studyId !== undefined) this.checkStudy(studyId);
    const events = this.deps.events.list(studyId !== undefined ? { studyId } : {});
    return {
      fileName: `${studyId ?? 'events'}.events.csv`,
      content: eventsToCsv(events),
      count: events.length,
    };
  }

  private parse(text: string, studyId: string | null): EventsCsvLine[] {
    const existing = new Set(this.deps.events.list().map(eventIdentityKey));
    return parseEventsCsv(text, studyId, (key) => existing.has(key));
  }

  private checkStudy(studyId: string | null): void {
    if (studyId !== null && !this.deps.studies.stored(studyId))
      throw new CatalystError('not-found', `no study "${studyId}"`);
  }

  private userEvent(id: string, verb: string): StudyEvent {
    const e = this.deps.events.get(id);
    if (!e) throw new CatalystError('not-found', `no event "${id}"`);
    if (e.origin !== 'user')
      throw new CatalystError('conflict', `"${id}" is a study's own event and cannot be ${verb}; hide it instead`);
    return e;
  }
}

function summarise(lines: readonly EventsCsvLine[]): EventsImportPreview {
  const count = (s: EventsCsvLine['status']) => lines.filter((l) => l.status === s).length;
  return { lines, ok: count('ok'), duplicates: count('duplicate'), errors: count('error') };
}

/** The input that adds a deleted user event back exactly (same id, fields and study). */
function restoreInput(e: StudyEvent): UserEventInput {
  return {
    id: e.id,
    studyId: e.studyId,
    date: e.date,
    time: e.time,
    timezone: e.timezone,
    title: e.title,
    note: e.summary,
    category: e.category,
    symbols: [...e.symbols],
    url: e.source.url,
    window: e.window,
  };
}
