import { describe, expect, it } from 'vitest';
import type { StudyEvent } from '../../../../src/shared/domain/study-event';
import {
  eventQuote,
  eventsCountLine,
  hostOf,
  sourceLine,
} from '../../../../src/renderer/src/features/events/event-text';

type Source = StudyEvent['source'];
const article: Source = {
  kind: 'article',
  quote:
    'Alibaba’s stock surged more than 50% in less than a month following the debut of its own Qwen2.5-Max AI model.',
  url: 'https://www.europeanbusinessreview.com/alibaba-unveils-new-ai-model-qwen-2-5-max-amid-deepseeks-rapid-rise/',
  publication: 'The Fifth Person',
  evidence: { status: 'verified', links: [], phrases: ['date: 2025-01-28T23:00:04+08:00'], dataCheck: null },
};
const reference: Source = {
  kind: 'reference',
  quote: null,
  url: 'https://statistology.com/index.hstech.html',
  publication: null,
  evidence: { status: 'verified-data', links: [], phrases: ['Year Low13 Jan 20254,221.92'], dataCheck: null },
};

describe('eventQuote', () => {
  it("prefers the article's exact sentence", () => {
    expect(eventQuote({ source: article })).toEqual({ from: 'article', text: article.quote });
  });
  it("falls back to the dating source's phrase, and to nothing", () => {
    expect(eventQuote({ source: reference })).toEqual({ from: 'source', text: 'Year Low13 Jan 20254,221.92' });
    expect(eventQuote({ source: { ...reference, evidence: null } })).toBeNull();
  });
});

describe('sourceLine', () => {
  it('names the publication and what dates the event', () => {
    expect(sourceLine({ source: article })).toBe(
      'The Fifth Person (the study’s article) · dated by europeanbusinessreview.com, verified',
    );
    expect(sourceLine({ source: reference })).toBe(
      'dated reference · dated by statistology.com, verified, and checked against the prices',
    );
    expect(sourceLine({ source: { kind: 'user', quote: null, url: null, publication: null, evidence: null } })).toBe(
      'added by you',
    );
  });
});

describe('hostOf', () => {
  it('returns the host without www, or the text when it is not a URL', () => {
    expect(hostOf('https://www.example.com/a?b')).toBe('example.com');
    expect(hostOf('QwenLM/qwenlm.github.io content/blog')).toBe('QwenLM/qwenlm.github.io content/blog');
  });
});

describe('eventsCountLine', () => {
  it('counts the events marked on the charted symbol', () => {
    expect(eventsCountLine(8, 31, { kind: 'single', symbol: 'BABA', marked: 8 })).toBe(
      '8 of 31 events, 8 marked on BABA',
    );
  });
  it('speaks of the comparison, which marks none, not of its first symbol', () => {
    const line = eventsCountLine(31, 31, { kind: 'compare', symbols: ['9988.HK', 'BABA'] });
    expect(line).toBe('31 of 31 events; the comparison of 9988.HK, BABA marks none');
    expect(line).not.toContain('marked on');
  });
  it('says only the count when nothing is charted', () => {
    expect(eventsCountLine(3, 5, null)).toBe('3 of 5 events');
  });
});
