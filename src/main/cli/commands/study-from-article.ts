import { resolve } from 'node:path';
import { isoDateSchema } from '../../../shared/brand';
import { articleProposeInputSchema } from '../../../shared/contract/article';
import { proposalToStudyFile } from '../../../shared/domain/article/to-study-file';
import type { ArticleProposal } from '../../../shared/domain/article/types';
import { ArticleService } from '../../services/article/article-service';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { UsageError } from '../command';
import { studyFromArticleSpec } from './specs';

/** The study import service (`catalyst study import`) as this command uses it. */
interface StudyImporter {
  import(
    text: string,
    options: { mode: 'copy' },
  ): { studyId: string; title: string; target: string; counts: Readonly<Record<string, number>> };
}

/** The proposal as text: one line per member, event and claim, with what the user must look at. */
export function proposalText(p: ArticleProposal): string {
  const s = p.source;
  const lines = [
    `“${s.title ?? '(no title)'}”${s.author ? ` by ${s.author}` : ''}${s.publication ? `, ${s.publication}` : ''} — ${s.date ?? 'date unknown'} (${s.origins.date})`,
    '',
    `Universe (${p.universe.length})`,
    ...p.universe.map(
      (u) =>
        `  ${(u.symbol ?? `? ${u.candidates.map((c) => c.symbol).join(' | ')}`).padEnd(12)} ${u.role.padEnd(9)} ${u.kind.padEnd(9)} ← ${u.words.map((w) => `“${w}”`).join(', ')}`,
    ),
    '',
    `Events (${p.events.length})`,
    ...p.events.map(
      (e) =>
        `  ${(e.date ?? 'undated').padEnd(10)} ${e.precision.padEnd(8)} ${e.category.padEnd(9)} ${e.title}` +
        (e.range && e.precision !== 'day' ? `  [${e.range.from} … ${e.range.to}]` : '') +
        (e.dateText ? `  ← “${e.dateText}”` : '') +
        (e.link ? `  (library: ${e.link.eventId})` : ''),
    ),
    '',
    `Claims (${p.claims.length})`,
    ...p.claims.map(
      (c) =>
        `  ${c.checkable ? (c.metric && !('pct' in c.metric) ? c.metric.kind : 'pending') : 'not checkable'}: “${c.text}” [${c.symbols.join(', ')}]` +
        (c.reason ? `\n      ${c.reason}` : ''),
    ),
  ];
  if (p.warnings.length) lines.push('', ...p.warnings.map((w) => `! ${w}`));
  return lines.join('\n');
}

/**
 * `catalyst study from-article FILE [--date YYYY-MM-DD] [--dry-run]`: reads an article (txt,
 * md, html) and prints the proposed study. JSON: the proposal
 * `{source, universe:[{symbol, words, role, …}], events:[{date, precision, quote, symbols,
 * category, …}], claims:[{quote, metric, symbols, checkable, reason, …}], warnings}` (docs/cli.md);
 * without `--dry-run` the study is saved through the study import path and `saved` is added.
 */
export const studyFromArticleCommand: Command = {
  ...studyFromArticleSpec,
  async run(ctx) {
    const file = resolve(ctx.cwd, requireArg(ctx, 0, 'FILE'));
    const date = optionalArg(ctx.flags.date, '--date', isoDateSchema);
    const dryRun = ctx.flags['dry-run'] === true;
    const { content, fileName } = await ArticleService.readFile(file);
    const input = articleProposeInputSchema.parse({ content, fileName, ...(date ? { date } : {}) });
    const { services } = ctx.core();
    // First use of a fresh database: the embedded study is seeded as on the app's first launch,
    // so its events are in the library that undated mentions are linked to.
    services.seed.seedIfEmpty();
    const proposal = services.article.propose(input);
    if (dryRun) {
      ctx.print(proposal, () => proposalText(proposal));
      return 0;
    }
    // Saved through the study import path, like a shared study file: a study with the same id
    // is never overwritten (the new one becomes a copy).
    const { file: studyFile, left } = proposalToStudyFile(proposal);
    // The study-files feature's import service; a build without it says so (never a second writer).
    const studyFiles = (services as unknown as { studyFiles?: StudyImporter }).studyFiles;
    if (!studyFiles)
      throw new UsageError('saving needs the study import path, which this build does not have yet: add --dry-run');
    const result = studyFiles.import(JSON.stringify(studyFile), { mode: 'copy' });
    const saved = { studyId: result.studyId, title: result.title, target: result.target, counts: result.counts, left };
    ctx.print({ ...proposal, saved }, () =>
      [
        proposalText(proposal),
        '',
        `Saved as study “${result.title}” (${result.studyId}${result.target === 'copy' ? ', a copy: that id was taken' : ''}).`,
        ...left.map((l) => `- ${l}`),
      ].join('\n'),
    );
    return 0;
  },
};
