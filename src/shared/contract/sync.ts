import { z } from 'zod';
import { isoDateSchema, tickerSchema, type Ticker } from '../brand';
import {
  keyedProviders,
  providerIds,
  type SyncFinishedEvent,
  type SyncSettings,
  type SyncStartedEvent,
  type SyncStatus,
  type SyncSymbolEvent,
} from '../domain/sync';
import { channel, pushEvent, returns } from './define';
import { pageFields } from './page';

const none = z.undefined();

/** The most symbols one run accepts (a large watchlist is a few hundred). */
export const MAX_SYNC_SYMBOLS = 5000;

/**
 * A provider base URL: `https:` only (API keys travel in it), except plain `http:` to
 * 127.0.0.1 (the fake providers of the tests, a local proxy); no query or fragment (the
 * request builder adds its own), no credentials, trailing slashes dropped. A path prefix is kept, so a proxy like `https://proxy.example/yahoo` works.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (
          (u.protocol === 'https:' || (u.protocol === 'http:' && u.hostname === '127.0.0.1')) &&
          !u.search &&
          !u.hash &&
          !u.username &&
          !u.password
        );
      } catch {
        return false;
      }
    },
    {
      message:
        'must be an http(s) URL: https (plain http only for 127.0.0.1), without query, fragment or credentials, e.g. https://query2.finance.yahoo.com',
    },
  )
  .transform((v) => v.replace(/\/+$/, ''));

export const providerIdSchema = z.enum(providerIds);
export const keyedProviderIdSchema = z.enum(keyedProviders);

export const syncStartInput = z
  .object({
    /** Symbols to update; absent or empty = every cached instrument. */
    symbols: z.array(tickerSchema).max(MAX_SYNC_SYMBOLS).optional(),
    /** First session wanted; absent = from what the cache already holds (or 5 years back for a new symbol). */
    from: isoDateSchema.optional(),
    /** Last session wanted; absent = today. */
    to: isoDateSchema.optional(),
    /** Ask only this provider (no fallbacks); absent = the provider order of the settings. */
    provider: providerIdSchema.optional(),
    /** Ask even for symbols fetched after their exchange's last close (normally skipped: nothing can be new). */
    force: z.boolean().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"' });

/** `sync.start`'s input as the handler receives it (parsed: branded symbols and dates). */
export type SyncStartInput = z.output<typeof syncStartInput>;

/** `settings.updateSync`'s input as parsed: each field absent = unchanged; a base URL of null = the provider's own. */
export const syncSettingsPatch = z
  .object({
    providerOrder: z
      .array(providerIdSchema)
      .min(1)
      .max(providerIds.length)
      .refine((a) => new Set(a).size === a.length, { message: 'a provider appears twice' })
      .optional(),
    baseUrls: z.partialRecord(providerIdSchema, baseUrlSchema.nullable()).optional(),
    updateOnLaunch: z.boolean().optional(),
  })
  .strict();
export type SyncSettingsPatch = z.output<typeof syncSettingsPatch>;

/** What `sync.start` returns at once; progress follows as push events. */
export interface SyncStartResult {
  readonly runId: string;
  readonly total: number;
  readonly symbols: readonly Ticker[];
}

/** Channels of price synchronisation (the fetch worker) and its settings. */
export const syncChannels = {
  'sync.start': channel({
    doc: 'Starts a price update of some symbols (or all cached ones); progress arrives as sync.* push events. Conflict while a run is going.',
    input: syncStartInput,
    output: returns<SyncStartResult>(),
  }),
  'sync.cancel': channel({
    doc: 'Cancels the running update (in-flight requests aborted; what was committed stays). False when nothing was running.',
    input: z
      .object({ runId: z.string().max(100).optional() })
      .strict()
      .optional(),
    output: returns<{ cancelled: boolean }>(),
  }),
  'sync.status': channel({
    doc: `The running update (if any), the last finished run, and when each cached symbol was last updated (by symbol; offset/limit page the symbols, at most ${MAX_SYNC_SYMBOLS} per call).`,
    input: z.object(pageFields(MAX_SYNC_SYMBOLS)).strict().optional(),
    output: returns<SyncStatus>(),
  }),
  'settings.getSync': channel({
    doc: 'Price-update settings: provider order, base URLs, which API keys are stored, update on launch.',
    input: none,
    output: returns<SyncSettings>(),
  }),
  'settings.updateSync': channel({
    doc: "Changes price-update settings; a base URL of null restores the provider's own.",
    input: syncSettingsPatch,
    output: returns<SyncSettings>(),
  }),
  'settings.setApiKey': channel({
    doc: 'Stores (encrypted by the OS keychain) or deletes (null) the API key of a keyed provider. Without secure storage (Linux basic_text) storing is refused (unavailable, details.canKeepInMemory); keepInMemory keeps it until quit.',
    input: z
      .object({
        provider: keyedProviderIdSchema,
        key: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .regex(/^[\x21-\x7e]+$/, { message: 'an API key is printable ASCII without spaces' })
          .nullable(),
        /**
         * Keep the key in memory only, until the app quits: the choice offered when the OS has no
         * secure storage (Linux without a keyring), where storing it is refused.
         */
        keepInMemory: z.boolean().optional(),
      })
      .strict(),
    output: returns<SyncSettings>(),
  }),
} as const;

/** Push events of a run: started, one per symbol (running, then its result), finished. */
export const syncEvents = {
  'sync.started': pushEvent({
    doc: 'A price update started: its symbols and total.',
    payload: returns<SyncStartedEvent>(),
  }),
  'sync.symbol': pushEvent({
    doc: 'A symbol started (state running) or finished (updated, up-to-date or failed with a reason).',
    payload: returns<SyncSymbolEvent>(),
  }),
  'sync.finished': pushEvent({
    doc: 'A price update finished, was cancelled, or stopped offline: summary and every result.',
    payload: returns<SyncFinishedEvent>(),
  }),
} as const;
