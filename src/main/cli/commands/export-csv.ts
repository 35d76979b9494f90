import { z } from 'zod';
import { CatalystError } from '../../../shared/contract/errors';
import { csvExportSchema, csvTables } from '../../../shared/contract/export';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { UsageError } from '../command';
import { writeOutFile } from '../write-out';

const pathSchema = z.string().min(1).max(4096);

/**
 * `catalyst export csv bars SYMBOL [--from] [--to] | events [--study ID] | claims [--study ID]
 * [--bom] [--out FILE]`: a table as RFC 4180 CSV (the `export.csv` channel). Without `--out`
 * the CSV goes to stdout; with it, JSON `{table, file, bytes, rows}`.
 */
export const exportCsvCommand: Command = {
  name: 'export csv',
  summary: 'Export bars (a range or all), events or evaluated claims as CSV (RFC 4180, formula-safe)',
  usage:
    'export csv bars SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD] | events [--study ID] | claims [--study ID]  [--bom] [--out FILE]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    study: { type: 'string' },
    bom: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const table = requireArg(ctx, 0, 'TABLE', z.enum(csvTables, { message: `must be one of ${csvTables.join(', ')}` }));
    const flags = ctx.flags;
    const bom = flags.bom === true ? true : undefined;
    if (table === 'bars' && flags.study !== undefined) throw new UsageError('--study is for events and claims');
    if (table !== 'bars' && (flags.from !== undefined || flags.to !== undefined))
      throw new UsageError('--from and --to are for bars');
    const raw =
      table === 'bars'
        ? { table, symbol: requireArg(ctx, 1, 'SYMBOL'), from: flags.from, to: flags.to, bom }
        : { table, studyId: flags.study, bom };
    const parsed = csvExportSchema.safeParse(raw);
    if (!parsed.success) {
      const msg = parsed.error.issues.map((i) => `${i.path.length ? `--${String(i.path[0])}` : 'input'}: ${i.message}`);
      throw new CatalystError(
        'invalid-input',
        msg.join('; ').replace('--symbol', 'SYMBOL').replace('--studyId', '--study'),
      );
    }
    const input = parsed.data;
    const { services } = ctx.core();
    if (input.table !== 'bars' && (input.studyId ?? EMBEDDED_STUDY_ID) === EMBEDDED_STUDY_ID)
      services.seed.seedIfEmpty();
    const file = services.export.csv(input);
    const out = optionalArg(flags.out, '--out', pathSchema);
    if (!out) {
      // The CSV itself on stdout, without the BOM a terminal would show as a stray character.
      ctx.out(file.content.replace(/^\uFEFF/, '').replace(/\r\n$/, ''));
      return 0;
    }
    const { path, bytes } = writeOutFile(ctx, out, file.content);
    ctx.print(
      { table: input.table, file: path, bytes, rows: file.rows },
      () => `Wrote ${file.rows} row(s), ${bytes} bytes to ${path}`,
    );
    return 0;
  },
};
