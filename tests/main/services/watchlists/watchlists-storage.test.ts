import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrate';
import { migrations } from '../../../../src/main/db/migrations/index';
import { openDatabase } from '../../../../src/main/db/open';
import { openImportEvent, readImportFile } from '../../../../src/main/services/watchlists/read-import-file';
import { useTempDir } from '../../../helpers/temp-db';
import { fixtureBytes, FIXTURES } from '../../../shared/domain/watchlist/fixture-helpers';

const tmp = useTempDir();

describe('migration 004-watchlists', () => {
  it('is version 4 and upgrades a version-3 database without touching its data', () => {
    const path = tmp.dbPath();
    const raw = new BetterSqlite3(path);
    migrate(raw, migrations.slice(0, 3));
    raw.prepare("INSERT INTO instruments (symbol) VALUES ('9988.HK')").run();
    raw.close();
    const db = openDatabase(path);
    try {
      expect(migrations[3]).toMatchObject({ version: 4, name: 'watchlists' });
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
      expect(db.prepare('SELECT symbol FROM instruments').all()).toEqual([{ symbol: '9988.HK' }]);
    } finally {
      db.close();
    }
  });

  it('enforces the invariants the service relies on', () => {
    const db = openDatabase(tmp.dbPath());
    try {
      const now = '2025-03-08T00:00:00.000Z';
      const insertList = db.prepare(
        'INSERT INTO watchlists (name, name_key, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)',
      );
      const a = Number(insertList.run('HK', 'hk', now, now, null).lastInsertRowid);
      // One live list per name key; a deleted one does not block the name.
      expect(() => insertList.run('hk', 'hk', now, now, null)).toThrow(/UNIQUE/);
      insertList.run('hk', 'hk', now, now, now);
      expect(() => insertList.run(' padded', ' padded', now, now, null)).toThrow(/CHECK/);
      expect(() => insertList.run('', '', now, now, null)).toThrow(/CHECK/);

      const item = db.prepare(
        'INSERT INTO watchlist_items (watchlist_id, position, kind, symbol, label, note, exchange) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      item.run(a, 0, 'section', null, 'Indices', null, null);
      item.run(a, 1, 'item', '^HSI', null, 'note', 'TVC');
      expect(() => item.run(a, 2, 'item', '^HSI', null, null, null)).toThrow(/UNIQUE/);
      expect(() => item.run(a, 2, 'item', null, 'x', null, null)).toThrow(/CHECK/);
      expect(() => item.run(a, 2, 'section', null, 'S', 'a note', null)).toThrow(/CHECK/);
      expect(() => item.run(a, 2, 'other', 'X', null, null, null)).toThrow(/CHECK/);
      expect(() => item.run(999, 0, 'item', 'X', null, null, null)).toThrow(/FOREIGN KEY/);
      db.prepare('DELETE FROM watchlists WHERE id = ?').run(a);
      expect(db.prepare('SELECT count(*) AS n FROM watchlist_items').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('reading a file to import (CLI and the native menu)', () => {
  it('reads the bytes as they are on disk', () => {
    const f = readImportFile(join(FIXTURES, 'excel-unicode-text-utf16le.txt'));
    expect(f.fileName).toBe('excel-unicode-text-utf16le.txt');
    expect(Buffer.from(f.bytes)).toEqual(Buffer.from(fixtureBytes('excel-unicode-text-utf16le.txt')));
  });

  it('turns a chosen file into the push event that opens the preview, or into an error', () => {
    expect(openImportEvent(join(FIXTURES, 'tradingview-china-tech.txt'))).toEqual({
      fileName: 'tradingview-china-tech.txt',
      bytesBase64: Buffer.from(fixtureBytes('tradingview-china-tech.txt')).toString('base64'),
    });
    const big = join(tmp.dir(), 'big.csv');
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x41));
    expect(openImportEvent(big)).toEqual({
      fileName: 'big.csv',
      error:
        'Cannot import big.csv: the file is 1048577 bytes (1 MiB); the limit is 1048576 bytes (1 MiB). Nothing was imported.',
    });
    expect(openImportEvent(join(tmp.dir(), 'missing.txt'))).toEqual({
      fileName: 'missing.txt',
      error: 'Cannot read missing.txt: ENOENT',
    });
    expect(openImportEvent(tmp.dir())).toMatchObject({ error: expect.stringMatching(/not a file/) });
  });
});
