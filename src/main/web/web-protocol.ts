import { z } from 'zod';

/**
 * The messages of the browser bridge's WebSocket (`npm run web`). A request names a contract
 * channel and carries its raw input (the router validates it, as for IPC); the answer carries
 * the router's envelope; push events travel unrequested.
 */
export const webRequestSchema = z
  .object({
    t: z.literal('invoke'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    channel: z.string().min(1).max(100),
    input: z.unknown().optional(),
  })
  .strict();

export type WebRequest = z.infer<typeof webRequestSchema>;

export type WebMessage =
  | { readonly t: 'result'; readonly id: number; readonly envelope: unknown }
  | { readonly t: 'push'; readonly event: string; readonly payload: unknown };

/** The largest message accepted from the page: a bars CSV import (20 MiB) as JSON text, with room. */
export const MAX_WEB_MESSAGE_BYTES = 48 * 1024 * 1024;
