import { z } from 'zod';
import type { Ticker } from '../brand';
import type { AppCommandEvent } from '../domain/app-commands';
import { channel, pushEvent, returns } from './define';

/** What a `data.changed` push says changed; each kind is a resource views depend on. */
export const dataKinds = ['instruments', 'bars', 'watchlists', 'studies', 'events', 'claims', 'settings'] as const;
export type DataKind = (typeof dataKinds)[number];

/**
 * Sent by main after every committed write that changes what a view shows (a sync batch, a
 * bars import, a watchlist edit, a study import, a user event edit). `symbols` narrows
 * `bars`/`instruments` changes to the symbols written; absent means "any symbol".
 */
export interface DataChangedEvent {
  readonly kinds: readonly DataKind[];
  readonly symbols?: readonly Ticker[];
}

/** Channels of the application itself (not of one feature). */
export const appChannels = {
  'app.ready': channel({
    doc: 'The renderer is mounted and subscribed: main flushes the push events it queued for this window until now.',
    input: z.undefined(),
    output: returns<{ readonly flushed: number }>(),
  }),
} as const;

/** Push events of the application: the one change signal every view invalidates from. */
export const appEvents = {
  'data.changed': pushEvent({
    doc: 'Committed data changed: which kinds of resource, and for bars/instruments which symbols.',
    payload: returns<DataChangedEvent>(),
  }),
  'app.command': pushEvent({
    doc: 'The native menu gave a command the window carries out (export, view, data, help).',
    payload: returns<AppCommandEvent>(),
  }),
} as const;
