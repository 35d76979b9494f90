/**
 * `catalyst sync` speed against a fake Yahoo answering after a fixed latency: the first sync
 * against the ideal for the provider's limits (requests × latency / concurrency), the re-sync
 * right after (nothing new since the exchange's last close: no request is needed), and the
 * engine's CPU per symbol against JSON.parse plus a raw insert of the same sessions.
 */
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { asTicker } from '../src/shared/brand';
import { openDatabase } from '../src/main/db/open';
import { runSync } from '../src/main/sync/engine';
import { defaultSyncLimits, type SyncRunRequest } from '../src/main/sync/protocol';
import { addDays, utcDate } from '../src/main/sync/zone-date';
import { atMost, compare, row, tempDir, timeMs, type BenchContext, type BenchRow } from './lib';

export const name = 'Sync: first run against the ideal, re-sync, engine CPU per symbol';

interface Server {
  readonly url: string;
  readonly sample: string;
  stats(): Promise<{ requests: number; maxInFlight: number }>;
  reset(): void;
  close(): Promise<void>;
}

async function startServer(sessions: number, latencyMs: number, symbols: readonly string[]): Promise<Server> {
  const w = new Worker(new URL('./fake-yahoo-server.mjs', import.meta.url), {
    workerData: { sessions, latencyMs, symbols },
  });
  const ready = await new Promise<{ url: string; body: string }>((resolve, reject) => {
    w.once('error', reject);
    const on = (m: { type: string; url: string; body: string }) => {
      if (m.type === 'ready') {
        w.off('message', on);
        resolve(m);
      }
    };
    w.on('message', on);
  });
  return {
    url: ready.url,
    sample: ready.body,
    stats: () =>
      new Promise((resolve) => {
        const on = (m: { type: string; requests: number; maxInFlight: number }) => {
          if (m.type === 'stats') {
            w.off('message', on);
            resolve(m);
          }
        };
        w.on('message', on);
        w.postMessage('stats');
      }),
    reset: () => w.postMessage('reset'),
    close: async () => {
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      w.postMessage('close');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      await w.terminate();
    },
  };
}

function request(symbols: readonly string[], baseUrl: string, years: number, now: Date): SyncRunRequest {
  const to = utcDate(now);
  const from = addDays(to, -Math.round(years * 365.25));
  return {
    runId: `bench-${Math.random().toString(36).slice(2)}`,
    jobs: symbols.map((s) => ({ symbol: asTicker(s), from, to })),
    providers: [{ id: 'yahoo', baseUrl, apiKey: null }],
    limits: defaultSyncLimits,
    now: now.toISOString(),
    from,
    to,
  };
}

async function sync(db: Database, req: SyncRunRequest, fetchFn?: typeof fetch) {
  const r = await runSync(req, {
    db,
    emit: () => undefined,
    signal: new AbortController().signal,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
  if (r.summary.failed > 0) throw new Error(`bench sync failed: ${r.message}`);
  return r;
}

/** The fake server's answer as the raw baselines read it: its columns, parsed without any check. */
function sampleColumns(body: string) {
  const j = JSON.parse(body) as {
    chart: {
      result: Array<{
        timestamp: number[];
        indicators: { quote: Array<Record<string, number[]>>; adjclose: Array<{ adjclose: number[] }> };
      }>;
    };
  };
  const r = j.chart.result[0]!;
  return { timestamp: r.timestamp, q: r.indicators.quote[0]!, adj: r.indicators.adjclose[0]!.adjclose };
}

/** The raw baselines' insert: the bars columns, then one `(…)` of {@link RAW_ROW} per row. */
const RAW_INSERT = 'INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder) VALUES ';
const RAW_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, 0)';

/** The baseline of the engine's work on one answer: JSON.parse and a raw positional insert. */
function rawParseInsert(db: Database, body: string, symbol: string): void {
  const { timestamp, q, adj } = sampleColumns(body);
  db.prepare('INSERT INTO instruments (symbol) VALUES (?)').run(symbol);
  const stmt = db.prepare(RAW_INSERT + RAW_ROW);
  db.transaction(() => {
    for (let i = 0; i < timestamp.length; i++) {
      const date = new Date(timestamp[i]! * 1000).toISOString().slice(0, 10);
      stmt.run(symbol, date, q.open![i], q.high![i], q.low![i], q.close![i], adj[i], q.volume![i]);
    }
  })();
}

/**
 * The write floor of a first sync: the sessions of `body` written for every symbol by raw
 * better-sqlite3 into the real `bars` table (with its checks and foreign key), 64 rows per
 * positional INSERT, one transaction per symbol as the engine commits one per answer. No
 * network, no parsing, no summary: what SQLite alone takes on this machine. Returns ms.
 */
function writeFloor(dbPath: string, body: string, symbols: readonly string[]): number {
  const { timestamp, q, adj } = sampleColumns(body);
  const dates = timestamp.map((t) => new Date(t * 1000).toISOString().slice(0, 10));
  const db = openDatabase(dbPath);
  try {
    const perStatement = 64;
    const many = db.prepare(RAW_INSERT + Array<string>(perStatement).fill(RAW_ROW).join(', '));
    const one = db.prepare(RAW_INSERT + RAW_ROW);
    const instrument = db.prepare('INSERT INTO instruments (symbol) VALUES (?)');
    const params = new Array<unknown>(perStatement * 8);
    const write = db.transaction((symbol: string) => {
      instrument.run(symbol);
      let i = 0;
      for (; i + perStatement <= dates.length; i += perStatement) {
        for (let m = 0; m < perStatement; m++) {
          const k = i + m;
          const o = m * 8;
          params[o] = symbol;
          params[o + 1] = dates[k];
          params[o + 2] = q.open![k];
          params[o + 3] = q.high![k];
          params[o + 4] = q.low![k];
          params[o + 5] = q.close![k];
          params[o + 6] = adj[k];
          params[o + 7] = q.volume![k];
        }
        many.run(params);
      }
      for (; i < dates.length; i++)
        one.run(symbol, dates[i], q.open![i], q.high![i], q.low![i], q.close![i], adj[i], q.volume![i]);
    });
    return timeMs(() => {
      for (const symbol of symbols) write.immediate(symbol);
    });
  } finally {
    db.close();
  }
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const symbols = Array.from({ length: ctx.quick ? 6 : 200 }, (_, i) => `B${String(i).padStart(3, '0')}`);
  const years = ctx.quick ? 2 : 20;
  const sessions = Math.round(years * 261);
  const latencyMs = 20;
  const server = await startServer(sessions, latencyMs, symbols);
  const rows: BenchRow[] = [];
  try {
    const concurrency = defaultSyncLimits.hosts.yahoo.concurrency;
    const t = tempDir();
    try {
      const db = openDatabase(join(t.dir, 'sync.db'));
      try {
        const now = new Date();
        server.reset();
        const first = await timeAsync(() => sync(db, request(symbols, server.url, years, now)));
        const s1 = await server.stats();
        const ideal = (s1.requests * latencyMs) / concurrency;
        rows.push(
          row(
            `sync ${symbols.length} symbols × ${years} years (${s1.requests} requests, ${latencyMs} ms each, ${s1.maxInFlight} in flight at most)`,
            'ms',
            first,
            ideal,
            atMost(1.5),
          ),
        );
        server.reset();
        // The re-sync right after: same run clock a minute later.
        await sync(db, request(symbols, server.url, years, new Date(now.getTime() + 60_000)));
        const s2 = await server.stats();
        rows.push(
          row('re-sync right after, nothing new: requests', 'requests', s2.requests, null, atMost(0, 'measured')),
        );
        // What the first sync cannot go below on this machine, against the same ideal: when this
        // ratio is already above the sync's target, no engine can meet it here.
        rows.push(
          row(
            `write floor: the same ${symbols.length} × ${sessions} sessions, raw INSERT, no network or parsing`,
            'ms',
            writeFloor(join(t.dir, 'floor.db'), server.sample, symbols),
            ideal,
          ),
        );
      } finally {
        db.close();
      }
    } finally {
      t.remove();
    }

    // Engine CPU for one symbol's answer, no network: the fetch answers from memory.
    const body = server.sample;
    const memoryFetch = (async () =>
      new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const once = async (how: 'engine' | 'raw') => {
      const tt = tempDir();
      const db = openDatabase(join(tt.dir, 'cpu.db'));
      try {
        if (how === 'raw') return timeMs(() => rawParseInsert(db, body, 'CPU'));
        return await timeAsync(() =>
          sync(db, request(['CPU'], 'http://memory.invalid', years, new Date()), memoryFetch),
        );
      } finally {
        db.close();
        tt.remove();
      }
    };
    await once('engine');
    const c = await compare(
      ctx.reps,
      () => once('engine'),
      () => once('raw'),
    );
    rows.push(row(`engine CPU per symbol (${sessions} sessions)`, 'ms', c.measured, c.baseline, atMost(2)));
  } finally {
    await server.close();
  }
  return rows;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
