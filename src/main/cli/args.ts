import type { z } from 'zod';
import { CatalystError } from '../../shared/contract/errors';
import {
  channels,
  type ChannelName,
  type Channels,
  type InputOf,
  type ParsedInputOf,
} from '../../shared/contract/index';
import type { CommandContext } from './command';
import { UsageError } from './command';
import { dottedPath, formatIssues, issueMessages } from '../../shared/zod-issues';

function check<T>(raw: string, label: string, schema: z.ZodType<T>): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new CatalystError('invalid-input', `${label}: ${formatIssues(r.error, { path: 'none' })}`);
  return r.data;
}

/** The positional argument at `index`, validated by `schema` when given. */
export function requireArg(ctx: CommandContext, index: number, label: string): string;
export function requireArg<T>(ctx: CommandContext, index: number, label: string, schema: z.ZodType<T>): T;
export function requireArg<T>(ctx: CommandContext, index: number, label: string, schema?: z.ZodType<T>): T | string {
  const raw = ctx.args[index];
  if (raw === undefined) throw new UsageError(`missing ${label}`);
  return schema ? check(raw, label, schema) : raw;
}

/** An optional string flag, validated by `schema`. */
export function optionalArg<T>(
  raw: string | boolean | Array<string | boolean> | undefined,
  label: string,
  schema: z.ZodType<T>,
): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new UsageError(`${label} needs a value`);
  return check(raw, label, schema);
}

/** A string flag's value (undefined when absent); a flag given without a value is a usage error. */
export function stringFlag(
  raw: string | boolean | Array<string | boolean> | undefined,
  label: string,
): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new UsageError(`${label} needs a value`);
  return raw;
}

/**
 * Parses a command's input with the schema of the channel it stands for, so the command line
 * accepts exactly what the app accepts (limits and refinements are declared once, in the
 * contract). `labels` gives each field's command-line spelling (`from` → `--from`, `symbol` →
 * `SYMBOL`); messages name the flag, and a field quoted in a message (`"from"`) becomes its flag.
 */
export function channelInput<N extends ChannelName>(
  name: N,
  input: { readonly [K in keyof NonNullable<InputOf<Channels[N]>>]?: unknown },
  labels: Readonly<Record<string, string>>,
): ParsedInputOf<Channels[N]> {
  const r = channels[name].input.safeParse(input);
  if (r.success) return r.data as ParsedInputOf<Channels[N]>;
  const withFlags = (text: string) =>
    Object.entries(labels).reduce((t, [field, label]) => t.replaceAll(`"${field}"`, label), text);
  const message = issueMessages(r.error.issues, {
    path: (path) => labels[String(path[0])] ?? dottedPath(path),
  })
    .map(withFlags)
    .join('; ');
  throw new CatalystError('invalid-input', message);
}
