import { z } from 'zod';
import { CatalystError } from '../../../shared/contract/errors';
import { csvExportSchema, csvTables } from '../../../shared/contract/export';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import { parseWindow } from '../../../shared/domain/event-study';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { UsageError } from '../command';
import { writeOutFile } from '../write-out';
import { exportCsvSpec } from './specs';

const pathSchema = z.string().min(1).max(4096);

/** `-5:-1,0:5` → windows (the schema checks the count). */
function windowsFlag(raw: unknown): Array<[number, number]> | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new UsageError('--windows needs a value');
  return raw
    .split(',')
    .filter((p) => p.trim())
    .map((p) => {
      const w = parseWindow(p);
      if (!w)
        throw new CatalystError(
          'invalid-input',
          `--windows: "${p}" is not a window a:b of sessions around T0 (a ≤ b, each within ±250), e.g. -5:-1`,
        );
      return [w[0], w[1]];
    });
}

/** `EVENT_ID` or `YYYY-MM-DD` → a comparison anchor. */
function anchorFlag(raw: unknown): { eventId: string } | { date: string } {
  if (typeof raw !== 'string' || !raw.trim()) throw new UsageError('compare needs --anchor EVENT_ID|YYYY-MM-DD');
  const a = raw.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(a) ? { date: a } : { eventId: a };
}

const listFlag = (raw: unknown, name: string): string[] => {
  if (typeof raw !== 'string') throw new UsageError(`${name} needs a value: A,B`);
  return raw
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
};

/** The flags each table takes (besides --bom and --out). */
const TABLE_FLAGS: Record<(typeof csvTables)[number], readonly string[]> = {
  bars: ['from', 'to'],
  events: ['study'],
  claims: ['study'],
  'event-study': ['study', 'event', 'windows', 'benchmark'],
  compare: ['symbols', 'anchor', 'from', 'to', 'currency'],
};

/**
 * `catalyst export csv bars SYMBOL [--from] [--to] | events [--study ID] | claims [--study ID]
 * | event-study [--study ID | --event ID] [--windows a:b,…] [--benchmark SYM]
 * | compare --symbols A,B --anchor EVENT_ID|DATE [--from] [--to] [--currency CCY]  [--bom] [--out FILE]`: a table
 * as RFC 4180 CSV (the `export.csv` channel). Without `--out` the CSV goes to stdout; with it,
 * JSON `{table, file, bytes, rows}`.
 */
export const exportCsvCommand: Command = {
  ...exportCsvSpec,
  async run(ctx) {
    const named = requireArg(
      ctx,
      0,
      'TABLE',
      z.enum([...csvTables, 'study'], { message: `must be one of ${csvTables.join(', ')}` }),
    );
    // `study` (the issue's name for a study's results table) is the event study.
    const table = named === 'study' ? 'event-study' : named;
    const flags = ctx.flags;
    const bom = flags.bom === true ? true : undefined;
    for (const name of ['from', 'to', 'study', 'event', 'windows', 'benchmark', 'symbols', 'anchor', 'currency'])
      if (flags[name] !== undefined && !TABLE_FLAGS[table].includes(name))
        throw new UsageError(
          `--${name} is for ${csvTables.filter((t) => TABLE_FLAGS[t].includes(name)).join(' and ')}`,
        );
    let raw: Record<string, unknown>;
    switch (table) {
      case 'bars':
        raw = { table, symbol: requireArg(ctx, 1, 'SYMBOL'), from: flags.from, to: flags.to, bom };
        break;
      case 'event-study':
        raw = {
          table,
          studyId: flags.study,
          eventId: flags.event,
          windows: windowsFlag(flags.windows),
          benchmark: flags.benchmark,
          bom,
        };
        break;
      case 'compare':
        if (flags.symbols === undefined) throw new UsageError('compare needs --symbols A,B');
        raw = {
          table,
          symbols: listFlag(flags.symbols, '--symbols'),
          anchor: anchorFlag(flags.anchor),
          from: flags.from,
          to: flags.to,
          currency: flags.currency,
          bom,
        };
        break;
      default:
        raw = { table, studyId: flags.study, bom };
    }
    const parsed = csvExportSchema.safeParse(raw);
    if (!parsed.success) {
      const msg = parsed.error.issues.map((i) => `${i.path.length ? `--${String(i.path[0])}` : 'input'}: ${i.message}`);
      throw new CatalystError(
        'invalid-input',
        msg.join('; ').replace('--symbol:', 'SYMBOL:').replace('--studyId', '--study').replace('--eventId', '--event'),
      );
    }
    const input = parsed.data;
    const { services } = ctx.core();
    const studyOf = 'studyId' in input ? input.studyId : undefined;
    if (
      (input.table === 'events' || input.table === 'claims' || input.table === 'event-study') &&
      !(input.table === 'event-study' && input.eventId) &&
      (studyOf ?? EMBEDDED_STUDY_ID) === EMBEDDED_STUDY_ID
    )
      services.seed.seedIfEmpty();
    const file = await services.export.csv(input);
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
