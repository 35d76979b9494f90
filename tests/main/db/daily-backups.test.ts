import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, startDailyBackups } from '../../../src/main/db/backup';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDir } from '../../helpers/temp-db';

const temp = useTempDir();

describe('daily backups while the app stays open', () => {
  it('backs up once a day through the open connection, not more often', async () => {
    const dbPath = temp.dbPath();
    const db = openDatabase(dbPath);
    let t = Date.parse('2026-11-28T08:00:00Z');
    const made: string[] = [];
    const stop = startDailyBackups(db, dbPath, {
      intervalMs: 20,
      now: () => new Date(t),
      onBackup: (b) => made.push(b.fileName),
    });
    try {
      await expect.poll(() => made.length).toBe(1);
      // Checks keep running; nothing is due within the day.
      t += 12 * 3600 * 1000;
      await new Promise((r) => setTimeout(r, 120));
      expect(made).toHaveLength(1);
      t += 12 * 3600 * 1000;
      await expect.poll(() => made.length).toBe(2);
      expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['daily', 'daily']);
    } finally {
      stop();
      db.close();
    }
  });

  it('reports a backup it cannot write and tries again at the next check', async () => {
    const dbPath = temp.dbPath();
    const db = openDatabase(dbPath);
    const errors: unknown[] = [];
    writeFileSync(join(temp.dir(), 'backups'), 'a file where the folder goes');
    const made: string[] = [];
    const stop = startDailyBackups(db, dbPath, {
      intervalMs: 20,
      onError: (e) => errors.push(e),
      onBackup: (b) => made.push(b.fileName),
    });
    try {
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      rmSync(join(temp.dir(), 'backups'));
      await expect.poll(() => made.length).toBe(1);
    } finally {
      stop();
      db.close();
    }
  });
});
