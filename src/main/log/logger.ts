import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/*
 * The main process's log: one line per record, to a file in the user-data folder that rotates
 * by size (catalyst.log → catalyst.1.log → … → catalyst.N.log, the oldest dropped), and on the
 * CLI with --verbose to stderr. Plain synchronous appends: records are rare (start-up, a
 * migration, an import, a sync's retries and failures), and a crash must not lose the last one.
 */

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

/** One record: when, how bad, which part of the app, what happened. */
export interface LogRecord {
  readonly time: string;
  readonly level: LogLevel;
  readonly scope: string;
  readonly message: string;
}

/** Where records go. A sink never throws (a full disk must not stop the app). */
export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** `error`'s message and stack are appended when given. */
  error(message: string, error?: unknown): void;
  /** The same sinks under another scope (`sync`, `migrate`, `import`). */
  child(scope: string): Logger;
}

const rank = (l: LogLevel) => logLevels.indexOf(l);

/** The text of one record: `2026-11-28T05:00:00.000Z WARN  [sync] message`. */
export function formatRecord(r: LogRecord): string {
  return `${r.time} ${r.level.toUpperCase().padEnd(5)} [${r.scope}] ${r.message.replace(/\r?\n/g, '\n    ')}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** A logger writing to every sink; `now` is for tests. */
export function createLogger(sinks: readonly LogSink[], scope = 'main', now: () => Date = () => new Date()): Logger {
  const write = (level: LogLevel, message: string) => {
    const record = { time: now().toISOString(), level, scope, message };
    for (const sink of sinks) {
      try {
        sink(record);
      } catch {
        // Logging must never break what it logs.
      }
    }
  };
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m, e) => write('error', e === undefined ? m : `${m}: ${describe(e)}`),
    child: (s) => createLogger(sinks, s, now),
  };
}

/** Logs nothing (tests, and code paths with no log configured). */
export const silentLogger: Logger = createLogger([]);

export interface RotatingFileOptions {
  /** The current file, e.g. `<userData>/logs/catalyst.log`. */
  readonly path: string;
  /** Rotate once the file reaches this size (default 1 MiB). */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  readonly keep?: number;
  /** Records below this level are dropped (default `info`). */
  readonly minLevel?: LogLevel;
}

/** Appends records to `path`, rotating by size. The folder is created on first write. */
export function rotatingFileSink(o: RotatingFileOptions): LogSink {
  const maxBytes = o.maxBytes ?? 1024 * 1024;
  const keep = o.keep ?? 3;
  const min = rank(o.minLevel ?? 'info');
  const rotated = (n: number) => o.path.replace(/(\.log)?$/, `.${n}$1`);
  let size: number | null = null;
  return (record) => {
    if (rank(record.level) < min) return;
    try {
      if (size === null) {
        mkdirSync(dirname(o.path), { recursive: true });
        size = existsSync(o.path) ? statSync(o.path).size : 0;
      }
      const line = `${formatRecord(record)}\n`;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
        rmSync(rotated(keep), { force: true });
        for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
        if (keep > 0) renameSync(o.path, rotated(1));
        else rmSync(o.path, { force: true });
        size = 0;
      }
      appendFileSync(o.path, line);
      size += Buffer.byteLength(line);
    } catch {
      // Read-only or full disk: the app goes on without its log.
      size = null;
    }
  };
}

/** Writes records to a stream such as stderr (the CLI's --verbose). */
export function streamSink(write: (text: string) => void, minLevel: LogLevel = 'debug'): LogSink {
  const min = rank(minLevel);
  return (record) => {
    if (rank(record.level) >= min) write(`${formatRecord(record)}\n`);
  };
}
