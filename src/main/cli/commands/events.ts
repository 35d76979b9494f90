import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import { eventDateLabel } from '../../../shared/domain/study-event';
import { channelInput, stringFlag } from '../args';
import type { Command } from '../command';
import { eventsSpec } from './specs';

/**
 * `catalyst events [--study ID] [--symbol S] [--category C]`: a study's events, ascending.
 * JSON: `[{id, date, time, timezone, title, category, symbols, approximate, approxNote, t0,
 * source: {kind, quote, url}}]` (documented in docs/cli.md).
 */
export const eventsCommand: Command = {
  ...eventsSpec,
  async run(ctx) {
    const query = channelInput(
      'events.list',
      {
        studyId: stringFlag(ctx.flags.study, '--study') ?? EMBEDDED_STUDY_ID,
        symbol: stringFlag(ctx.flags.symbol, '--symbol'),
        category: stringFlag(ctx.flags.category, '--category'),
      },
      { studyId: '--study', symbol: '--symbol', category: '--category' },
    );
    const { studyId, symbol } = query ?? {};
    const { services } = ctx.core();
    if (studyId === EMBEDDED_STUDY_ID) services.seed.seedIfEmpty();
    const events = services.study.listEvents(query ?? {});
    const json = events.map((e) => ({
      id: e.id,
      date: e.date,
      time: e.time,
      timezone: e.timezone,
      title: e.title,
      category: e.category,
      symbols: e.symbols,
      approximate: e.approximate,
      approxNote: e.approxNote,
      t0: e.t0,
      source: { kind: e.source.kind, quote: e.source.quote, url: e.source.url },
    }));
    ctx.print(json, () =>
      [
        ...events.map((e) => {
          const when = eventDateLabel(e);
          const t0 = symbol ? `  T0 ${symbol} ${e.t0[symbol] ?? '—'}` : '';
          return `${when.padEnd(12)}  ${e.category.padEnd(9)}  ${e.title}  [${e.id}]${t0}`;
        }),
        `${events.length} event(s)`,
      ].join('\n'),
    );
    return 0;
  },
};
