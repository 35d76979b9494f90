/**
 * What every bench file shares: the report row, the interleaved median comparison, temp
 * folders and synthetic daily bars. Bench code never imports test support code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One line of `npm run bench` and of reports/bench.json. */
export interface BenchRow {
  readonly name: string;
  readonly measured: number;
  /** The figure the measured one is compared with, from the same run (null where there is none). */
  readonly baseline: number | null;
  /** measured / baseline (null where there is no baseline). */
  readonly ratio: number | null;
  readonly unit: string;
  /** e.g. "ratio <= 1.5", "measured <= 5"; null where only a report is asked. */
  readonly target: string | null;
  /** null where there is no target. */
  readonly holds: boolean | null;
}

export interface BenchContext {
  /** Smoke mode: tiny sizes, one repetition; targets are reported, not asserted. */
  readonly quick: boolean;
  /** Repetitions of each measured/baseline pair. */
  readonly reps: number;
}

/** A bench file's exports. */
export interface BenchModule {
  readonly name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface Target {
  readonly on: 'ratio' | 'measured';
  readonly op: '<=' | '>=';
  readonly value: number;
}

export const atMost = (value: number, on: Target['on'] = 'ratio'): Target => ({ on, op: '<=', value });
export const atLeast = (value: number, on: Target['on'] = 'ratio'): Target => ({ on, op: '>=', value });

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A row from a measured figure, its baseline and an optional target. */
export function row(
  name: string,
  unit: string,
  measured: number,
  baseline: number | null,
  target: Target | null = null,
): BenchRow {
  const ratio = baseline === null || baseline === 0 ? null : measured / baseline;
  let holds: boolean | null = null;
  if (target) {
    const v = target.on === 'ratio' ? ratio : measured;
    holds = v !== null && (target.op === '<=' ? v <= target.value : v >= target.value);
  }
  return {
    name,
    measured,
    baseline,
    ratio,
    unit,
    target: target ? `${target.on} ${target.op} ${target.value}` : null,
    holds,
  };
}

/**
 * Runs `measured` and `baseline` `reps` times each, interleaved (and alternating which goes
 * first), so both see the same machine load; returns the medians. Each function returns its
 * own figure (it times only the part that matters, setup excluded).
 */
export async function compare(
  reps: number,
  measured: () => number | Promise<number>,
  baseline: () => number | Promise<number>,
): Promise<{ measured: number; baseline: number; all: { measured: number[]; baseline: number[] } }> {
  const m: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      m.push(await measured());
      b.push(await baseline());
    } else {
      b.push(await baseline());
      m.push(await measured());
    }
  }
  return { measured: median(m), baseline: median(b), all: { measured: m, baseline: b } };
}

/** Milliseconds `fn` takes. */
export function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** A fresh temp folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One synthetic session (prices as float32-exact decimals, like a provider's). */
export interface SynthBar {
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly adjClose: number;
  readonly volume: number;
}

/** `count` weekday sessions ending on 2025-12-31, a deterministic random walk per `seed`. */
export function synthBars(count: number, seed: number): SynthBar[] {
  const dates: string[] = [];
  const t = new Date(Date.UTC(2025, 11, 31));
  while (dates.length < count) {
    const wd = t.getUTCDay();
    if (wd !== 0 && wd !== 6) dates.push(t.toISOString().slice(0, 10));
    t.setUTCDate(t.getUTCDate() - 1);
  }
  dates.reverse();
  let x = (seed * 2654435761) % 2 ** 32 || 1;
  const rnd = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
  let p = 20 + (seed % 200);
  const round = (v: number) => Math.round(v * 100) / 100;
  return dates.map((date) => {
    const open = round(p);
    p = Math.max(1, p * (1 + (rnd() - 0.5) * 0.04));
    const close = round(p);
    const high = round(Math.max(open, close) * (1 + rnd() * 0.01));
    const low = round(Math.min(open, close) * (1 - rnd() * 0.01));
    return { date, open, high, low, close, adjClose: close, volume: Math.floor(rnd() * 1e7) };
  });
}

/** The renderer's origin, as the router checks it (benches call it as the app window would). */
export const BENCH_SENDER = { url: 'app://bench/' };

/** One channel call through the core's router, as the preload bridge makes it; throws on an error answer. */
export async function routerCall<T = unknown>(
  router: { dispatch(channel: string, input: unknown, sender: { url: string }): Promise<unknown> },
  channel: string,
  input: unknown,
): Promise<T> {
  const env = (await router.dispatch(channel, input, BENCH_SENDER)) as {
    ok: boolean;
    value?: unknown;
    error?: unknown;
  };
  if (!env.ok) throw new Error(`${channel}: ${JSON.stringify(env.error)}`);
  return env.value as T;
}
