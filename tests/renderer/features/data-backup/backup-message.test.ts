import { describe, expect, it } from 'vitest';
import {
  backupDoneMessage,
  backupFailedMessage,
} from '../../../../src/renderer/src/features/data-backup/backup-message';

describe('Back Up Now status messages', () => {
  it('names the file under backups/ in the data folder, with its size', () => {
    expect(
      backupDoneMessage({
        file: 'catalyst-20261128-101500-manual.db',
        takenAt: '2026-11-28T10:15:00.000Z',
        bytes: 2_097_152,
      }),
    ).toBe('Backed up: backups/catalyst-20261128-101500-manual.db in the data folder, 2097152 bytes (2 MiB).');
  });
  it("passes main's reason through", () => {
    expect(backupFailedMessage('The disk is full.')).toBe('Backup failed: The disk is full.');
  });
});
