import type { Migration } from './types';

/**
 * The user's research settings that outlive a re-seed.
 * - `hidden_events`: seeded events the user chose to hide. No foreign key on purpose: a newer
 *   seed revision deletes and re-inserts its events, and the user's choice must survive that
 *   (a row whose event no longer exists is simply never matched).
 * - `study_settings`: per-study choices such as the event-study benchmark (null: the default
 *   benchmark of each symbol's exchange). A seed rewrites its study row in place, so the
 *   cascade only fires when the study itself is deleted.
 */
export const migration006: Migration = {
  version: 6,
  name: 'research',
  up(db) {
    db.exec(`
      CREATE TABLE hidden_events (
        event_id  TEXT PRIMARY KEY NOT NULL,
        hidden_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE study_settings (
        study_id  TEXT PRIMARY KEY NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
        benchmark TEXT
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
