import { z } from 'zod';
import { channel, returns } from './define';

/** A backup the app made (file name only: the folder is `backups/` next to the database). */
export interface BackupResult {
  readonly file: string;
  /** ISO UTC. */
  readonly takenAt: string;
  readonly bytes: number;
}

/** Channels of the data file itself (backups), for the app's Data menu. */
export const dataChannels = {
  'data.backup': channel({
    doc: "Backs up the database now with SQLite's online backup API (safe during a sync) into backups/ next to it; old backups are pruned (7 daily, 4 weekly, 5 manual kept). Unavailable when the disk is full or the folder is not writable.",
    input: z.undefined(),
    output: returns<BackupResult>(),
  }),
} as const;
