import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { tickerSchema } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import {
  MAX_STUDY_FILE_CHARS,
  studyCreateSchema,
  studyImportSchema,
  type StudyImportPreview,
} from '../../../shared/contract/study-files';
import { slugSchema } from '../../../shared/domain/study-event';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { writeOutFile } from '../write-out';
import { studyExportSpec, studyImportSpec, studyCreateSpec } from './specs';

const pathSchema = z.string().min(1).max(4096);

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('\n');
}

function previewTable(p: StudyImportPreview): string {
  const lines = p.items.map((i) => {
    const to = i.newId ? ` → ${i.newId}` : '';
    const why = i.detail ? `  (${i.detail})` : '';
    return `  ${i.status.padEnd(8)} ${i.action.padEnd(11)} ${i.kind.padEnd(6)} ${i.id}${to}${why}`;
  });
  return lines.join('\n');
}

/** `catalyst study export ID --out FILE`: a stored study as a `.catalyst.json` file. */
export const studyExportCommand: Command = {
  ...studyExportSpec,
  async run(ctx) {
    const id = requireArg(ctx, 0, 'ID', slugSchema);
    const { services } = ctx.core();
    if (id === EMBEDDED_STUDY_ID) services.seed.seedIfEmpty();
    const file = services.studyFiles.exportStudy(id);
    const out = optionalArg(ctx.flags.out, '--out', pathSchema);
    if (!out) {
      ctx.out(file.content.replace(/\n$/, ''));
      return 0;
    }
    const { path, bytes } = writeOutFile(ctx, out, file.content);
    ctx.print({ studyId: id, file: path, bytes }, () => `Wrote study "${id}" (${bytes} bytes) to ${path}`);
    return 0;
  },
};

/** `catalyst study import FILE [--merge] [--dry-run]`: preview, then import without overwriting anything. */
export const studyImportCommand: Command = {
  ...studyImportSpec,
  async run(ctx) {
    const name = requireArg(ctx, 0, 'FILE');
    const path = resolve(ctx.cwd, name);
    let text: string;
    try {
      if (statSync(path).size > MAX_STUDY_FILE_CHARS * 4)
        throw new CatalystError('invalid-input', `${name} is too large for a study file`);
      text = readFileSync(path, 'utf8');
    } catch (e) {
      if (e instanceof CatalystError) throw e;
      throw new CatalystError(
        'invalid-input',
        `cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    const input = studyImportSchema.safeParse({ text, fileName: name, mode: ctx.flags.merge ? 'merge' : undefined });
    if (!input.success) throw new CatalystError('invalid-input', `${name}: ${issues(input.error)}`);
    const { services } = ctx.core();
    const dryRun = ctx.flags['dry-run'] === true;
    const options = { mode: input.data.mode };
    const result = dryRun
      ? { ...services.studyFiles.preview(input.data.text, options), study: null }
      : services.studyFiles.import(input.data.text, options);
    ctx.print({ ...result, dryRun }, () => {
      const c = result.counts;
      const what =
        result.target === 'unchanged'
          ? `study "${result.studyId}" is already here, identical: nothing to import`
          : `${dryRun ? 'would import' : 'imported'} as ${result.target === 'copy' ? `a copy, "${result.studyId}"` : result.target === 'merge' ? `additions to "${result.studyId}"` : `"${result.studyId}"`}: ${c.written} row(s)`;
      return `${previewTable(result)}\n${c.new} new, ${c.exists} already there, ${c.conflict} conflict(s); ${what}${dryRun ? ' (dry run: nothing written)' : ''}`;
    });
    return 0;
  },
};

const listSchema = z
  .string()
  .max(4000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(tickerSchema).max(200));

/** `catalyst study create --title T --source-title S [--author] [--url] --subjects A,B [--benchmarks C]`. */
export const studyCreateCommand: Command = {
  ...studyCreateSpec,
  async run(ctx) {
    const f = ctx.flags as Record<string, string | undefined>;
    const subjects = optionalArg(f.subjects, '--subjects', listSchema) ?? [];
    const benchmarks = optionalArg(f.benchmarks, '--benchmarks', listSchema) ?? [];
    const input = studyCreateSchema.safeParse({
      title: f.title,
      id: f.id,
      source: {
        title: f['source-title'],
        author: f.author,
        publication: f.publication,
        url: f.url,
        published: f.published,
      },
      universe: [
        ...subjects.map((symbol) => ({ symbol, role: 'subject' })),
        ...benchmarks.map((symbol) => ({ symbol, role: 'benchmark' })),
      ],
    });
    if (!input.success)
      throw new CatalystError('invalid-input', issues(input.error).replace(/^source\.title/m, '--source-title'));
    const study = ctx.core().services.studyFiles.create(input.data);
    ctx.print(
      study,
      () =>
        `Created study "${study.id}": ${study.title} (${study.subjects} subject(s), ${study.benchmarks} benchmark(s))`,
    );
    return 0;
  },
};
