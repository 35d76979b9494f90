/**
 * The price cache: writing bars through the repository against raw better-sqlite3, the calls
 * the app makes at start-up and after a sync with a large cache, and a symbol's bars as the
 * renderer receives them (structured clone, the IPC's own copy) against a raw read.
 */
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { asTicker } from '../src/shared/brand';
import type { Bar } from '../src/shared/domain/bar';
import { createCore, type Core } from '../src/main/app/create-core';
import { openDatabase } from '../src/main/db/open';
import { BarsRepository } from '../src/main/db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../src/main/db/repositories/instruments-repository';
import {
  atLeast,
  atMost,
  compare,
  median,
  row,
  synthBars,
  tempDir,
  timeMs,
  type BenchContext,
  type BenchRow,
} from './lib';

export const name = 'Price cache: write, start-up calls, read for the renderer';

const toBar = (b: ReturnType<typeof synthBars>[number]): Bar => ({
  date: b.date as Bar['date'],
  open: b.open,
  high: b.high,
  low: b.low,
  close: b.close,
  adjClose: b.adjClose,
  volume: b.volume,
  placeholder: false,
});

function symbolsOf(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `S${String(i).padStart(4, '0')}`);
}

/** Writes every symbol's bars through the repositories, in one transaction like a batch of the app. */
function writeThroughRepository(db: Database, data: ReadonlyMap<string, Bar[]>): void {
  const instruments = new InstrumentsRepository(db);
  const bars = new BarsRepository(db);
  db.transaction(() => {
    for (const [s, rows] of data) {
      instruments.insertIfMissing(bareInstrument(asTicker(s)));
      bars.upsertBatch(asTicker(s), rows);
    }
  })();
}

/** The baseline: one prepared positional INSERT, one transaction. */
function writeRaw(db: Database, data: ReadonlyMap<string, Bar[]>): void {
  const ins = db.prepare('INSERT INTO instruments (symbol) VALUES (?)');
  const stmt = db.prepare(
    'INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const [s, rows] of data) {
      ins.run(s);
      for (const b of rows) stmt.run(s, b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume, 0);
    }
  })();
}

function writeOnce(data: ReadonlyMap<string, Bar[]>, how: (db: Database, d: ReadonlyMap<string, Bar[]>) => void) {
  const t = tempDir();
  const db = openDatabase(join(t.dir, 'w.db'));
  try {
    return timeMs(() => how(db, data));
  } finally {
    db.close();
    t.remove();
  }
}

function timeCall(reps: number, fn: () => unknown): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < Math.max(5, reps * 3); i++) xs.push(timeMs(() => fn()));
  return median(xs);
}

const TRUSTED = { url: 'app://bench/' };

async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const env = (await core.router.dispatch(channel, input, TRUSTED)) as {
    ok: boolean;
    value?: unknown;
    error?: unknown;
  };
  if (!env.ok) throw new Error(`${channel}: ${JSON.stringify(env.error)}`);
  return env.value;
}

async function timeDispatch(core: Core, reps: number, channel: string, input: unknown): Promise<number> {
  await call(core, channel, input);
  const xs: number[] = [];
  for (let i = 0; i < Math.max(5, reps * 3); i++) {
    const t = performance.now();
    await call(core, channel, input);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const symbols = ctx.quick ? 10 : 200;
  const perSymbol = ctx.quick ? 500 : 5000;
  const total = symbols * perSymbol;
  const data = new Map(symbolsOf(symbols).map((s, i) => [s, synthBars(perSymbol, i + 1).map(toBar)]));
  const rows: BenchRow[] = [];

  // 1. Write throughput.
  const w = await compare(
    ctx.quick ? 1 : 3,
    () => total / (writeOnce(data, writeThroughRepository) / 1000),
    () => total / (writeOnce(data, writeRaw) / 1000),
  );
  rows.push(
    row(
      `write ${total} bars (${symbols} symbols) through the repository`,
      'bars/s',
      w.measured,
      w.baseline,
      atLeast(0.9),
    ),
  );

  // 2. Start-up calls on a large cache, through the router as the renderer makes them.
  const t = tempDir();
  try {
    const dbPath = join(t.dir, 'big.db');
    const seedDb = openDatabase(dbPath);
    writeThroughRepository(seedDb, data);
    seedDb.close();
    const core = createCore({ dbPath, seedOnOpen: true, isTrustedSender: () => true });
    try {
      const plain = core.db.prepare('SELECT * FROM instruments ORDER BY symbol');
      const base = timeCall(ctx.reps, () => plain.all());
      const studies = (await call(core, 'studies.list', undefined)) as Array<{ id: string }>;
      const watchlist = (await call(core, 'watchlists.create', { name: 'Bench' })) as { id: string };
      for (const s of symbolsOf(Math.min(symbols, 50)))
        await call(core, 'watchlists.addItem', { id: watchlist.id, symbol: s }).catch(() => undefined);
      const startup: Array<[string, unknown]> = [
        ['instruments.list', undefined],
        ['studies.list', undefined],
        ['studies.get', { id: studies[0]?.id }],
        ['watchlists.list', undefined],
        ['watchlists.get', { id: watchlist.id }],
        ['sync.status', undefined],
        ['settings.getSync', undefined],
      ];
      for (const [channel, input] of startup) {
        let ms: number;
        try {
          ms = await timeDispatch(core, ctx.reps, channel, input);
        } catch (e) {
          process.stderr.write(`  ${channel} skipped: ${(e as Error).message}\n`);
          continue;
        }
        rows.push(row(`${channel} with ${total} bars cached`, 'ms', ms, base, atMost(5, 'measured')));
      }

      // 3. One symbol's bars as the renderer receives them (structured clone = the IPC copy).
      const symbol = asTicker(symbolsOf(1)[0]!);
      // What the bars.range handler answers (the channel's value, before the IPC's clone).
      const full = core.services.market.getBarColumns(symbol);
      const rawAll = core.db.prepare(
        'SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date',
      );
      rawAll.raw(true);
      const rawRows = rawAll.all(symbol, '0000-01-01', '9999-12-31');
      rows.push(
        row(
          `bars.range of ${perSymbol} sessions: bytes across the bridge`,
          'bytes',
          serialize(full).length,
          serialize(rawRows).length,
        ),
      );
      const n = Math.min(2500, perSymbol);
      const from = (rawRows[perSymbol - n] as unknown[])[0] as Bar['date'];
      // Each side's figure is the median of 12 calls (a read takes 1-2 ms: one GC pause in 5 calls moved it by 30 %).
      const r = await compare(
        ctx.reps,
        () => 1000 / timeCall(4, () => structuredClone(core.services.market.getBarColumns(symbol, from))),
        () => 1000 / timeCall(4, () => rawAll.all(symbol, from, '9999-12-31')),
      );
      rows.push(row(`read ${n} bars as the renderer receives them`, 'reads/s', r.measured, r.baseline, atLeast(0.7)));
    } finally {
      await core.close();
    }
  } finally {
    t.remove();
  }
  return rows;
}
