import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Core } from '../app/create-core';
import { resolveDbPath } from '../app/paths';
import type { CommandContext, LazyCommand } from './command';
import { oneLine, toCliFailure, withoutAbsolutePaths, type CliFailure } from './errors';
import { commands } from './commands/index';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
};

const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  verbose: { type: 'boolean', default: false },
};

function findCommand(positionals: readonly string[]): { command: LazyCommand; rest: string[] } | null {
  let best: LazyCommand | null = null;
  for (const c of commands) {
    const words = c.name.split(' ');
    if (words.every((w, i) => positionals[i] === w) && (!best || words.length > best.name.split(' ').length)) best = c;
  }
  return best ? { command: best, rest: positionals.slice(best.name.split(' ').length) } : null;
}

function usage(): string {
  return [
    'Usage: catalyst [--db PATH] [--json] [--verbose] COMMAND ...',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Global options:',
    "  --db PATH   the database file (default: $CATALYST_DB, else the app's user-data folder)",
    '  --json      machine-readable JSON on stdout (errors as one JSON line on stderr)',
    '  --verbose   log what happens (migrations, imports, sync retries and failures) to stderr,',
    '              and on an error also print its stack trace',
    '',
    'Exit codes: 0 ok, 1 the command failed (nothing or not everything was done: see the error code),',
    '            2 partial failure (some items failed, the rest was done).',
  ].join('\n');
}

/**
 * `--windows -5:-1,0:1` passes a value that starts with a dash, which parseArgs would take for
 * an option: such a value after a string option of the command is joined as `--windows=-5:-1,0:1`.
 */
function joinDashValues(argv: readonly string[], options: ParseArgsOptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The modules every command that runs needs (the core, the logger, the start-up check). */
async function loadServices() {
  const [{ createCore }, { createLogger, streamSink }, { prepareDatabase }] = await Promise.all([
    import('../app/create-core'),
    import('../log/logger'),
    import('../db/recovery'),
  ]);
  return { createCore, createLogger, streamSink, prepareDatabase };
}

/** Runs one CLI invocation; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  /** The one error path: a typed code, one line (paths reduced to file names in JSON), exit 1. */
  const fail = (failure: CliFailure, error?: unknown): number => {
    const message = json ? withoutAbsolutePaths(failure.message) : failure.message;
    if (json) {
      io.stderr(
        `${JSON.stringify({ error: { code: failure.code, message, ...(failure.usage ? { usage: failure.usage } : {}) } })}\n`,
      );
    } else {
      io.stderr(`catalyst: ${message}\n`);
      if (failure.usage) io.stderr(`Usage: catalyst ${failure.usage}\n`);
    }
    if (verbose && error instanceof Error && error.stack) {
      io.stderr(`${json ? withoutAbsolutePaths(error.stack) : error.stack}\n`);
    }
    return 1;
  };
  const firstPass = parseArgs({ args: [...argv], options: GLOBAL_OPTIONS, strict: false, allowPositionals: true });
  const found = findCommand(firstPass.positionals);
  if (!found) {
    if (firstPass.values.help || firstPass.positionals.length === 0) {
      io.stdout(`${usage()}\n`);
      return firstPass.values.help ? 0 : 1;
    }
    return fail({
      code: 'invalid-input',
      message: `unknown command "${oneLine(firstPass.positionals.join(' ')).slice(0, 80)}" (catalyst --help lists the commands)`,
    });
  }
  const { command } = found;
  let parsed;
  try {
    parsed = parseArgs({
      args: joinDashValues(argv, command.options),
      options: { ...GLOBAL_OPTIONS, ...command.options },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    return fail({ code: 'invalid-input', message: oneLine((e as Error).message), usage: command.usage }, e);
  }
  if (parsed.values.help) {
    io.stdout(`Usage: catalyst ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  // Only now the command's implementation and the services: `--help` and a usage error load neither.
  let implementation;
  let services;
  try {
    [implementation, services] = await Promise.all([command.load(), loadServices()]);
  } catch (e) {
    return fail(toCliFailure(e, command.usage), e);
  }
  const { createCore, createLogger, streamSink, prepareDatabase } = services;
  let core: Core | null = null;
  const dbPath = resolveDbPath(parsed.values.db as string | undefined, io.env, io.cwd);
  let prepared = false;
  /** The start-up check, once, before the database is first opened; what it did is told on stderr. */
  const prepare = async (): Promise<void> => {
    if (prepared || command.prepare === false) return;
    prepared = true;
    const { check } = await prepareDatabase(dbPath);
    if (check.kind !== 'ok') {
      const notice = { kind: check.kind, problem: check.problem, movedTo: check.movedTo, message: check.message };
      io.stderr(json ? `${JSON.stringify({ notice })}\n` : `catalyst: ${check.message}\n`);
    }
  };
  const ctx: CommandContext = {
    args: parsed.positionals.slice(command.name.split(' ').length),
    flags: parsed.values,
    json,
    env: io.env,
    cwd: io.cwd,
    dbPath,
    core: () =>
      (core ??= createCore({
        dbPath,
        log: parsed.values.verbose ? createLogger([streamSink(io.stderr)], 'cli') : undefined,
      })),
    out: (t) => io.stdout(`${t}\n`),
    err: (t) => io.stderr(`${t}\n`),
    print: (value, human) => io.stdout(json ? `${JSON.stringify(value)}\n` : `${human()}\n`),
  };
  try {
    await prepare();
    return await implementation.run(ctx);
  } catch (e) {
    return fail(toCliFailure(e, command.usage), e);
  } finally {
    try {
      await (core as Core | null)?.close();
    } catch {
      // Closing a damaged or vanished database must not replace the error already printed.
    }
  }
}
