import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalystError } from '../../../src/shared/contract/errors';
import { migrate } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations/index';
import type { Migration } from '../../../src/main/db/migrations/types';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

describe('migrations', () => {
  it('brings an empty database to the newest version with WAL, FULL sync and foreign keys', () => {
    const db = openDatabase(tmp.dbPath());
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['instruments', 'bars']));
    db.close();
  });

  it('migrates an existing version-1 database forward and keeps its data', () => {
    const path = tmp.dbPath();
    const raw = new BetterSqlite3(path);
    migrate(raw, migrations.slice(0, 1));
    raw.prepare("INSERT INTO instruments (symbol) VALUES ('BIDU')").run();
    raw.prepare("INSERT INTO bars (symbol, date, close) VALUES ('BIDU', '2025-01-02', 85.5)").run();
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT symbol, date, close FROM bars').all()).toEqual([
      { symbol: 'BIDU', date: '2025-01-02', close: 85.5 },
    ]);
    db.close();
  });

  it('is a no-op on an up-to-date database', () => {
    const db = openDatabase(tmp.dbPath());
    expect(migrate(db, migrations)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = tmp.dbPath();
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    const before = readFileSync(path);
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalystError);
    expect((error as CatalystError).code).toBe('unsupported-database');
    expect((error as CatalystError).message).toMatch(/newer version of Catalyst/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rolls a failing migration back completely, version included', () => {
    const path = tmp.dbPath();
    const db = new BetterSqlite3(path);
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x TEXT)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a migration list with gaps', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });
});
