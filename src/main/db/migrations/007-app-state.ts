import type { Migration } from './types';

/**
 * The app's own state, one JSON value per key: `settings` (theme, research and export
 * defaults), `workspace` (what the window showed, restored on launch) and `recent-files`
 * (File ▸ Open Recent). Values are read field by field, so a key written by a newer version
 * degrades to defaults instead of failing.
 */
export const migration007: Migration = {
  version: 7,
  name: 'app-state',
  up(db) {
    db.exec(`
      CREATE TABLE app_state (
        key        TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
