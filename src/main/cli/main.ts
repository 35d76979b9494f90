import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { CatalystError } from '../../shared/contract/errors';
import { createCore, type Core } from '../app/create-core';
import { resolveDbPath } from '../app/paths';
import { UsageError, type Command, type CommandContext } from './command';
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
};

function findCommand(positionals: readonly string[]): { command: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const c of commands) {
    const words = c.name.split(' ');
    if (words.every((w, i) => positionals[i] === w) && (!best || words.length > best.name.split(' ').length)) best = c;
  }
  return best ? { command: best, rest: positionals.slice(best.name.split(' ').length) } : null;
}

function usage(): string {
  return [
    'Usage: catalyst [--db PATH] [--json] COMMAND ...',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Global options:',
    "  --db PATH   the database file (default: $CATALYST_DB, else the app's user-data folder)",
    '  --json      machine-readable JSON on stdout (errors as JSON on stderr)',
    '',
    'Exit codes: 0 ok, 1 usage or input error, 2 partial failure.',
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

/** Runs one CLI invocation; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  const fail = (code: number, errCode: string, message: string): number => {
    io.stderr(json ? `${JSON.stringify({ error: { code: errCode, message } })}\n` : `catalyst: ${message}\n`);
    return code;
  };
  const firstPass = parseArgs({ args: [...argv], options: GLOBAL_OPTIONS, strict: false, allowPositionals: true });
  const found = findCommand(firstPass.positionals);
  if (!found) {
    if (firstPass.values.help || firstPass.positionals.length === 0) {
      io.stdout(`${usage()}\n`);
      return firstPass.values.help ? 0 : 1;
    }
    return fail(1, 'invalid-input', `unknown command "${firstPass.positionals.join(' ')}"\n\n${usage()}`);
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
    return fail(1, 'invalid-input', `${(e as Error).message}\nUsage: catalyst ${command.usage}`);
  }
  if (parsed.values.help) {
    io.stdout(`Usage: catalyst ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  let core: Core | null = null;
  const dbPath = resolveDbPath(parsed.values.db as string | undefined, io.env, io.cwd);
  const ctx: CommandContext = {
    args: parsed.positionals.slice(command.name.split(' ').length),
    flags: parsed.values,
    json,
    env: io.env,
    cwd: io.cwd,
    dbPath,
    core: () => (core ??= createCore({ dbPath })),
    out: (t) => io.stdout(`${t}\n`),
    err: (t) => io.stderr(`${t}\n`),
    print: (value, human) => io.stdout(json ? `${JSON.stringify(value)}\n` : `${human()}\n`),
  };
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) return fail(1, 'invalid-input', `${e.message}\nUsage: catalyst ${command.usage}`);
    if (e instanceof CatalystError) return fail(e.code === 'internal' ? 2 : 1, e.code, e.message);
    return fail(2, 'internal', `unexpected error: ${(e as Error).stack ?? String(e)}`);
  } finally {
    await (core as Core | null)?.close();
  }
}
