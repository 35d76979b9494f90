import type { Migration } from './types';

/**
 * A per-symbol summary of its bars (count, first/last date, last two valid closes), so
 * `instruments.list` reads one row per instrument instead of scanning the bars: it runs at
 * start-up and after every sync. The bars repository refreshes a symbol's row in the same
 * transaction as every write to its bars (see `BarsRepository`); a symbol without bars has
 * no row. Filled here from the bars already cached.
 */
export const migration005: Migration = {
  version: 5,
  name: 'bar-summary',
  up(db) {
    db.exec(`
      CREATE TABLE bar_summary (
        symbol     TEXT PRIMARY KEY NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
        bar_count  INTEGER NOT NULL CHECK (bar_count > 0),
        first_date TEXT NOT NULL,
        last_date  TEXT NOT NULL,
        -- The last and the previous close of a non-placeholder session (null when there is none).
        last_close REAL,
        prev_close REAL
      ) STRICT, WITHOUT ROWID;

      INSERT INTO bar_summary (symbol, bar_count, first_date, last_date, last_close, prev_close)
      SELECT g.symbol, g.n, g.first_date, g.last_date,
        (SELECT close FROM bars b WHERE b.symbol = g.symbol AND placeholder = 0 ORDER BY date DESC LIMIT 1),
        (SELECT close FROM bars b WHERE b.symbol = g.symbol AND placeholder = 0 ORDER BY date DESC LIMIT 1 OFFSET 1)
      FROM (SELECT symbol, count(*) AS n, min(date) AS first_date, max(date) AS last_date FROM bars GROUP BY symbol) g;
    `);
  },
};
