import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/shared/brand';
import { proposeStudy } from '../../../../src/shared/domain/article/propose';
import { proposalToStudyFile } from '../../../../src/shared/domain/article/to-study-file';
import { studyFileSchema } from '../../../../src/shared/domain/study';
import { RESOURCES } from '../shipped-data';

const ARTICLE = readFileSync(join(RESOURCES, 'articles', 'article-china-tech-2025.txt'), 'utf8');

describe('proposal → study file', () => {
  it('gives a valid study file with the dated events, evaluable and not-checkable claims, the rest kept in the description', () => {
    const p = proposeStudy({ content: ARTICLE, fileName: 'a.txt', date: '2025-03-14' as IsoDate });
    const { file, left } = proposalToStudyFile(p);
    const parsed = studyFileSchema.parse(file);
    expect(parsed.id).toBe('why-china-tech-stocks-are-up-30-in-2025');
    expect(parsed.source).toMatchObject({
      title: 'Why China tech stocks are up 30% in 2025',
      author: 'Wang Choon Leo, CFA',
      published: '2025-03-14',
    });
    expect(parsed.universe).toHaveLength(11);
    // Without a library, Qwen2.5-Max and BYD's record are undated: not saved, and their claims wait in the description.
    expect(parsed.events.map((e) => [e.date, e.approximate, e.approxNote ?? null, e.window ?? null])).toEqual([
      ['2025-02-01', true, 'February 2025 (1 Feb 2025 – 28 Feb 2025)', { from: '2025-02-01', to: '2025-02-28' }],
      ['2025-01-20', true, 'late January 2025 (20 Jan 2025 – 31 Jan 2025)', { from: '2025-01-20', to: '2025-01-31' }],
    ]);
    // The P/E ratios are a claim of the study, not checkable from prices, with the reason (as in the embedded study).
    expect(parsed.claims.map((c) => c.metric.kind)).toEqual(['ytd-return-range', 'gain-over-period', 'not-checkable']);
    expect(parsed.claims[2]).toMatchObject({
      symbols: ['^HSI', '000001.SS', '^GSPC'],
      metric: { reason: expect.stringContaining('“P/E” is a valuation ratio') },
    });
    // Claims whose event has no date wait in the description with the reason.
    expect(parsed.description).toContain('Not checked from prices:');
    expect(parsed.description).toContain('Needs the date of the event');
    expect(left.filter((l) => l.startsWith('Event'))).toHaveLength(2);
  });

  it('keeps linked events with their library date and the claims that need them', () => {
    const library = [
      {
        studyId: 's',
        id: 'qwen25-max-release',
        title: 'Alibaba releases Qwen2.5-Max',
        date: '2025-01-28' as IsoDate,
        symbols: [],
      },
    ];
    const p = proposeStudy({ content: ARTICLE, fileName: 'a.txt', date: '2025-03-14' as IsoDate, library });
    const parsed = studyFileSchema.parse(proposalToStudyFile(p).file);
    const qwen = parsed.events.find((e) => e.date === '2025-01-28')!;
    expect(qwen).toMatchObject({ approximate: false, summary: expect.stringContaining('qwen25-max-release') });
    expect(parsed.claims.find((c) => c.metric.kind === 'max-gain-within-days')!.metric).toMatchObject({
      event: qwen.id,
    });
  });

  it('leaves out ambiguous names without a choice, and says so', () => {
    const p = proposeStudy({ content: 'Google rose 5% on 3 March 2025 while Apple fell.', fileName: null });
    const { file, left } = proposalToStudyFile(p, { title: 'Test' });
    expect(studyFileSchema.parse(file).universe.map((u) => u.symbol)).toEqual(['AAPL']);
    expect(left[0]).toContain('ambiguous: GOOGL, GOOG');
  });
});
