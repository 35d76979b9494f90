import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/app/create-core';
import { describeRecovery, describeStartupFailure } from '../../../src/main/shell/startup-error';
import { useTempDir } from '../../helpers/temp-db';

describe('describeStartupFailure', () => {
  const tmp = useTempDir();

  it('explains a database from a newer Catalyst, and leaves the file as it was', () => {
    const path = tmp.dbPath();
    const future = new BetterSqlite3(path);
    future.pragma('user_version = 999');
    future.exec('CREATE TABLE kept (x)');
    future.close();

    let thrown: unknown;
    try {
      createCore({ dbPath: path }).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'unsupported-database' });
    const failure = describeStartupFailure(thrown, path);
    expect(failure.message).toBe('This database was created by a newer version of Catalyst.');
    expect(failure.detail).toContain(path);

    const after = new BetterSqlite3(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['kept']);
    after.close();
  });

  it('reports any other failure with its reason and the file', () => {
    const failure = describeStartupFailure(
      new Error('SQLITE_CANTOPEN: unable to open database file'),
      '/ro/catalyst.db',
    );
    expect(failure.title).toBe('Catalyst cannot start');
    expect(failure.detail).toContain('SQLITE_CANTOPEN');
    expect(failure.detail).toContain('/ro/catalyst.db');
  });
});

describe('describeRecovery', () => {
  it('says nothing when the database was sound, and in plain words what happened otherwise', () => {
    expect(describeRecovery({ kind: 'ok' }, '/u/catalyst.db')).toBeNull();
    const d = describeRecovery(
      {
        kind: 'restored',
        problem: 'the file is damaged',
        movedTo: 'catalyst.db.damaged-20260101000000',
        backup: 'catalyst-20251231-080000-daily.db',
        backupTakenAt: '2025-12-31T08:00:00.000Z',
        message: 'Catalyst found a problem with its database: the file is damaged. …',
      },
      '/u/catalyst.db',
    );
    expect(d?.message).toBe('Your data was restored from a backup.');
    expect(d?.detail).toMatch(/kept as catalyst\.db\.damaged-20260101000000 in \/u/);
  });
});
