import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/shared/brand';
import { proposeStudy } from '../../../../src/shared/domain/article/propose';
import {
  claimProblem,
  claimedFraction,
  editClaim,
  editEvent,
  highlight,
  metricOfKind,
  removeMember,
  setMemberSymbol,
  toggleClaimSymbol,
} from '../../../../src/renderer/src/features/article/proposal-edit';
import { proposalToStudyFile } from '../../../../src/shared/domain/article/to-study-file';
import { studyFileSchema } from '../../../../src/shared/domain/study';
import type { Ticker } from '../../../../src/shared/brand';

const ARTICLE = readFileSync(
  join(resolve(import.meta.dirname, '..', '..', '..', '..'), 'resources', 'articles', 'article-china-tech-2025.txt'),
  'utf8',
);
const proposal = proposeStudy({ content: ARTICLE, fileName: 'a.txt', date: '2025-03-14' as IsoDate });

describe('editing a proposal', () => {
  it('changing a ticker follows through events and claims', () => {
    const i = proposal.universe.findIndex((u) => u.symbol === 'BABA');
    const p = setMemberSymbol(proposal, i, 'baba.f');
    expect(p.universe[i]!.symbol).toBe('BABA.F');
    expect(p.claims.flatMap((c) => c.symbols)).not.toContain('BABA');
    expect(p.claims.find((c) => c.rule === 'gains-named')!.symbols).toContain('BABA.F');
    expect(setMemberSymbol(proposal, i, 'not a symbol!')).toBe(proposal);
  });

  it('removing a member removes it from events and claims', () => {
    const i = proposal.universe.findIndex((u) => u.symbol === 'HSTECH.HK');
    const p = removeMember(proposal, i);
    expect(p.universe.map((u) => u.symbol)).not.toContain('HSTECH.HK');
    expect(p.events.flatMap((e) => e.symbols)).not.toContain('HSTECH.HK');
    expect(p.claims.find((c) => c.rule === 'pct-ytd')!.symbols).toEqual([]);
  });

  it('a date the user types makes the event a day; clearing it makes it undated', () => {
    const id = proposal.events[0]!.id;
    const p = editEvent(proposal, id, { date: '2025-02-17' });
    expect(p.events[0]).toMatchObject({
      date: '2025-02-17',
      precision: 'day',
      range: { from: '2025-02-17', to: '2025-02-17' },
    });
    expect(editEvent(p, id, { date: '' }).events[0]).toMatchObject({ date: null, precision: 'undated', range: null });
  });

  it('a claim’s threshold, window and symbols set in the preview are what the study file saves', () => {
    const lib = proposeStudy({
      content: ARTICLE,
      fileName: 'a.txt',
      date: '2025-03-14' as IsoDate,
      library: [
        {
          studyId: 's',
          id: 'qwen25-max-release',
          title: 'Alibaba releases Qwen2.5-Max',
          date: '2025-01-28' as IsoDate,
          symbols: [],
        },
      ],
    });
    const ali = lib.claims.find((c) => c.rule === 'pct-within-after-event')!;
    expect(ali.metric).toMatchObject({ kind: 'max-gain-within-days', days: 30, holds: { above: 0.5 } });
    let p = editClaim(lib, ali.id, {
      metric: { ...(ali.metric as never as object), days: 20, holds: { above: 0.6 } } as never,
    });
    p = toggleClaimSymbol(p, ali.id, 'BABA' as Ticker);
    const edited = p.claims.find((c) => c.id === ali.id)!;
    // The borderline (45%) stays below the new threshold; the sentence stays as the evidence.
    expect(edited).toMatchObject({ edited: true, checkable: true, reason: null, symbols: ['9988.HK'] });
    expect(edited.metric).toMatchObject({ days: 20, holds: { above: 0.6 }, borderline: { above: 0.45 } });
    expect(edited.quote).toBe(ali.quote);
    expect(claimProblem(p, edited)).toBeNull();
    const saved = studyFileSchema.parse(proposalToStudyFile(p).file).claims.find((c) => c.id === ali.id)!;
    expect(saved).toMatchObject({
      symbols: ['9988.HK'],
      metric: { kind: 'max-gain-within-days', days: 20, holds: { above: 0.6 } },
      note: expect.stringContaining('set by you'),
    });
    // A threshold below the borderline pulls the borderline down with it (the file's rule).
    const lower = editClaim(p, ali.id, {
      metric: { ...(edited.metric as never as object), holds: { above: 0.3 } } as never,
    });
    expect(lower.claims.find((c) => c.id === ali.id)!.metric).toMatchObject({ borderline: { above: 0.3 } });
  });

  it('says what stops an edited claim from being saved', () => {
    const ytd = proposal.claims.find((c) => c.rule === 'pct-ytd')!;
    const m = ytd.metric as { from: IsoDate; to: IsoDate };
    const backwards = editClaim(proposal, ytd.id, {
      metric: { ...(ytd.metric as never as object), from: m.to, to: m.from } as never,
    });
    expect(
      claimProblem(
        backwards,
        backwards.claims.find((c) => c.id === ytd.id)!,
      ),
    ).toMatch(/"from" must not be after "to"/);
    const noSymbols = toggleClaimSymbol(proposal, ytd.id, 'HSTECH.HK' as Ticker);
    expect(
      claimProblem(
        noSymbols,
        noSymbols.claims.find((c) => c.id === ytd.id)!,
      ),
    ).toMatch(/at least one symbol/);
    // Without the library Qwen2.5-Max is undated: the claim measured from it, as proposed, does not block
    // saving (it waits in the description); once the user edits it, its event must be dated.
    const ali = proposal.claims.find((c) => c.rule === 'pct-within-after-event')!;
    expect(ali.metric).toMatchObject({ kind: 'max-gain-within-days' });
    expect(claimProblem(proposal, ali)).toBeNull();
    const edited = editClaim(proposal, ali.id, { metric: { ...(ali.metric as never as object), days: 25 } as never });
    expect(
      claimProblem(
        edited,
        edited.claims.find((c) => c.id === ali.id)!,
      ),
    ).toMatch(/no date/);
    const dated = editEvent(edited, (ali.metric as { event: string }).event, { date: '2025-01-28' });
    expect(
      claimProblem(
        dated,
        dated.claims.find((c) => c.id === ali.id)!,
      ),
    ).toBeNull();
  });

  it('a claim without a period gets dates from the article when the user picks how to measure it', () => {
    const p = proposeStudy({
      content: 'Xiaomi shares rose 8% as buyers returned.',
      fileName: null,
      date: '2025-03-14' as IsoDate,
    });
    const c = p.claims.find((x) => x.rule === 'pct-no-period')!;
    expect(claimedFraction(c)).toBe(0.08);
    expect(metricOfKind(p, c, 'gain-over-period')).toEqual({
      kind: 'gain-over-period',
      from: '2025-01-01',
      to: '2025-03-14',
      holds: { above: 0.08 },
    });
    expect(metricOfKind(p, c, 'ytd-return-range')).toMatchObject({ target: 0.08, holds: { min: 0.07, max: 0.09 } });
    // No dated event in this text: nothing to measure a window from.
    expect(metricOfKind(p, c, 'max-gain-within-days')).toBeNull();
    const q = editClaim(p, c.id, { metric: metricOfKind(p, c, 'gain-over-period')! });
    const file = studyFileSchema.parse(proposalToStudyFile(q, { title: 'T' }).file);
    expect(file.claims).toEqual([
      expect.objectContaining({ id: c.id, metric: expect.objectContaining({ holds: { above: 0.08 } }) }),
    ]);
  });

  it('a claim marked not checkable is saved with its reason; one the user makes checkable is evaluated', () => {
    const pe = proposal.claims.find((c) => !c.checkable)!;
    const saved = studyFileSchema.parse(proposalToStudyFile(proposal).file).claims.find((c) => c.id === pe.id)!;
    expect(saved.metric).toEqual({ kind: 'not-checkable', reason: pe.reason });
    const ytd = proposal.claims.find((c) => c.rule === 'pct-ytd')!;
    const p = editClaim(proposal, ytd.id, { metric: metricOfKind(proposal, ytd, 'not-checkable')! });
    expect(p.claims.find((c) => c.id === ytd.id)).toMatchObject({ checkable: false, reason: expect.any(String) });
  });

  it('highlights the matched words in their sentence', () => {
    expect(highlight('launched in late January 2025, it', ['late January 2025'])).toEqual([
      { text: 'launched in ', match: false },
      { text: 'late January 2025', match: true },
      { text: ', it', match: false },
    ]);
  });
});
