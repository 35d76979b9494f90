import { dirname } from 'node:path';
import { CatalystError } from '../../shared/contract/errors';
import type { DatabaseCheck } from '../db/recovery';

/** What the start-up error dialog says. */
export interface StartupFailure {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
}

/**
 * Turns an error thrown while opening the database into the dialog shown before quitting.
 * A database written by a newer Catalyst is refused (never downgraded or overwritten), and
 * the user is told which file it is so they can update the app or move the file away.
 */
export function describeStartupFailure(error: unknown, dbPath: string): StartupFailure {
  if (error instanceof CatalystError && error.code === 'unsupported-database') {
    return {
      title: 'Catalyst cannot open its database',
      message: 'This database was created by a newer version of Catalyst.',
      detail: `${error.message}\n\nFile: ${dbPath}\n\nInstall the newer version of Catalyst, or move this file away to start with an empty database. Catalyst has not changed it.`,
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: 'Catalyst cannot start',
    message: 'Catalyst could not open its database.',
    detail: `${reason}\n\nFile: ${dbPath}`,
  };
}

/**
 * What the dialog after a start-up recovery says (the database was damaged, moved aside, and
 * restored from a backup or salvaged). Null when there is nothing to tell.
 */
export function describeRecovery(check: DatabaseCheck, dbPath: string): StartupFailure | null {
  if (check.kind === 'ok') return null;
  return {
    title: 'Catalyst repaired its database',
    message:
      check.kind === 'restored'
        ? 'Your data was restored from a backup.'
        : 'Your data was recovered into a new database.',
    detail: `${check.message}\n\nThe damaged file is kept as ${check.movedTo} in ${dirname(dbPath)}.`,
  };
}
