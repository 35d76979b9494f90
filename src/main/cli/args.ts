import type { z } from 'zod';
import { CatalystError } from '../../shared/contract/errors';
import type { CommandContext } from './command';
import { UsageError } from './command';
import { formatIssues } from '../../shared/zod-issues';

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
