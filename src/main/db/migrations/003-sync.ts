import type { Migration } from './types';

/**
 * Price synchronisation.
 * - `sync_coverage`: per symbol and provider, the one contiguous range of exchange-local dates
 *   whose bars are all stored. It only ever grows, and only in the same transaction as the bars
 *   of the range it adds, so a crash can never leave a range recorded whose bars are missing.
 * - `provider_events`: dividends and splits as the provider reported them (kept apart from the
 *   user's and the studies' events: they are data, not annotations).
 * - `sync_settings`: provider order, base URLs, update-on-launch (JSON values). API keys are
 *   never stored here: the shell keeps them encrypted with the OS keychain.
 */
export const migration003: Migration = {
  version: 3,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_coverage (
        symbol     TEXT NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
        provider   TEXT NOT NULL CHECK (provider IN ('yahoo', 'tiingo', 'twelvedata')),
        from_date  TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        to_date    TEXT NOT NULL CHECK (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        fetched_at TEXT NOT NULL,
        CHECK (from_date <= to_date),
        PRIMARY KEY (symbol, provider)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE provider_events (
        symbol      TEXT NOT NULL REFERENCES instruments(symbol) ON DELETE CASCADE,
        provider    TEXT NOT NULL CHECK (provider IN ('yahoo', 'tiingo', 'twelvedata')),
        date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind        TEXT NOT NULL CHECK (kind IN ('dividend', 'split')),
        amount      REAL,
        numerator   REAL,
        denominator REAL,
        CHECK ((kind = 'dividend' AND amount > 0 AND numerator IS NULL AND denominator IS NULL)
            OR (kind = 'split' AND amount IS NULL AND numerator > 0 AND denominator > 0)),
        PRIMARY KEY (symbol, provider, kind, date)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
