import { resolve } from 'node:path';
import { tickerSchema } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { readBarsFile } from '../../services/market/bars-file';
import { parseDateOrder } from '../../services/market/bars-csv-values';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { UsageError } from '../command';
import { importBarsSpec } from './specs';

const DATE_ORDER_TEXT = { ymd: 'YYYY-MM-DD', mdy: 'MM/DD/YYYY', dmy: 'DD/MM/YYYY' } as const;

/**
 * `catalyst import-bars FILE --symbol SYMBOL`: detect the download's format, validate every
 * row, then write all or nothing.
 */
export const importBarsCommand: Command = {
  ...importBarsSpec,
  async run(ctx) {
    const file = requireArg(ctx, 0, 'FILE');
    const symbol = optionalArg(ctx.flags.symbol, '--symbol', tickerSchema);
    if (!symbol) throw new CatalystError('invalid-input', '--symbol is required');
    const rawOrder = ctx.flags['date-format'];
    if (rawOrder !== undefined && typeof rawOrder !== 'string') throw new UsageError('--date-format needs a value');
    const dateOrder = rawOrder === undefined ? undefined : parseDateOrder(rawOrder);
    if (dateOrder === null) {
      throw new CatalystError(
        'invalid-input',
        `--date-format: "${rawOrder}" is not one of MM/DD/YYYY, DD/MM/YYYY, YYYY-MM-DD`,
      );
    }
    const { fileName, text, encoding } = readBarsFile(resolve(ctx.cwd, file), file);
    const result = ctx.core().services.market.importBarsCsv(symbol, text, {
      fileName,
      ...(dateOrder ? { dateOrder } : {}),
      differing: ctx.flags['keep-cached'] === true ? 'keep' : 'replace',
    });
    const out = { ...result, encoding };
    ctx.print(out, () => {
      const lines = [
        `${result.symbol}: ${result.rows} row(s) ${result.from} → ${result.to}, ${result.changed} new or changed`,
        `format: ${result.formatLabel}${result.dateOrder && result.dateOrder !== 'ymd' ? `, dates ${DATE_ORDER_TEXT[result.dateOrder]}` : ''}`,
      ];
      if (result.ignoredColumns.length) lines.push(`ignored: ${result.ignoredColumns.join(', ')}`);
      if (result.skipped.length) {
        lines.push(`skipped ${result.skipped.length} row(s) without prices:`);
        for (const s of result.skipped.slice(0, 10)) lines.push(`  line ${s.line}: ${s.reason}`);
        if (result.skipped.length > 10) lines.push(`  … and ${result.skipped.length - 10} more`);
      }
      return lines.join('\n');
    });
    return 0;
  },
};
