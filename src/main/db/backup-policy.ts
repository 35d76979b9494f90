/**
 * How many backups are kept (see `backup.ts`), in a module of their own so `catalyst --help`
 * can name them without loading SQLite.
 */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_MANUAL = 5;
export const KEEP_PRE_MIGRATION = 3;
