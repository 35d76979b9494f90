import { z } from 'zod';
import { isoDateSchema, tickerSchema } from '../brand';
import { readFields } from '../read-fields';
import { currencySchema } from './compare-currency';
import { slugSchema } from './study-event';

/*
 * What the window showed when the user left it, restored on the next launch: the study, the
 * symbol or comparison, the visible range, log scale, the open side tab and the side panels.
 * Stored in the database (`app_state`), so it survives a browser profile (`npm run web` gets a
 * new origin each run) as well as the desktop app's. Read field by field: a field that no
 * longer parses (a symbol format changed, a newer version wrote it) is dropped alone.
 */

/** Most symbols one comparison draws. */
export const MAX_COMPARED = 8;

/** Where a comparison lines its symbols up: an event (each symbol at its own T0) or a date. */
export const compareAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), eventId: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('date'), date: isoDateSchema }).strict(),
]);
export type CompareAnchor = z.output<typeof compareAnchorSchema>;

/** What the chart shows: one symbol, or up to {@link MAX_COMPARED} symbols compared at an anchor. */
export const selectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), symbol: tickerSchema }).strict(),
  z
    .object({
      kind: z.literal('compare'),
      symbols: z.array(tickerSchema).min(1).max(MAX_COMPARED),
      anchor: compareAnchorSchema,
      /** Every series converted into this currency (cached `CCY=X` rates); absent: each in its own. */
      currency: currencySchema.optional(),
    })
    .strict(),
]);
export type Selection = z.output<typeof selectionSchema>;

const panelSchema = z.object({ width: z.number().int().min(0).max(4000), collapsed: z.boolean() }).strict();

/** Each field of the workspace; every one is optional (absent: the app's default). */
export const workspaceShape = {
  studyId: slugSchema,
  selection: selectionSchema,
  /** The visible date range of the chart. */
  range: z
    .object({ from: isoDateSchema, to: isoDateSchema })
    .strict()
    .refine((r) => r.from <= r.to, { message: 'from must not be after to' }),
  logScale: z.boolean(),
  /** The details panel's open tab (`events`, `claims`, …). */
  sideTab: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  panels: z.object({ sidebar: panelSchema, details: panelSchema }).strict(),
  /** The toolbar hidden by View ▸ Toggle Toolbar (Ctrl/Cmd+Shift+B shows it again). */
  toolbarHidden: z.boolean(),
  watchlistId: z.number().int().positive(),
};

export const workspaceSchema = z.object(workspaceShape).partial().strict();
export type Workspace = z.output<typeof workspaceSchema>;

/** A workspace from stored JSON, keeping each field that parses. Never throws. */
export function readWorkspace(stored: unknown): Workspace {
  return readFields(workspaceShape, stored);
}
