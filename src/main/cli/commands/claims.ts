import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import { formatPct } from '../../../shared/domain/claims';
import { channelInput, stringFlag } from '../args';
import type { Command } from '../command';
import { claimsSpec } from './specs';

/**
 * `catalyst claims [--study ID]`: the study's claims evaluated on the cache.
 * JSON: `[{id, text, quote, results: [{symbol, value, verdict, from, to, base, end, note, detail}]}]`
 * (documented in docs/cli.md); `value` is a fraction, 0.25 = +25%.
 */
export const claimsCommand: Command = {
  ...claimsSpec,
  async run(ctx) {
    const studyId =
      channelInput('claims.evaluate', { studyId: stringFlag(ctx.flags.study, '--study') }, { studyId: '--study' })
        ?.studyId ?? EMBEDDED_STUDY_ID;
    const { services } = ctx.core();
    // First use of a fresh database: the embedded study is seeded as on the app's first launch.
    if (studyId === EMBEDDED_STUDY_ID) services.seed.seedIfEmpty();
    const evaluations = services.claims.evaluate(studyId);
    const json = evaluations.map((c) => ({
      id: c.id,
      text: c.text,
      quote: c.quote,
      results: c.results.map((r) => ({
        symbol: r.symbol,
        value: r.value,
        verdict: r.verdict,
        from: r.from,
        to: r.to,
        base: r.base,
        end: r.end,
        note: r.note,
        detail: r.detail,
      })),
    }));
    ctx.print(json, () =>
      evaluations
        .map((c) =>
          [
            `${c.id}: “${c.text}”`,
            ...c.results.map(
              (r) =>
                `  ${r.symbol.padEnd(10)} ${(r.value === null ? '—' : formatPct(r.value)).padStart(8)}  ${r.verdict.padEnd(15)} ` +
                `${r.from ?? '—'} → ${r.to ?? '—'}\n    ${r.note}`,
            ),
          ].join('\n'),
        )
        .join('\n\n'),
    );
    return 0;
  },
};
