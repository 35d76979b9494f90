import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tickerSchema } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';

/** `catalyst import-bars FILE --symbol SYMBOL`: validate every row, then write all or nothing. */
export const importBarsCommand: Command = {
  name: 'import-bars',
  summary: 'Import a daily-bars CSV (date,open,high,low,close,volume or date,close) for one symbol',
  usage: 'import-bars FILE --symbol SYMBOL',
  options: { symbol: { type: 'string' } },
  async run(ctx) {
    const file = requireArg(ctx, 0, 'FILE');
    const symbol = optionalArg(ctx.flags.symbol, '--symbol', tickerSchema);
    if (!symbol) throw new CatalystError('invalid-input', '--symbol is required');
    let text: string;
    try {
      text = readFileSync(resolve(ctx.cwd, file), 'utf8');
    } catch (e) {
      throw new CatalystError(
        'invalid-input',
        `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    const result = ctx.core().services.market.importBarsCsv(symbol, text);
    ctx.print(
      result,
      () => `${result.symbol}: ${result.rows} row(s) ${result.from} → ${result.to}, ${result.changed} new or changed`,
    );
    return 0;
  },
};
