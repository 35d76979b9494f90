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

/** One CLI command. `name` may have several words (`watchlist import`). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage line after `catalyst`, e.g. `bars SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD]`. */
  readonly usage: string;
  readonly options: ParseArgsOptionsConfig;
  /** Returns the exit code: 0 ok, 1 usage or input error, 2 partial failure. */
  run(ctx: CommandContext): Promise<number>;
}

/** A usage or input error found by a command before it does anything (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
