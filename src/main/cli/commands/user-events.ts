import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { isIsoDate } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { eventDateLabel, slugSchema, type EventWithT0 } from '../../../shared/domain/study-event';
import { MAX_EVENTS_CSV_CHARS, userEventEditSchema, userEventInputSchema } from '../../../shared/domain/user-event';
import { optionalArg, requireArg } from '../args';
import { UsageError, type Command, type CommandContext } from '../command';
import {
  eventsAddSpec,
  eventsEditSpec,
  eventsDeleteSpec,
  eventsHideSpec,
  eventsImportSpec,
  eventsExportSpec,
} from './specs';

/**
 * The JSON of one event as the `events add|edit|hide` commands print it: the keys of
 * `catalyst events` plus the user's fields (documented in docs/cli.md).
 */
export function eventJson(e: EventWithT0) {
  return {
    id: e.id,
    date: e.date,
    time: e.time,
    timezone: e.timezone,
    title: e.title,
    category: e.category,
    symbols: e.symbols,
    note: e.summary,
    url: e.source.url,
    window: e.window,
    studyId: e.studyId,
    origin: e.origin,
    hidden: e.hidden,
    t0: e.t0,
  };
}

const str = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${name} needs a value`);
  return v;
};

/** The event fields given as options, in the shape the channel schemas parse. */
function fieldsFromFlags(ctx: CommandContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const copy = (flag: string, key = flag) => {
    const v = str(ctx, flag);
    if (v !== undefined) out[key] = v;
  };
  copy('date');
  copy('time');
  copy('timezone');
  copy('title');
  copy('note');
  copy('url');
  const category = str(ctx, 'category');
  if (category !== undefined) out.category = category.trim().toLowerCase();
  const symbols = str(ctx, 'symbols');
  if (symbols !== undefined)
    out.symbols = symbols
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const window = str(ctx, 'window');
  if (window !== undefined) {
    const [from, to, ...rest] = window.split(':');
    if (rest.length || !from || !to || !isIsoDate(from.trim()) || !isIsoDate(to.trim()))
      throw new CatalystError('invalid-input', `--window: must be FROM:TO dates, e.g. 2025-03-04:2025-03-11`);
    out.window = { from: from.trim(), to: to.trim() };
  }
  return out;
}

/** Parses with a channel's schema; the issues become one invalid-input message naming the options. */
function parseWith<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const msg = r.error.issues
    .map((i) => {
      const path = i.path.filter((p) => p !== 'changes').join('.');
      return path ? `--${path.split('.')[0]}: ${i.message}` : i.message;
    })
    .join('; ');
  throw new CatalystError('invalid-input', msg);
}

function humanEvent(e: EventWithT0): string {
  const t0 = Object.entries(e.t0)
    .map(([s, d]) => `${s} ${d ?? '—'}`)
    .join(', ');
  return `${eventDateLabel(e)}  ${e.category}  ${e.title}  [${e.id}]${e.hidden ? '  (hidden)' : ''}\n  T0: ${t0}`;
}

/** `catalyst events add …`: a new user event (printed with its id). */
export const eventsAddCommand: Command = {
  ...eventsAddSpec,
  async run(ctx) {
    const raw = { ...fieldsFromFlags(ctx) } as Record<string, unknown>;
    const study = optionalArg(ctx.flags.study, '--study', slugSchema);
    if (study !== undefined) raw.studyId = study;
    const input = parseWith(userEventInputSchema, raw);
    const { services } = ctx.core();
    services.seed.seedIfEmpty();
    const e = services.userEvents.add(input);
    ctx.print(eventJson(e), () => `added ${humanEvent(e)}`);
    return 0;
  },
};

/** `catalyst events edit ID …`: changes the given fields of a user event. */
export const eventsEditCommand: Command = {
  ...eventsEditSpec,
  async run(ctx) {
    const id = requireArg(ctx, 0, 'ID');
    if (ctx.flags.study !== undefined) throw new UsageError('--study cannot be changed by edit');
    const changes = fieldsFromFlags(ctx);
    if (Object.keys(changes).length === 0) throw new UsageError('nothing to change: give at least one option');
    const edit = parseWith(userEventEditSchema, { id, changes });
    const e = ctx.core().services.userEvents.edit(edit);
    ctx.print(eventJson(e), () => `edited ${humanEvent(e)}`);
    return 0;
  },
};

/** `catalyst events delete ID`. */
export const eventsDeleteCommand: Command = {
  ...eventsDeleteSpec,
  async run(ctx) {
    const id = requireArg(ctx, 0, 'ID');
    const { event } = ctx.core().services.userEvents.delete(id);
    ctx.print({ deleted: event.id, event: eventJson(event) }, () => `deleted ${humanEvent(event)}`);
    return 0;
  },
};

/** `catalyst events hide ID [--show]`. */
export const eventsHideCommand: Command = {
  ...eventsHideSpec,
  async run(ctx) {
    const id = requireArg(ctx, 0, 'ID');
    const { services } = ctx.core();
    services.seed.seedIfEmpty();
    const e = services.userEvents.setHidden(id, ctx.flags.show !== true);
    ctx.print(eventJson(e), () => `${e.hidden ? 'hidden' : 'shown'} ${humanEvent(e)}`);
    return 0;
  },
};

/** `catalyst events import FILE [--dry-run] [--study ID]`. */
export const eventsImportCommand: Command = {
  ...eventsImportSpec,
  async run(ctx) {
    const file = requireArg(ctx, 0, 'FILE');
    const studyId = optionalArg(ctx.flags.study, '--study', slugSchema) ?? null;
    const path = resolve(ctx.cwd, file);
    let text: string;
    try {
      if (statSync(path).size > MAX_EVENTS_CSV_CHARS * 4)
        throw new CatalystError('invalid-input', `${file}: the file is too large`);
      text = readFileSync(path, 'utf8');
    } catch (e) {
      if (e instanceof CatalystError) throw e;
      throw new CatalystError('invalid-input', `cannot read ${file}: ${(e as Error).message}`);
    }
    const { services } = ctx.core();
    services.seed.seedIfEmpty();
    const preview = services.userEvents.previewImport(text, studyId);
    const lines = preview.lines.map((l) => ({
      line: l.line,
      status: l.status,
      reason: l.reason,
      title: l.event?.title ?? null,
      date: l.event?.date ?? null,
    }));
    const dryRun = ctx.flags['dry-run'] === true;
    const result = dryRun || preview.errors > 0 ? null : services.userEvents.confirmImport(text, studyId);
    const json = {
      lines,
      ok: preview.ok,
      duplicates: preview.duplicates,
      errors: preview.errors,
      imported: result?.imported ?? 0,
      ids: result?.ids ?? [],
    };
    ctx.print(json, () =>
      [
        ...lines.map(
          (l) =>
            `line ${l.line}: ${l.status}${l.reason ? ` — ${l.reason}` : ''}${l.title ? `  ${l.date} ${l.title}` : ''}`,
        ),
        preview.errors > 0
          ? `nothing imported: ${preview.errors} line(s) have errors`
          : dryRun
            ? `dry run: ${preview.ok} event(s) would be imported`
            : `${json.imported} event(s) imported`,
      ].join('\n'),
    );
    return preview.errors > 0 ? 1 : 0;
  },
};

/** `catalyst events export [--study ID] --out FILE`. */
export const eventsExportCommand: Command = {
  ...eventsExportSpec,
  async run(ctx) {
    const studyId = optionalArg(ctx.flags.study, '--study', slugSchema);
    const out = str(ctx, 'out');
    if (!out) throw new UsageError('missing --out FILE');
    const { services } = ctx.core();
    services.seed.seedIfEmpty();
    const file = services.userEvents.exportCsv(studyId);
    const path = resolve(ctx.cwd, out);
    writeFileSync(path, file.content, 'utf8');
    ctx.print(
      { file: path, count: file.count, bytes: Buffer.byteLength(file.content) },
      () => `${file.count} event(s) written to ${path}`,
    );
    return 0;
  },
};
