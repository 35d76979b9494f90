import type { BackupResult } from '../../../../shared/contract/data';
import { formatBytes } from '../../../../shared/format';

/**
 * The status-bar line after Data ▸ Back Up Now: which file was written and where it is, so
 * the user can find it (Data ▸ Open Data Folder shows the folder).
 */
export function backupDoneMessage(r: BackupResult): string {
  return `Backed up: backups/${r.file} in the data folder, ${formatBytes(r.bytes)}.`;
}

/** The status-bar line when the backup could not be written; the reason is main's typed message. */
export function backupFailedMessage(reason: string): string {
  return `Backup failed: ${reason}`;
}
