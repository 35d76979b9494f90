import type { Database } from 'better-sqlite3';
import { asTicker, type Ticker } from '../../../shared/brand';
import { studyWindowsSchema, type SessionWindow } from '../../../shared/domain/event-study';
import { AppStateRepository } from './app-state-repository';

/**
 * The user's per-study research choices: the event-study benchmark (table `study_settings`) and
 * the study's own event-study windows (`app_state` key `study-windows`: one JSON object, study id
 * → windows, so no migration was needed; an entry that does not validate reads as absent).
 */
export class StudySettingsRepository {
  private readonly db: Database;
  private readonly state: AppStateRepository;
  constructor(db: Database) {
    this.db = db;
    this.state = new AppStateRepository(db);
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

  /** The study's own event-study windows, or null for the user's defaults. */
  windows(studyId: string): SessionWindow[] | null {
    const parsed = studyWindowsSchema.safeParse(this.allWindows()[studyId]);
    return parsed.success ? parsed.data.map(([a, b]) => [a, b] as const) : null;
  }

  /** Sets (or clears, with null) the study's windows; the other studies' entries are kept. */
  setWindows(studyId: string, windows: readonly SessionWindow[] | null): void {
    // Read and write in one transaction: the CLI may change another study's entry meanwhile.
    this.db
      .transaction(() => {
        const all = { ...this.allWindows() };
        if (windows) all[studyId] = windows.map(([a, b]) => [a, b]);
        else delete all[studyId];
        this.state.set('study-windows', all);
      })
      .immediate();
  }

  private allWindows(): Record<string, unknown> {
    const v = this.state.get('study-windows');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  }
}
