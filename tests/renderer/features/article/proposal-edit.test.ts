import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/shared/brand';
import { proposeStudy } from '../../../../src/shared/domain/article/propose';
import {
  editEvent,
  highlight,
  removeMember,
  setMemberSymbol,
} from '../../../../src/renderer/src/features/article/proposal-edit';

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

  it('highlights the matched words in their sentence', () => {
    expect(highlight('launched in late January 2025, it', ['late January 2025'])).toEqual([
      { text: 'launched in ', match: false },
      { text: 'late January 2025', match: true },
      { text: ', it', match: false },
    ]);
  });
});
