import type { Database, Statement } from 'better-sqlite3';

/** The keys of `app_state`; each value is one JSON document. */
export type AppStateKey = 'settings' | 'workspace' | 'recent-files' | 'window' | 'study-windows';

/** Owns `app_state`: the app's settings, workspace, recent files, window place and per-study event windows as JSON by key. */
export class AppStateRepository {
  private readonly getStmt: Statement<[string], { value: string }>;
  private readonly setStmt: Statement<[string, string]>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT value FROM app_state WHERE key = ?');
    this.setStmt = db.prepare(
      `INSERT INTO app_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
  }

  /** The stored value, or undefined when there is none or it is not JSON (a damaged row reads as absent). */
  get(key: AppStateKey): unknown {
    const row = this.getStmt.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  }

  set(key: AppStateKey, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value));
  }
}
