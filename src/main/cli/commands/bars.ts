import type { Command } from '../command';
import { channelInput, requireArg, stringFlag } from '../args';
import { barsSpec } from './specs';

/** `catalyst bars SYMBOL [--from] [--to]`: cached daily bars, ascending. */
export const barsCommand: Command = {
  ...barsSpec,
  async run(ctx) {
    const { symbol, from, to } = channelInput(
      'bars.range',
      {
        symbol: requireArg(ctx, 0, 'SYMBOL'),
        from: stringFlag(ctx.flags.from, '--from'),
        to: stringFlag(ctx.flags.to, '--to'),
      },
      { symbol: 'SYMBOL', from: '--from', to: '--to' },
    );
    const bars = ctx.core().services.market.getBars(symbol, from, to);
    const rows = bars.map((b) => ({
      date: b.date,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      volume: b.volume,
    }));
    ctx.print(rows, () =>
      [
        'date        open        high        low         close       volume',
        ...rows.map((r) =>
          [r.date, r.open, r.high, r.low, r.close, r.volume]
            .map((v) => String(v ?? '-').padEnd(11))
            .join(' ')
            .trimEnd(),
        ),
        `${rows.length} bar(s)`,
      ].join('\n'),
    );
    return 0;
  },
};
