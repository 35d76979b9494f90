import type { Database } from 'better-sqlite3';
import { asTicker, type Ticker } from '../../../shared/brand';

/** All SQL on `study_settings`: the user's per-study research choices. */
export class StudySettingsRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  /** The study's event-study benchmark, or null for each exchange's default. */
  benchmark(studyId: string): Ticker | null {
    const v = this.db
      .prepare<[string], string | null>('SELECT benchmark FROM study_settings WHERE study_id = ?')
      .pluck()
      .get(studyId);
    return v ? asTicker(v) : null;
  }

  /** Sets (or clears, with null) the study's benchmark; returns rows changed. */
  setBenchmark(studyId: string, benchmark: Ticker | null): number {
    return this.db
      .prepare(
        `INSERT INTO study_settings (study_id, benchmark) VALUES (?, ?)
         ON CONFLICT(study_id) DO UPDATE SET benchmark = excluded.benchmark WHERE benchmark IS NOT excluded.benchmark`,
      )
      .run(studyId, benchmark).changes;
  }
}
