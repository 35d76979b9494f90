import type { Migration } from './types';

/** Instruments and their daily bars: the price cache. */
export const migration001: Migration = {
  version: 1,
  name: 'market-cache',
  up(db) {
    db.exec(`
      CREATE TABLE instruments (
        symbol          TEXT PRIMARY KEY NOT NULL,
        name            TEXT,
        exchange        TEXT,
        currency        TEXT,
        timezone        TEXT NOT NULL DEFAULT 'UTC',
        kind            TEXT NOT NULL DEFAULT 'equity' CHECK (kind IN ('equity', 'index', 'fund')),
        close_only      INTEGER NOT NULL DEFAULT 0 CHECK (close_only IN (0, 1)),
        provenance      TEXT,
        adjustment_note TEXT,
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TABLE bars (
        symbol      TEXT NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
        date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        open        REAL,
        high        REAL,
        low         REAL,
        close       REAL NOT NULL,
        adj_close   REAL,
        volume      INTEGER,
        placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)),
        PRIMARY KEY (symbol, date)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
