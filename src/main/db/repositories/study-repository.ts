import type { Database, Statement } from 'better-sqlite3';
import { asTicker } from '../../../shared/brand';
import type { StudyRole, StudySource, StudySummary, UniverseMember } from '../../../shared/domain/study';
import type { RowOrigin } from '../../../shared/domain/study-event';
import { ClaimsRepository } from './claims-repository';
import { EventsRepository } from './events-repository';

interface StudyRow {
  id: string;
  origin: RowOrigin;
  revision: number;
  title: string;
  description: string;
  source_json: string;
}

interface SummaryRow extends StudyRow {
  subjects: number;
  benchmarks: number;
}

/** A stored study without its universe, events and claims. */
export interface StoredStudy {
  readonly id: string;
  readonly origin: RowOrigin;
  readonly revision: number;
  readonly title: string;
  readonly description: string;
  readonly source: StudySource;
}

/** What a seed writes for a study row. */
export interface StudyRecord extends StoredStudy {
  readonly position: number;
}

function toStored(r: StudyRow): StoredStudy {
  return {
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    title: r.title,
    description: r.description,
    source: JSON.parse(r.source_json) as StudySource,
  };
}

/**
 * All SQL on `studies` and `study_instruments`. Counts of a study's events and claims come
 * from their own repositories (each table's SQL lives in one place).
 */
export class StudyRepository {
  private readonly db: Database;
  private readonly events: EventsRepository;
  private readonly claims: ClaimsRepository;
  // The reads the app makes at start-up and on every study switch, prepared once.
  private readonly storedStmt: Statement<[string], { origin: RowOrigin; revision: number }>;
  private readonly getStmt: Statement<[string], StudyRow>;
  private readonly listStmt: Statement<[], SummaryRow>;
  private readonly universeStmt: Statement<[string], { symbol: string; role: StudyRole; note: string | null }>;
  constructor(db: Database) {
    this.db = db;
    this.events = new EventsRepository(db);
    this.claims = new ClaimsRepository(db);
    this.storedStmt = db.prepare('SELECT origin, revision FROM studies WHERE id = ?');
    this.getStmt = db.prepare('SELECT id, origin, revision, title, description, source_json FROM studies WHERE id = ?');
    this.listStmt = db.prepare(
      `SELECT s.id, s.origin, s.revision, s.title, s.description, s.source_json,
         (SELECT count(*) FROM study_instruments u WHERE u.study_id = s.id AND u.role = 'subject') AS subjects,
         (SELECT count(*) FROM study_instruments u WHERE u.study_id = s.id AND u.role = 'benchmark') AS benchmarks
       FROM studies s ORDER BY s.position, s.origin = 'user', s.title, s.id`,
    );
    this.universeStmt = db.prepare(
      'SELECT symbol, role, note FROM study_instruments WHERE study_id = ? ORDER BY position',
    );
  }

  /** The origin and revision of a stored study, or null: the one query a launch makes when already seeded. */
  stored(id: string): { origin: RowOrigin; revision: number } | null {
    return this.storedStmt.get(id) ?? null;
  }

  get(id: string): StoredStudy | null {
    const r = this.getStmt.get(id);
    return r ? toStored(r) : null;
  }

  /** Every study with its counts; seeded studies first, then by title. */
  list(): StudySummary[] {
    const rows = this.listStmt.all();
    const events = this.events.countByStudy();
    const claims = this.claims.countByStudy();
    return rows.map((r) => ({
      ...toStored(r),
      subjects: r.subjects,
      benchmarks: r.benchmarks,
      events: events.get(r.id) ?? 0,
      claims: claims.get(r.id) ?? 0,
    }));
  }

  /** Inserts a study row, or rewrites an existing one; returns true when a row was written. */
  write(s: StudyRecord & { origin: RowOrigin }): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO studies (id, origin, revision, title, description, source_json, position)
         VALUES (@id, @origin, @revision, @title, @description, @source_json, @position)
         ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, revision = excluded.revision, title = excluded.title,
           description = excluded.description, source_json = excluded.source_json, position = excluded.position,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run({
        id: s.id,
        origin: s.origin,
        revision: s.revision,
        title: s.title,
        description: s.description,
        source_json: JSON.stringify(s.source),
        position: s.position,
      });
    return r.changes > 0;
  }

  /** The universe of a study in its stored order. */
  universe(studyId: string): UniverseMember[] {
    return this.universeStmt.all(studyId).map((r) => ({ symbol: asTicker(r.symbol), role: r.role, note: r.note }));
  }

  /** Replaces the universe of a study; returns the number of rows written and removed. */
  replaceUniverse(studyId: string, members: readonly UniverseMember[]): number {
    let changes = this.db.prepare('DELETE FROM study_instruments WHERE study_id = ?').run(studyId).changes;
    const insert = this.db.prepare(
      'INSERT INTO study_instruments (study_id, symbol, role, position, note) VALUES (?, ?, ?, ?, ?)',
    );
    members.forEach((m, i) => {
      changes += insert.run(studyId, m.symbol, m.role, i, m.note).changes;
    });
    return changes;
  }
}
