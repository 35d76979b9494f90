import type { ParseArgsOptionsConfig } from 'node:util';
import type { Core } from '../app/create-core';

/** What a command gets: parsed arguments, the lazily opened core, and the output channels. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;
  readonly json: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The database file (`--db`, else `$CATALYST_DB`, else the app's); for commands that open their own core. */
  readonly dbPath: string;
  /** Opens the database on first use (so `--help` never touches it). */
  core(): Core;
  out(text: string): void;
  err(text: string): void;
  /** Prints a value: JSON on stdout with --json, else the human text from `human`. */
  print(value: unknown, human: () => string): void;
}

/** What the CLI knows of a command before loading it: enough for `--help` and the argument parser. */
export interface CommandSpec {
  /** One or more words (`watchlist import`). */
  readonly name: string;
  readonly summary: string;
  /** Usage line after `catalyst`, e.g. `bars SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD]`. */
  readonly usage: string;
  readonly options: ParseArgsOptionsConfig;
  /**
   * Run the start-up check (recovery of a damaged file, backup before a migration, the daily
   * backup) before the command; default true. `recover` does its own, fuller check.
   */
  readonly prepare?: boolean;
}

/** One CLI command: its spec and its implementation. */
export interface Command extends CommandSpec {
  /** Returns the exit code: 0 ok, 1 usage or input error, 2 partial failure. */
  run(ctx: CommandContext): Promise<number>;
}

/**
 * A command as the CLI lists it: the spec, and `load` to import its implementation (and the
 * services it uses) only when the command runs, so `catalyst --help` loads none of them.
 */
export interface LazyCommand extends CommandSpec {
  load(): Promise<Command>;
}

/** A usage or input error found by a command before it does anything (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
