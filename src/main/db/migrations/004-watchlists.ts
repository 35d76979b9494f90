import type { Migration } from './types';

/**
 * Watchlists: named, ordered lists of symbols with notes and section markers.
 * - `watchlists.name_key` is the case-folded name (Unicode-aware, computed by the service);
 *   it is unique among live lists only, so a deleted list never blocks a name.
 * - `deleted_at` makes a delete undoable: the rows stay until a later delete purges lists
 *   deleted more than 30 days before.
 * - `watchlist_items` holds both kinds of entry in one ordered sequence (`position`), so a
 *   section is simply the marker before its items. Symbols do not reference `instruments`:
 *   a list may name symbols that are not cached yet.
 */
export const migration004: Migration = {
  version: 4,
  name: 'watchlists',
  up(db) {
    db.exec(`
      CREATE TABLE watchlists (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100 AND name = trim(name)),
        name_key   TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX watchlists_live_name ON watchlists(name_key) WHERE deleted_at IS NULL;

      CREATE TABLE watchlist_items (
        id           INTEGER PRIMARY KEY,
        watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL CHECK (position >= 0),
        kind         TEXT NOT NULL CHECK (kind IN ('item', 'section')),
        symbol       TEXT,
        label        TEXT,
        note         TEXT,
        exchange     TEXT,
        CHECK ((kind = 'item' AND symbol IS NOT NULL AND label IS NULL)
            OR (kind = 'section' AND symbol IS NULL AND label IS NOT NULL AND note IS NULL AND exchange IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX watchlist_items_symbol ON watchlist_items(watchlist_id, symbol) WHERE symbol IS NOT NULL;
      CREATE INDEX watchlist_items_order ON watchlist_items(watchlist_id, position);
    `);
  },
};
