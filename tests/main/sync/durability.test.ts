import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider, type FakeProvider } from './support/fake-provider';
import { expectedBars, storedBars } from './support/harness';
import { loadSeries } from './support/series';

/*
 * "A crash loses at most the batch in flight and never leaves a partial range recorded":
 * a child process syncs 48 symbols (about 18 000 sessions, 10 per batch) through the real
 * worker and is SIGKILLed at seeded-random points, many times. After each kill the file
 * must pass integrity_check and every recorded range must hold exactly the provider's bars;
 * a final run must complete the range, asking only for what is missing.
 */
const temp = useTempDir();
const CHILD = fileURLToPath(new URL('./support/sync-child.ts', import.meta.url));
const FROM = '2024-01-01';
const TO = '2025-12-31';
const KILLS = 12;
const series = loadSeries(48);
const symbols = series.map((s) => s.symbol);
let fp: FakeProvider;

beforeAll(async () => {
  fp = await startFakeProvider({ series, latencyMs: 40 });
});
afterAll(async () => {
  await fp?.close();
});

/** mulberry32: a small seeded generator, so a failing kill schedule can be replayed. */
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

function startChild(dbPath: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, fp.url, symbols.join(','), FROM, TO], {
    env: {
      ...process.env,
      CATALYST_SYNC_BATCH_SIZE: '10',
      CATALYST_SYNC_CONCURRENCY: '1',
      CATALYST_SYNC_SPACING_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

const exited = (c: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    c.once('exit', (code, signal) => r({ code, signal })),
  );

/** The invariant after any crash: a sound file, and every recorded range complete and exact. */
function check(dbPath: string): { ranges: number; bars: number } {
  const db = new BetterSqlite3(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const ranges = db
      .prepare<[], { symbol: string; from_date: string; to_date: string }>(
        'SELECT symbol, from_date, to_date FROM sync_coverage',
      )
      .all();
    let bars = 0;
    for (const s of series) {
      const r = ranges.find((x) => x.symbol === s.symbol);
      const held = storedBars(db, s.symbol);
      bars += held.length;
      if (!r) {
        // Bars are only ever committed with their range.
        expect(held).toEqual([]);
        continue;
      }
      expect(r.from_date).toBe(FROM);
      expect(held).toEqual(expectedBars(s, r.from_date, r.to_date));
    }
    return { ranges: ranges.length, bars };
  } finally {
    db.close();
  }
}

describe('durability under SIGKILL', () => {
  it('keeps a sound file and exact committed ranges through random kills, and a resumed sync completes', async () => {
    const dbPath = temp.dbPath();
    openDatabase(dbPath).close();
    const random = seeded(20251124);
    const progress: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const child = startChild(dbPath);
      const exit = exited(child);
      // Wait until this child has committed its first batch, then kill it somewhere in the
      // next 150 ms: mid-request, mid-parse or mid-transaction.
      const reader = new BetterSqlite3(dbPath, { readonly: true });
      const count = () => (reader.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
      const before = count();
      const deadline = performance.now() + 20_000;
      while (count() === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      reader.close();
      await new Promise((r) => setTimeout(r, random() * 150));
      child.kill('SIGKILL');
      const { signal } = await exit;
      const state = check(dbPath);
      progress.push(state.bars);
      expect(signal).toBe('SIGKILL');
      expect(state.bars).toBeLessThan(series.reduce((n, x) => n + x.bars.length, 0));
    }
    // Every round committed something before its kill, and none finished the range.
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1]!)).toBe(true);

    // Requests of the final run only (a killed child's last answer may still be counted late).
    const firstFinal = fp.requests.length;
    const child = startChild(dbPath);
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    const { code } = await exited(child);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ total: series.length, failed: 0 });
    const finalServed = fp.requests.slice(firstFinal).reduce((n, r) => n + r.sessions, 0);
    const total = series.reduce((n, s) => n + expectedBars(s, FROM, TO).length, 0);
    // Resumed: the last run fetched what was missing (plus small overlaps), not everything again.
    expect(finalServed).toBeLessThan(total - Math.max(...progress) + series.length * 10);
    const db = new BetterSqlite3(dbPath);
    expect(db.prepare('SELECT DISTINCT from_date, to_date FROM sync_coverage').all()).toEqual([
      { from_date: FROM, to_date: TO },
    ]);
    for (const s of series) expect(storedBars(db, s.symbol)).toEqual(expectedBars(s, FROM, TO));
    db.close();
    expect(check(dbPath).bars).toBe(total);
  }, 90_000);
});
