import type { SeedReport } from '../../services/study/seed-service';
import type { Command } from '../command';
import { seedSpec } from './specs';

function describe(r: SeedReport): string {
  const lines = [`study ${r.studyId} (revision ${r.revision}): ${r.study}`];
  lines.push(
    `instruments: ${r.instruments.inserted.length} inserted${r.instruments.inserted.length ? ` (${r.instruments.inserted.join(', ')})` : ''}, ` +
      `${r.instruments.updated.length} updated${r.instruments.updated.length ? ` (${r.instruments.updated.join(', ')})` : ''}`,
  );
  const per = Object.entries(r.bars.bySymbol)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`);
  lines.push(
    `bars: ${r.bars.inserted} inserted${per.length ? ` (${per.join(', ')})` : ''}; cached bars are never overwritten`,
  );
  lines.push(
    `events: ${r.events.inserted} inserted, ${r.events.removed} replaced${r.events.skipped.length ? `, kept the user's ${r.events.skipped.join(', ')}` : ''}`,
  );
  lines.push(`claims: ${r.claims.inserted} inserted, ${r.claims.removed} replaced`);
  lines.push(r.changed ? 'done' : 'nothing to do: already seeded');
  return lines.join('\n');
}

/**
 * `catalyst seed`: imports the embedded study, its instruments and bars from the shipped
 * resources in one transaction. Idempotent: a second run writes nothing.
 */
export const seedCommand: Command = {
  ...seedSpec,
  async run(ctx) {
    const seed = ctx.core().services.seed;
    // If opening the database already seeded it (first launch), report that run.
    const report = seed.takeFirstLaunchReport() ?? seed.seed();
    ctx.print(report, () => describe(report));
    return 0;
  },
};
