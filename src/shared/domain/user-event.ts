import { z } from 'zod';
import { isoDateSchema, parseTicker, tickerSchema, type IsoDate, type Ticker } from '../brand';
import { timeZoneSchema } from './calendar';
import { eventCategories, localTimeSchema, slugSchema, type EventWindow, type StudyEvent } from './study-event';
import { restoreCell, toCsv } from './csv/csv-cells';
import { quoteInput } from '../quote';

/**
 * The user's own events: what a user types (in the app, the CLI or a CSV file), validated
 * once here, and the events CSV format `date,time,timezone,title,category,symbols,note,url`.
 */

const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** The fields of a user event a user sets (add and edit). */
export const userEventFieldsSchema = z
  .object({
    date: isoDateSchema,
    /** Local `HH:MM`, read in `timezone`; both or neither. */
    time: localTimeSchema.nullable().optional(),
    timezone: timeZoneSchema.nullable().optional(),
    title: z.string().trim().min(1, { message: 'a title is required' }).max(200),
    /** Free text shown with the event (stored as its summary). */
    note: z.string().trim().max(4000).optional(),
    /** Default `user`. */
    category: z.enum(eventCategories).optional(),
    symbols: z.array(tickerSchema).min(1, { message: 'name at least one symbol' }).max(100),
    url: webUrl.nullable().optional(),
    /** An inclusive calendar-date range to shade around the event. */
    window: z.object({ from: isoDateSchema, to: isoDateSchema }).strict().nullable().optional(),
  })
  .strict();

function checkEventFields(
  e: { time?: string | null; timezone?: string | null; window?: EventWindow | null; symbols?: readonly Ticker[] },
  ctx: z.RefinementCtx,
  partial = false,
): void {
  const both = !partial || (e.time !== undefined && e.timezone !== undefined);
  if (both && !e.time !== !e.timezone) {
    ctx.addIssue({ code: 'custom', path: ['timezone'], message: 'a time needs its time zone, and a zone a time' });
  }
  if (e.window && e.window.from > e.window.to) {
    ctx.addIssue({ code: 'custom', path: ['window'], message: 'window "from" must not be after "to"' });
  }
  const dup = e.symbols?.find((s, i) => e.symbols!.indexOf(s) !== i);
  if (dup) ctx.addIssue({ code: 'custom', path: ['symbols'], message: `${dup} is listed twice` });
}

/** A new user event; `id` only to restore a deleted event (undo), else generated. */
export const userEventInputSchema = userEventFieldsSchema
  .extend({
    id: slugSchema.optional(),
    /** The study it is filed under (its events list and export); null for none. */
    studyId: slugSchema.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkEventFields(v, ctx));
export type UserEventInput = z.output<typeof userEventInputSchema>;

/** An edit: the event's id and the fields to change (the rest stay). */
export const userEventEditSchema = z
  .object({ id: z.string().min(1).max(200), changes: userEventFieldsSchema.partial().strict() })
  .strict()
  .superRefine((v, ctx) => checkEventFields(v.changes, ctx, true));
export type UserEventEdit = z.output<typeof userEventEditSchema>;

/** The stored form of a new user event. */
export function userEventFromInput(id: string, input: UserEventInput): StudyEvent {
  return {
    id,
    studyId: input.studyId ?? null,
    origin: 'user',
    date: input.date,
    time: input.time ?? null,
    timezone: input.time ? (input.timezone ?? null) : null,
    timeNote: null,
    title: input.title,
    summary: input.note ?? '',
    category: input.category ?? 'user',
    symbols: input.symbols,
    approximate: false,
    approxNote: null,
    window: input.window ?? null,
    source: { kind: 'user', quote: null, url: input.url ?? null, publication: null, evidence: null },
  };
}

/** An event with an edit applied (fields left out stay as they are). */
export function applyUserEventEdit(e: StudyEvent, changes: UserEventEdit['changes']): StudyEvent {
  const time = changes.time !== undefined ? changes.time : e.time;
  const timezone = changes.timezone !== undefined ? changes.timezone : e.timezone;
  return {
    ...e,
    date: changes.date ?? e.date,
    time: time ?? null,
    timezone: time ? (timezone ?? null) : null,
    title: changes.title ?? e.title,
    summary: changes.note ?? e.summary,
    category: changes.category ?? e.category,
    symbols: changes.symbols ?? e.symbols,
    window: changes.window !== undefined ? changes.window : e.window,
    source: { ...e.source, url: changes.url !== undefined ? changes.url : e.source.url },
  };
}

/** A readable, stable id for a new user event: `user-YYYYMMDD-title-words`, made unique by `taken`. */
export function userEventId(date: IsoDate, title: string, taken: (id: string) => boolean): string {
  const words =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'event';
  const base = `user-${date.replace(/-/g, '')}-${words}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

// ---------------------------------------------------------------- CSV

/** The events CSV header, in order. */
export const EVENTS_CSV_COLUMNS = ['date', 'time', 'timezone', 'title', 'category', 'symbols', 'note', 'url'] as const;
/** Most data lines an events CSV may hold. */
export const MAX_EVENTS_CSV_LINES = 5000;
/** Largest events CSV accepted (characters). */
export const MAX_EVENTS_CSV_CHARS = 2_000_000;

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF); line numbers are 1-based. */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (any || fields.length > 1 || field !== '') out.push({ line: start, fields });
    fields = [];
    field = '';
    any = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      any = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0 || any) endRecord();
  return out;
}

/** One line of an events CSV as previewed: what it will add, or why it cannot. */
export interface EventsCsvLine {
  readonly line: number;
  /** `ok`: will be added; `duplicate`: an event with the same date, title and symbols exists (skipped); `error`: invalid. */
  readonly status: 'ok' | 'duplicate' | 'error';
  readonly reason: string | null;
  /** The event the line describes, when it is valid. */
  readonly event: UserEventInput | null;
}

/** Splits a symbols cell: `A,B`, `A;B` or `A B`. */
function symbolsOf(cell: string): string[] {
  return cell
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The key that makes two events "the same" for an import: date, title (case-folded) and symbols. */
export function eventIdentityKey(e: { date: string; title: string; symbols: readonly string[] }): string {
  return `${e.date}\u0000${e.title.trim().toLowerCase()}\u0000${[...e.symbols].sort().join(',')}`;
}

/**
 * Parses an events CSV into per-line results (never throws; a file-level problem is one error
 * line 1). `exists` tells whether an identical event is already stored; the same event twice
 * in the file is a duplicate too. Every line is checked; nothing here writes.
 */
export function parseEventsCsv(
  text: string,
  studyId: string | null,
  exists: (key: string) => boolean,
): EventsCsvLine[] {
  const fileError = (reason: string): EventsCsvLine[] => [{ line: 1, status: 'error', reason, event: null }];
  if (text.length > MAX_EVENTS_CSV_CHARS)
    return fileError(`the file is larger than ${MAX_EVENTS_CSV_CHARS} characters`);
  const records = parseCsvRecords(text);
  if (records.length === 0) return fileError('the file is empty');
  const header = records[0]!.fields.map((h) => h.trim().toLowerCase());
  const missing = EVENTS_CSV_COLUMNS.filter(
    (c) => c !== 'time' && c !== 'timezone' && c !== 'note' && c !== 'url',
  ).filter((c) => !header.includes(c));
  if (missing.length > 0)
    return fileError(
      `the header must name the columns ${EVENTS_CSV_COLUMNS.join(',')} (missing: ${missing.join(', ')})`,
    );
  if (records.length - 1 > MAX_EVENTS_CSV_LINES)
    return fileError(`the file has ${records.length - 1} events; at most ${MAX_EVENTS_CSV_LINES} are accepted`);
  const col = (fields: string[], name: string): string => {
    const i = header.indexOf(name);
    return i >= 0 ? restoreCell((fields[i] ?? '').trim()) : '';
  };
  const seen = new Set<string>();
  return records.slice(1).map(({ line, fields }) => {
    const symbols = symbolsOf(col(fields, 'symbols'));
    const bad = symbols.find((s) => parseTicker(s) === null);
    if (bad) return { line, status: 'error', reason: `${quoteInput(bad)} is not a symbol`, event: null };
    const raw = {
      date: col(fields, 'date'),
      time: col(fields, 'time') || null,
      timezone: col(fields, 'timezone') || null,
      title: col(fields, 'title'),
      category: col(fields, 'category').toLowerCase() || 'user',
      symbols,
      note: col(fields, 'note') || undefined,
      url: col(fields, 'url') || null,
      studyId,
    };
    const r = userEventInputSchema.safeParse(raw);
    if (!r.success) {
      const reason = r.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
      return { line, status: 'error', reason, event: null };
    }
    const key = eventIdentityKey(r.data);
    if (seen.has(key) || exists(key))
      return {
        line,
        status: 'duplicate',
        reason: seen.has(key) ? 'the same event is earlier in the file' : 'the same event is already stored',
        event: r.data,
      };
    seen.add(key);
    return { line, status: 'ok', reason: null, event: r.data };
  });
}

/** Writes events as CSV (RFC 4180, CRLF, cells neutralised against formula injection). */
export function eventsToCsv(events: readonly StudyEvent[]): string {
  return toCsv(
    EVENTS_CSV_COLUMNS,
    events.map((e) => [e.date, e.time, e.timezone, e.title, e.category, e.symbols.join(','), e.summary, e.source.url]),
  );
}
