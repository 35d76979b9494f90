import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_STUDY_ID } from '../../../src/shared/contract/study';
import { openCore } from '../../../src/main/app/create-core';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

describe('openCore (the app start-up: the core, then the embedded study seeded in slices)', () => {
  it('resolves with the study seeded and the event loop turning meanwhile; once seeded, it seeds nothing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const core = await openCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true });
    clearInterval(timer);
    try {
      expect(core.services.study.listStudies().map((s) => s.id)).toContain(EMBEDDED_STUDY_ID);
      expect(core.services.seed.takeFirstLaunchReport()).toMatchObject({ study: 'inserted', changed: true });
      // Timers ran between the slices: the seed did not hold the thread from start to end.
      expect(ticks).toBeGreaterThan(1);
    } finally {
      await core.close();
    }
    const again = await openCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true });
    expect(again.services.seed.takeFirstLaunchReport()).toBeNull();
    await again.close();
  });

  it('rejects when the shipped files cannot be read, and closes the database it opened', async () => {
    const empty = join(tmp.dir(), 'no-resources');
    mkdirSync(empty);
    const dbPath = tmp.dbPath();
    await expect(
      openCore({ dbPath, seedOnOpen: true, resourcesDir: empty, isTrustedSender: () => true }),
    ).rejects.toThrow();
    // Nothing was seeded, and the file is free for another connection.
    const db = new BetterSqlite3(dbPath, { timeout: 0 });
    db.exec('BEGIN IMMEDIATE; COMMIT');
    expect(db.prepare('SELECT count(*) FROM studies').pluck().get()).toBe(0);
    db.close();
  });
});
