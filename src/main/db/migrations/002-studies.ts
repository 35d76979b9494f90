import type { Migration } from './types';

/**
 * Studies, their universes, events and claims.
 * - Every row of `studies`, `events` and `claims` carries `origin`: `seed` rows belong to a
 *   shipped study and are replaced only by a newer revision of it; `user` rows are never
 *   touched by a seed.
 * - `events.study_id` is nullable: a user's own event need not belong to a study.
 * - `event_symbols` is a join table so "events of symbol S" is an indexed lookup.
 * - `seeded_instruments` remembers the metadata a seed last wrote per instrument, so a newer
 *   seed updates only the fields nobody has edited since.
 * - `study_instruments.symbol` has no foreign key: a (shared) study may name symbols that are
 *   not cached yet.
 */
export const migration002: Migration = {
  version: 2,
  name: 'studies',
  up(db) {
    db.exec(`
      CREATE TABLE studies (
        id          TEXT PRIMARY KEY NOT NULL,
        origin      TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
        revision    INTEGER NOT NULL CHECK (revision >= 1),
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        source_json TEXT NOT NULL CHECK (json_valid(source_json)),
        position    INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TABLE study_instruments (
        study_id TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
        symbol   TEXT NOT NULL,
        role     TEXT NOT NULL CHECK (role IN ('subject', 'benchmark')),
        position INTEGER NOT NULL,
        note     TEXT,
        PRIMARY KEY (study_id, symbol)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE events (
        id                 TEXT PRIMARY KEY NOT NULL,
        study_id           TEXT REFERENCES studies(id) ON DELETE CASCADE,
        origin             TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
        date               TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        time               TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone           TEXT,
        time_note          TEXT,
        title              TEXT NOT NULL,
        summary            TEXT NOT NULL DEFAULT '',
        category           TEXT NOT NULL CHECK (category IN ('ai', 'policy', 'market', 'corporate', 'macro', 'user')),
        approximate        INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
        approx_note        TEXT,
        window_from        TEXT,
        window_to          TEXT,
        source_kind        TEXT NOT NULL CHECK (source_kind IN ('article', 'reference', 'user', 'provider')),
        source_quote       TEXT,
        source_url         TEXT,
        source_publication TEXT,
        evidence_json      TEXT CHECK (evidence_json IS NULL OR json_valid(evidence_json)),
        position           INTEGER NOT NULL DEFAULT 0,
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK ((time IS NULL) = (timezone IS NULL)),
        CHECK ((window_from IS NULL) = (window_to IS NULL))
      ) STRICT;
      CREATE INDEX events_by_study_date ON events (study_id, date);

      CREATE TABLE event_symbols (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        symbol   TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (event_id, symbol)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX event_symbols_by_symbol ON event_symbols (symbol, event_id);

      CREATE TABLE claims (
        study_id    TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
        id          TEXT NOT NULL,
        origin      TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
        position    INTEGER NOT NULL,
        text        TEXT NOT NULL,
        quote       TEXT NOT NULL,
        symbols_json TEXT NOT NULL CHECK (json_valid(symbols_json)),
        metric_json TEXT NOT NULL CHECK (json_valid(metric_json)),
        note        TEXT,
        PRIMARY KEY (study_id, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE seeded_instruments (
        symbol        TEXT PRIMARY KEY NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
        metadata_json TEXT NOT NULL CHECK (json_valid(metadata_json))
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
