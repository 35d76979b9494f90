import type { EventQuery } from '../../../shared/contract/study';
import type { Database, Statement } from 'better-sqlite3';
import { asIsoDate, asTicker } from '../../../shared/brand';
import type {
  EventCategory,
  EventEvidence,
  EventSourceKind,
  RowOrigin,
  StudyEvent,
} from '../../../shared/domain/study-event';

interface EventRow {
  id: string;
  study_id: string | null;
  origin: RowOrigin;
  date: string;
  time: string | null;
  timezone: string | null;
  time_note: string | null;
  title: string;
  summary: string;
  category: EventCategory;
  approximate: number;
  approx_note: string | null;
  window_from: string | null;
  window_to: string | null;
  source_kind: EventSourceKind;
  source_quote: string | null;
  source_url: string | null;
  source_publication: string | null;
  evidence_json: string | null;
  symbols_json: string;
}

const SELECT = `SELECT e.id, e.study_id, e.origin, e.date, e.time, e.timezone, e.time_note, e.title, e.summary, e.category,
    e.approximate, e.approx_note, e.window_from, e.window_to, e.source_kind, e.source_quote, e.source_url,
    e.source_publication, e.evidence_json,
    (SELECT json_group_array(symbol) FROM (SELECT symbol FROM event_symbols s WHERE s.event_id = e.id ORDER BY s.position)) AS symbols_json
  FROM events e`;

function toEvent(r: EventRow): StudyEvent {
  return {
    id: r.id,
    studyId: r.study_id,
    origin: r.origin,
    date: asIsoDate(r.date),
    time: r.time,
    timezone: r.timezone,
    timeNote: r.time_note,
    title: r.title,
    summary: r.summary,
    category: r.category,
    symbols: (JSON.parse(r.symbols_json) as string[]).map(asTicker),
    approximate: r.approximate === 1,
    approxNote: r.approx_note,
    window: r.window_from && r.window_to ? { from: asIsoDate(r.window_from), to: asIsoDate(r.window_to) } : null,
    source: {
      kind: r.source_kind,
      quote: r.source_quote,
      url: r.source_url,
      publication: r.source_publication,
      evidence: r.evidence_json ? (JSON.parse(r.evidence_json) as EventEvidence) : null,
    },
  };
}

/** Narrows an event list; every field is optional (the `events.list` channel's parsed input). */
export type EventFilter = EventQuery;

/** All SQL on `events` and `event_symbols`. */
export class EventsRepository {
  private readonly db: Database;
  /** `list` statements by their SQL (one per combination of filters used: at most 16). */
  private readonly listStmts = new Map<string, Statement<[Record<string, string | number>], EventRow>>();
  private readonly hiddenStmt: Statement<[], string>;
  constructor(db: Database) {
    this.db = db;
    this.hiddenStmt = db.prepare<[], string>('SELECT event_id FROM hidden_events').pluck();
  }

  /** How many events each study has (user events outside studies and studies without events absent). */
  countByStudy(): Map<string, number> {
    const rows = this.db
      .prepare<[], { study_id: string; n: number }>(
        'SELECT study_id, count(*) AS n FROM events WHERE study_id IS NOT NULL GROUP BY study_id',
      )
      .all();
    return new Map(rows.map((r) => [r.study_id, r.n]));
  }

  /** Events ascending by date, time (date-only first) and stored position; `limit`/`offset` page them (absent: all). */
  list(filter: EventFilter = {}): StudyEvent[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.studyId !== undefined) {
      where.push('e.study_id = @studyId');
      params.studyId = filter.studyId;
    }
    if (filter.symbol !== undefined) {
      where.push('EXISTS (SELECT 1 FROM event_symbols s WHERE s.event_id = e.id AND s.symbol = @symbol)');
      params.symbol = filter.symbol;
    }
    if (filter.category !== undefined) {
      where.push('e.category = @category');
      params.category = filter.category;
    }
    let paged = '';
    if (filter.limit !== undefined) {
      paged = ' LIMIT @limit OFFSET @offset';
      params.limit = filter.limit;
      params.offset = filter.offset ?? 0;
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.date, e.time IS NOT NULL, e.time, e.position, e.id${paged}`;
    let stmt = this.listStmts.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<[Record<string, string | number>], EventRow>(sql);
      this.listStmts.set(sql, stmt);
    }
    return stmt.all(params).map(toEvent);
  }

  get(id: string): StudyEvent | null {
    const r = this.db.prepare<[string], EventRow>(`${SELECT} WHERE e.id = ?`).get(id);
    return r ? toEvent(r) : null;
  }

  /** Who owns an event id, or null when it is free. */
  owner(id: string): { studyId: string | null; origin: RowOrigin } | null {
    const r = this.db
      .prepare<[string], { study_id: string | null; origin: RowOrigin }>(
        'SELECT study_id, origin FROM events WHERE id = ?',
      )
      .get(id);
    return r ? { studyId: r.study_id, origin: r.origin } : null;
  }

  /** Inserts one event with its symbols; returns the rows written. */
  insert(e: StudyEvent, position: number): number {
    const r = this.db
      .prepare(
        `INSERT INTO events (id, study_id, origin, date, time, timezone, time_note, title, summary, category, approximate,
           approx_note, window_from, window_to, source_kind, source_quote, source_url, source_publication, evidence_json, position)
         VALUES (@id, @study_id, @origin, @date, @time, @timezone, @time_note, @title, @summary, @category, @approximate,
           @approx_note, @window_from, @window_to, @source_kind, @source_quote, @source_url, @source_publication, @evidence_json, @position)`,
      )
      .run({
        id: e.id,
        study_id: e.studyId,
        origin: e.origin,
        date: e.date,
        time: e.time,
        timezone: e.timezone,
        time_note: e.timeNote,
        title: e.title,
        summary: e.summary,
        category: e.category,
        approximate: e.approximate ? 1 : 0,
        approx_note: e.approxNote,
        window_from: e.window?.from ?? null,
        window_to: e.window?.to ?? null,
        source_kind: e.source.kind,
        source_quote: e.source.quote,
        source_url: e.source.url,
        source_publication: e.source.publication,
        evidence_json: e.source.evidence ? JSON.stringify(e.source.evidence) : null,
        position,
      });
    let changes = r.changes;
    const sym = this.db.prepare('INSERT INTO event_symbols (event_id, symbol, position) VALUES (?, ?, ?)');
    e.symbols.forEach((s, i) => {
      changes += sym.run(e.id, s, i).changes;
    });
    return changes;
  }

  /** Rewrites an event's fields and symbols (same id, same position); returns rows written. */
  update(e: StudyEvent): number {
    const position =
      this.db.prepare<[string], number>('SELECT position FROM events WHERE id = ?').pluck().get(e.id) ?? 0;
    this.db.prepare('DELETE FROM event_symbols WHERE event_id = ?').run(e.id);
    const r = this.db
      .prepare(
        `UPDATE events SET study_id = @study_id, date = @date, time = @time, timezone = @timezone, title = @title,
           summary = @summary, category = @category, window_from = @window_from, window_to = @window_to,
           source_url = @source_url, position = @position, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = @id`,
      )
      .run({
        id: e.id,
        study_id: e.studyId,
        date: e.date,
        time: e.time,
        timezone: e.timezone,
        title: e.title,
        summary: e.summary,
        category: e.category,
        window_from: e.window?.from ?? null,
        window_to: e.window?.to ?? null,
        source_url: e.source.url,
        position,
      });
    let changes = r.changes;
    const sym = this.db.prepare('INSERT INTO event_symbols (event_id, symbol, position) VALUES (?, ?, ?)');
    e.symbols.forEach((s, i) => {
      changes += sym.run(e.id, s, i).changes;
    });
    return changes;
  }

  /** Deletes one event (its symbols cascade); returns rows removed. */
  delete(id: string): number {
    return this.db.prepare('DELETE FROM events WHERE id = ?').run(id).changes;
  }

  /** The next free position at the end of a study's (or the study-less) events. */
  nextPosition(studyId: string | null): number {
    return (
      this.db
        .prepare<[string | null], number>('SELECT coalesce(max(position), -1) + 1 FROM events WHERE study_id IS ?')
        .pluck()
        .get(studyId) ?? 0
    );
  }

  /** Ids of the events the user hid (seeded events included; kept across re-seeds). */
  hiddenIds(): Set<string> {
    return new Set(this.hiddenStmt.all());
  }

  /** Hides or shows an event; returns rows changed (0 when it already was so). */
  setHidden(id: string, hidden: boolean): number {
    return hidden
      ? this.db.prepare('INSERT INTO hidden_events (event_id) VALUES (?) ON CONFLICT DO NOTHING').run(id).changes
      : this.db.prepare('DELETE FROM hidden_events WHERE event_id = ?').run(id).changes;
  }

  /** Removes a study's events of one origin (their symbols cascade); the other origin's stay. Returns the events removed. */
  deleteStudyEvents(studyId: string, origin: RowOrigin): number {
    return this.db.prepare('DELETE FROM events WHERE study_id = ? AND origin = ?').run(studyId, origin).changes;
  }
}
