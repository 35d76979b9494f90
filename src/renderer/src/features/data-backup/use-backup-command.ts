import { useRef } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useCommand } from '../../app/commands-context';
import { backupDoneMessage, backupFailedMessage } from './backup-message';

let running: Promise<string> | null = null;

/**
 * Backs up the database now: asks main for a backup (`data.backup`, SQLite's online backup, safe
 * during a sync) and resolves to the line for the user (the file, or why it failed). One at a
 * time: a call while one runs gets that run's answer. Data ▸ Back Up Now and Settings ▸ Back up
 * now both call it.
 */
export function backUpNow(): Promise<string> {
  running ??= api.data
    .backup()
    .then(backupDoneMessage, (e: unknown) => backupFailedMessage(describeError(e)))
    .finally(() => {
      running = null;
    });
  return running;
}

/**
 * Carries out Data ▸ Back Up Now (the `data.backup` app command) and reports the file or the
 * reason in the status bar. A second command while one runs is ignored, not queued.
 */
export function useBackupCommand(setStatus: (message: string) => void): void {
  const busy = useRef(false);
  useCommand('data.backup', () => {
    if (busy.current) return;
    busy.current = true;
    setStatus('Backing up the database…');
    void backUpNow()
      .then(setStatus)
      .finally(() => {
        busy.current = false;
      });
  });
}
