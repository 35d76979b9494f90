import type { Database } from 'better-sqlite3';
import { CatalystError } from '../../../shared/contract/errors';
import type { dataChannels } from '../../../shared/contract/data';
import { createBackup } from '../../db/backup';
import type { FeatureHandlers } from './feature-handlers';

/** What the data channels need: the open database and its file. */
export interface DataHandlerDeps {
  readonly db: Database;
  readonly dbPath: string;
}

/** Channels of the data file: a backup on demand (the Data menu). */
export function dataHandlers(deps: DataHandlerDeps): FeatureHandlers<typeof dataChannels> {
  return {
    'data.backup': async () => {
      if (deps.dbPath === ':memory:') throw new CatalystError('unavailable', 'An in-memory database has no backups.');
      try {
        const b = await createBackup(deps.db, deps.dbPath, 'manual');
        return { file: b.fileName, takenAt: b.takenAt, bytes: b.bytes };
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        throw new CatalystError(
          'unavailable',
          `The backup could not be written${typeof code === 'string' ? ` (${code})` : ''}: check the free disk space and that the user-data folder is writable.`,
        );
      }
    },
  };
}
