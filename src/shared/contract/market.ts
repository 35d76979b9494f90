import { z } from 'zod';
import { isoDateSchema, tickerSchema } from '../brand';
import type { Bar } from '../domain/bar';
import type { Instrument, InstrumentSummary } from '../domain/instrument';
import { channel, returns } from './define';

const none = z.undefined();

/** Channels of the price cache: instruments and their daily bars. */
export const marketChannels = {
  'instruments.list': channel({
    doc: 'Every cached instrument with a summary of its bars, sorted by symbol.',
    input: none,
    output: returns<InstrumentSummary[]>(),
  }),
  'instruments.get': channel({
    doc: 'One instrument by symbol (not-found when it is not cached).',
    input: z.object({ symbol: tickerSchema }).strict(),
    output: returns<Instrument>(),
  }),
  'bars.range': channel({
    doc: 'Daily bars of a symbol, ascending by date, optionally limited to [from, to] inclusive.',
    input: z
      .object({ symbol: tickerSchema, from: isoDateSchema.optional(), to: isoDateSchema.optional() })
      .strict()
      .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"' }),
    output: returns<Bar[]>(),
  }),
} as const;
