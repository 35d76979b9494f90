import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupDirOf, listBackups } from '../../../src/main/db/backup';
import { createCore } from '../../../src/main/app/create-core';
import { prepareDatabase } from '../../../src/main/db/recovery';
import { EMBEDDED_STUDY_ID } from '../../../src/shared/contract/study';
import { useTempDir } from '../../helpers/temp-db';

/*
 * SIGKILL at random points while Catalyst writes: watchlist imports, bars imports, and
 * backups taken while lists are imported (the sync itself is killed 12 times in
 * tests/main/sync/durability.test.ts). After every kill: the file passes integrity_check,
 * every write the child acknowledged is there in full, no write is there in part, every
 * complete backup is a sound database, and the next run starts (with the start-up check)
 * and writes. Cycles per kind: CATALYST_KILL_CYCLES (default 17, so 51 here + 12 sync).
 */
const CYCLES = Number(process.env.CATALYST_KILL_CYCLES ?? 17);
const ROWS = 60;
const CHILD = fileURLToPath(new URL('./support/crash-child.ts', import.meta.url));
// Bundled once (esbuild) so each of the many child starts is plain Node, not a TypeScript load;
// inside the checkout so `better-sqlite3` resolves from node_modules.
const BUNDLE = fileURLToPath(new URL('../../../node_modules/.cache/catalyst-tests/crash-child.mjs', import.meta.url));
const temp = useTempDir();

beforeAll(async () => {
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: BUNDLE,
    packages: 'external',
    logLevel: 'silent',
  });
}, 60_000);

/** mulberry32: a seeded schedule, so a failing kill can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the child until `ok` lines appear, then kills it after a random delay; returns the acknowledged indexes. */
function runAndKill(mode: string, dbPath: string, start: number, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, mode, dbPath], {
      env: { ...process.env, CRASH_START: String(start) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const m = /^ok (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
        // Kill at a random point after the first write started (sometimes before any commit).
        if (!armed && (line === 'ready' || m)) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code}): ${stderr.slice(0, 500)}`));
      else resolve(acked);
    });
  });
}

function check(mode: string, dbPath: string, acked: ReadonlySet<number>): { present: Set<number> } {
  const db = new BetterSqlite3(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const present = new Set<number>();
    if (mode === 'bars') {
      const rows = db
        .prepare("SELECT symbol, count(*) AS n FROM bars WHERE symbol LIKE 'B%' GROUP BY symbol")
        .all() as Array<{ symbol: string; n: number }>;
      for (const r of rows) {
        expect(r.n, `bars of ${r.symbol}`).toBe(ROWS * 5);
        present.add(Number(r.symbol.slice(1)));
      }
    } else if (mode === 'study') {
      // Each copy of the embedded study whole (all its events and claims) or absent.
      const count = (table: string, id: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE study_id = ?`).get(id) as { n: number }).n;
      const events = count('events', EMBEDDED_STUDY_ID);
      const claims = count('claims', EMBEDDED_STUDY_ID);
      expect(events).toBeGreaterThan(0);
      const ids = db.prepare("SELECT id FROM studies WHERE id LIKE 'crash-%'").pluck().all() as string[];
      for (const id of ids) {
        expect(count('events', id), `events of ${id}`).toBe(events);
        expect(count('claims', id), `claims of ${id}`).toBe(claims);
        present.add(Number(id.slice('crash-'.length)));
      }
    } else {
      const rows = db
        .prepare(
          "SELECT w.name AS name, (SELECT count(*) FROM watchlist_items i WHERE i.watchlist_id = w.id) AS n FROM watchlists w WHERE w.name LIKE 'L%'",
        )
        .all() as Array<{ name: string; n: number }>;
      for (const r of rows) {
        expect(r.n, `items of ${r.name}`).toBe(ROWS);
        present.add(Number(r.name.slice(1)));
      }
    }
    for (const i of acked) expect(present.has(i), `acknowledged write ${i} lost`).toBe(true);
    return { present };
  } finally {
    db.close();
  }
}

describe('SIGKILL while writing', () => {
  it.each(['watchlist', 'bars', 'backup', 'study'])(
    '%s: integrity ok, no acknowledged write lost, none in part, the next run completes',
    async (mode) => {
      const dbPath = temp.dbPath();
      const rnd = seeded(mode.length * 7919 + CYCLES);
      const acked = new Set<number>();
      let next = 0;
      let kills = 0;
      for (let c = 0; c < CYCLES; c++) {
        const got = await runAndKill(mode, dbPath, next, Math.floor(rnd() * 120));
        kills++;
        for (const i of got) acked.add(i);
        const { present } = check(mode, dbPath, acked);
        // The write in flight may have committed without its acknowledgement: whole, never half.
        next = Math.max(next, ...present, ...acked) + 1;
        if (mode === 'backup') {
          for (const b of listBackups(dbPath)) {
            const copy = new BetterSqlite3(b.path, { readonly: true });
            expect(copy.pragma('integrity_check', { simple: true }), b.fileName).toBe('ok');
            copy.close();
          }
        }
      }
      expect(kills).toBe(CYCLES);
      expect(acked.size).toBeGreaterThan(0);
      // The next run: the start-up check passes (nothing to recover) and a write completes.
      const { check: startup } = await prepareDatabase(dbPath);
      expect(startup).toEqual({ kind: 'ok' });
      const core = createCore({ dbPath });
      core.services.watchlists.create('After the crashes');
      await core.close();
      if (mode === 'backup') {
        // A backup cut short by a kill stays a `.partial` file: never listed, never restored.
        const partial = readdirSync(backupDirOf(dbPath)).filter((f) => f.endsWith('.partial'));
        expect(listBackups(dbPath).some((b) => partial.some((p) => p.startsWith(b.fileName + '.')))).toBe(false);
      }
    },
    240_000,
  );
});
