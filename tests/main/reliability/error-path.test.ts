import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { oneLine, toCliFailure, withoutAbsolutePaths } from '../../../src/main/cli/errors';
import { UsageError } from '../../../src/main/cli/command';
import { CatalystError } from '../../../src/shared/contract/errors';
import { jsonDepth, parseJsonBounded } from '../../../src/shared/json-bounded';
import { parseStudyFile } from '../../../src/shared/domain/study';
import { quoteInput } from '../../../src/shared/quote';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const temp = useTempDir();
const TRUSTED = { url: 'app://catalyst/index.html' };
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});
const open = () => (core = createCore({ dbPath: temp.dbPath(), isTrustedSender: () => true }));
const nested = (depth: number) =>
  `{"format":"catalyst-watchlist","version":1,"name":"x","entries":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;

describe('CLI error path: a typed code, one line, exit 1', () => {
  it('maps SQLite, file-system and unknown errors to codes without stacks', () => {
    const garbage = join(temp.dir(), 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 0x41));
    let sqliteError: unknown;
    try {
      new BetterSqlite3(garbage).pragma('user_version');
    } catch (e) {
      sqliteError = e;
    }
    expect(toCliFailure(sqliteError).code).toBe('damaged-database');
    expect(toCliFailure(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' })).code).toBe('unavailable');
    expect(toCliFailure(Object.assign(new Error('x'), { code: 'ENOENT', path: '/a/b.csv' }))).toEqual({
      code: 'not-found',
      message: 'no such file or folder: /a/b.csv',
    });
    expect(toCliFailure(new TypeError('boom at /home/u/x.ts:1'))).toEqual({
      code: 'internal',
      message: 'unexpected error; run again with --verbose for details',
    });
    expect(toCliFailure(new UsageError('missing FILE'), 'x FILE')).toEqual({
      code: 'invalid-input',
      message: 'missing FILE',
      usage: 'x FILE',
    });
    expect(toCliFailure(new CatalystError('conflict', 'two\nlines')).message).toBe('two lines');
    expect(oneLine('a'.repeat(2000))).toHaveLength(500);
    expect(
      withoutAbsolutePaths('Cannot read /home/me/data/list.txt: ENOENT (C:\\Users\\me\\x.csv) https://a.example/b/c'),
    ).toBe('Cannot read list.txt: ENOENT (x.csv) https://a.example/b/c');
  });

  it('a database from a newer Catalyst: exit 1, one JSON line, no path, stack only with --verbose', async () => {
    const path = temp.dbPath();
    const db = new BetterSqlite3(path);
    db.pragma('user_version = 999');
    db.close();
    const r = await runCli(['--db', path, '--json', 'watchlist', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    const err = JSON.parse(r.stderr).error;
    expect(err.code).toBe('unsupported-database');
    expect(r.stderr).not.toContain(temp.dir());
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const v = await runCli(['--db', path, '--verbose', 'watchlist', 'list']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^catalyst: This database was written by a newer version/);
    expect(v.stderr).toMatch(/\n\s+at /);
  });

  it('an unknown command is one line and exit 1', async () => {
    const r = await runCli(['frobnicate', 'x'.repeat(5000), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toBe('invalid-input');
    expect(r.stderr.length).toBeLessThan(300);
  });

  it('a folder given as the file to import: a typed error, exit 1', async () => {
    const dir = join(temp.dir(), 'folder.txt');
    mkdirSync(dir);
    const r = await runCli(['--db', temp.dbPath(), '--json', 'watchlist', 'import', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toMatch(/invalid-input|not-found/);
    expect(r.stderr).not.toContain(temp.dir());
  });
});

describe('IPC: bad input is invalid-input, never internal, and quoted short', () => {
  it('a deeply nested Catalyst JSON watchlist is refused before the work', async () => {
    const r = open().router;
    for (const channel of ['watchlists.preview', 'watchlists.import'] as const) {
      const input =
        channel === 'watchlists.preview'
          ? { file: { fileName: 'deep.json', text: nested(100_000) } }
          : { mode: 'new', file: { fileName: 'deep.json', text: nested(100_000) } };
      const e = await r.dispatch(channel, input, TRUSTED);
      expect(e).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!e.ok) expect(e.error.message).toMatch(/nested more than 64 levels/);
    }
    expect(jsonDepth(nested(3))).toBe(5);
    expect(parseJsonBounded('{"a":"[[[[[[["}', 2)).toEqual({ ok: true, value: { a: '[[[[[[[' } });
    expect(parseStudyFile(`{"a":${'['.repeat(1000)}${']'.repeat(1000)}}`)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/nested more than/)],
    });
  });

  it('a 5 MB symbol comes back as a short message', async () => {
    const r = open().router;
    const huge = 'A'.repeat(5 * 1024 * 1024);
    const e = await r.dispatch('instruments.get', { symbol: huge }, TRUSTED);
    expect(e).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!e.ok) expect(e.error.message.length).toBeLessThan(200);
    const p = await r.dispatch(
      'watchlists.preview',
      { file: { fileName: 'l.txt', text: `AAPL\n${'B'.repeat(900_000)}` } },
      TRUSTED,
    );
    expect(p.ok).toBe(true);
    if (p.ok) {
      const line = (p.value as { lines: Array<{ error: string | null }> }).lines[1]!;
      expect(line.error!.length).toBeLessThan(200);
    }
    expect(quoteInput('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…" (100 characters)`);
    expect(quoteInput('a\nb')).toBe('"a\\u000ab"');
  });
});

describe('watchlist round trip', () => {
  it('a list holding only sections exports to Catalyst JSON that imports', async () => {
    const r = open().router;
    const created = await r.dispatch('watchlists.create', { name: 'Only sections' }, TRUSTED);
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    await r.dispatch('watchlists.addSection', { id, label: 'Banks' }, TRUSTED);
    await r.dispatch('watchlists.addSection', { id, label: 'Tech' }, TRUSTED);
    const exported = await r.dispatch('watchlists.export', { id, format: 'json' }, TRUSTED);
    if (!exported.ok) throw new Error(exported.error.message);
    const { fileName, content: text } = exported.value as { fileName: string; content: string };
    await r.dispatch('watchlists.delete', { id }, TRUSTED);
    const imported = await r.dispatch('watchlists.import', { mode: 'new', file: { fileName, text } }, TRUSTED);
    expect(imported).toMatchObject({ ok: true, value: { watchlist: { name: 'Only sections', sectionCount: 2 } } });
    if (imported.ok) {
      const back = await r.dispatch(
        'watchlists.get',
        { id: (imported.value as { watchlist: { id: number } }).watchlist.id },
        TRUSTED,
      );
      expect(back.ok && (back.value as { entries: Array<{ label: string }> }).entries.map((e) => e.label)).toEqual([
        'Banks',
        'Tech',
      ]);
    }
  });
});
