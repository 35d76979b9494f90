/**
 * Every table of the schema, sorted into the user's own data and what can be rebuilt. The
 * recovery of a damaged database (src/main/db/recovery.ts) salvages exactly
 * {@link USER_DATA_TABLES}; tests/main/db/user-tables.test.ts fails when a migration adds a
 * table that is in neither list, so a new kind of user data cannot be forgotten by salvage.
 */

/**
 * Tables holding what the user made or chose, parents before children (a row is copied after
 * the row it references): their instruments, studies with their events and claims, hidden
 * events, per-study settings, sync settings, watchlists, and the app's own state (settings,
 * workspace, recent files).
 */
export const USER_DATA_TABLES = [
  'instruments',
  'studies',
  'study_instruments',
  'study_settings',
  'events',
  'event_symbols',
  'hidden_events',
  'claims',
  'seeded_instruments',
  'sync_settings',
  'watchlists',
  'watchlist_items',
  'app_state',
] as const;

/** A table of {@link USER_DATA_TABLES}. */
export type UserDataTable = (typeof USER_DATA_TABLES)[number];

/**
 * Tables recovery leaves empty, and why that loses nothing: each is downloaded again by the
 * next price update or derived from what is.
 */
export const REBUILDABLE_TABLES: Readonly<Record<string, string>> = {
  bars: 'daily prices: downloaded again by the next update (an imported CSV can be imported again)',
  bar_summary: 'first and last bar per symbol: derived from bars',
  sync_coverage: 'which date ranges of bars are cached: refilled with the bars',
  provider_events: 'dividends and splits as a provider reported them: fetched again with the prices',
};
