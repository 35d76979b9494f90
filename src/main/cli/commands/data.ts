import { join } from 'node:path';
import { backupDirOf, createBackup, listBackups } from '../../db/backup';
import { checkAndRecover } from '../../db/recovery';
import type { Command } from '../command';
import { backupSpec, recoverSpec } from './specs';

/**
 * `catalyst backup [--list]`: a manual backup of the database with SQLite's online backup API
 * (safe while the app or a sync writes), into `backups/` next to the database; `--list` lists
 * the backups instead. JSON: `{"file","takenAt","bytes","reason"}` (file name only), or an array.
 */
export const backupCommand: Command = {
  ...backupSpec,
  async run(ctx) {
    if (ctx.flags.list) {
      const list = listBackups(ctx.dbPath).map((b) => ({
        file: b.fileName,
        takenAt: b.takenAt,
        bytes: b.bytes,
        reason: b.reason,
      }));
      ctx.print(list, () =>
        list.length
          ? [`Backups in ${backupDirOf(ctx.dbPath)}:`, ...list.map((b) => `  ${b.file}  ${b.bytes} bytes`)].join('\n')
          : 'No backups yet.',
      );
      return 0;
    }
    const b = await createBackup(ctx.core().db, ctx.dbPath, 'manual');
    ctx.print(
      { file: b.fileName, takenAt: b.takenAt, bytes: b.bytes, reason: b.reason },
      () => `Backed up to ${join(backupDirOf(ctx.dbPath), b.fileName)} (${b.bytes} bytes).`,
    );
    return 0;
  },
};

/**
 * `catalyst recover`: SQLite's full integrity check; a damaged database is moved aside and the
 * newest good backup restored, or, with none, the user's data salvaged into a fresh database.
 * JSON: `{"kind":"ok"}` or `{"kind":"restored"|"salvaged","problem","movedTo","message",…}`.
 */
export const recoverCommand: Command = {
  ...recoverSpec,
  async run(ctx) {
    const check = checkAndRecover(ctx.dbPath, { full: true });
    ctx.print(check, () =>
      check.kind === 'ok' ? 'The database passed SQLite’s integrity check; nothing to recover.' : check.message,
    );
    return 0;
  },
};
