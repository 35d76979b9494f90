import { z } from 'zod';
import { isoDateSchema, tickerSchema } from '../brand';
import { MAX_BARS_PER_RANGE, type BarColumns } from '../domain/bar-columns';
import type { Instrument, InstrumentSummary } from '../domain/instrument';
import { channel, returns } from './define';
import { pageDoc, pageFields } from './page';

/** The most instruments one `instruments.list` call returns (a large cache is a few thousand). */
export const MAX_INSTRUMENTS_PAGE = 5000;

/** Channels of the price cache: instruments and their daily bars. */
export const marketChannels = {
  'instruments.list': channel({
    doc: `Cached instruments with a summary of their bars, sorted by symbol. ${pageDoc(MAX_INSTRUMENTS_PAGE)}`,
    input: z.object(pageFields(MAX_INSTRUMENTS_PAGE)).strict().optional(),
    output: returns<InstrumentSummary[]>(),
  }),
  'instruments.get': channel({
    doc: 'One instrument by symbol (not-found when it is not cached).',
    input: z.object({ symbol: tickerSchema }).strict(),
    output: returns<Instrument>(),
  }),
  'bars.range': channel({
    doc: `Daily bars of a symbol, ascending by date, optionally limited to [from, to] inclusive, as typed arrays by column (BarColumns: days since 1970-01-01, prices as Float64Array with NaN for missing, flags as Uint8Array). At most ${MAX_BARS_PER_RANGE} sessions: a longer range returns its newest ones with truncated: true.`,
    input: z
      .object({ symbol: tickerSchema, from: isoDateSchema.optional(), to: isoDateSchema.optional() })
      .strict()
      .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"' }),
    output: returns<BarColumns>(),
  }),
} as const;
