import { useRef } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useCommand } from '../../app/commands-context';
import { backupDoneMessage, backupFailedMessage } from './backup-message';

/**
 * Carries out Data ▸ Back Up Now (the `data.backup` app command): asks main for a backup
 * (`data.backup`, SQLite's online backup, safe during a sync) and reports the file or the
 * reason in the status bar. A second command while one runs is ignored, not queued.
 */
export function useBackupCommand(setStatus: (message: string) => void): void {
  const running = useRef(false);
  useCommand('data.backup', () => {
    if (running.current) return;
    running.current = true;
    setStatus('Backing up the database…');
    api.data
      .backup()
      .then(
        (r) => setStatus(backupDoneMessage(r)),
        (e: unknown) => setStatus(backupFailedMessage(describeError(e))),
      )
      .finally(() => {
        running.current = false;
      });
  });
}
