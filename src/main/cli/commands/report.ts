import { z } from 'zod';
import { CatalystError } from '../../../shared/contract/errors';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import { NO_CHARTS_NOTE } from '../../../shared/domain/report/study-report';
import { slugSchema } from '../../../shared/domain/study-event';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { writeOutFile } from '../write-out';
import { reportSpec } from './specs';

/**
 * `catalyst report ID --format html|md [--event EVENT] [--page a4|letter] [--out FILE]`: the
 * study's report without chart images (no renderer here; the output says so).
 */
export const reportCommand: Command = {
  ...reportSpec,
  async run(ctx) {
    const studyId = requireArg(ctx, 0, 'ID', slugSchema);
    const format = optionalArg(ctx.flags.format, '--format', z.enum(['html', 'md'], { message: 'must be html or md' }));
    if (!format) throw new CatalystError('invalid-input', '--format is required: html or md');
    const eventId = optionalArg(ctx.flags.event, '--event', z.string().min(1).max(200));
    const page = optionalArg(ctx.flags.page, '--page', z.enum(['a4', 'letter'], { message: 'must be a4 or letter' }));
    const out = optionalArg(ctx.flags.out, '--out', z.string().min(1).max(4096));
    const { services } = ctx.core();
    if (studyId === EMBEDDED_STUDY_ID) services.seed.seedIfEmpty();
    const file = await services.export.report({
      studyId,
      format,
      eventId,
      pageSize: page === 'letter' ? 'Letter' : 'A4',
    });
    if (!out) {
      ctx.out(file.content.replace(/\n$/, ''));
      ctx.err(`note: ${NO_CHARTS_NOTE}`);
      return 0;
    }
    const { path, bytes } = writeOutFile(ctx, out, file.content);
    ctx.print(
      { studyId, eventId: eventId ?? null, format, file: path, bytes, charts: false, note: NO_CHARTS_NOTE },
      () =>
        `Wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report of "${studyId}" (${bytes} bytes) to ${path}\nnote: ${NO_CHARTS_NOTE}`,
    );
    return 0;
  },
};
