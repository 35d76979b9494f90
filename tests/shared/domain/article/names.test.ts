import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import { NAME_TABLE } from '../../../../src/shared/domain/article/name-table';
import { NameMatcher, proseNames } from '../../../../src/shared/domain/article/names';
import { parseTicker } from '../../../../src/shared/brand';

const words = (m: NameMatcher, s: string) =>
  m.find(s).map((h) => ({
    words: h.words,
    symbols: h.listings.map((l) => l.symbol),
    candidates: h.candidates.map((c) => c.symbol),
  }));

describe('name → ticker table', () => {
  it('has valid, unique symbols and no name twice', () => {
    const names = NAME_TABLE.flatMap((r) => r.names);
    expect(new Set(names).size).toBe(names.length);
    for (const r of NAME_TABLE)
      for (const l of [...r.listings, ...(r.pairs ?? []), ...(r.ambiguous ?? [])])
        expect(parseTicker(l.symbol)).toBe(l.symbol);
    // A row proposes listings, or asks (ambiguous), or shadows an unlisted name; never two of these.
    for (const r of NAME_TABLE)
      expect([r.listings.length > 0, !!r.ambiguous, !!r.unlisted].filter(Boolean)).toHaveLength(1);
  });

  it('maps the shipped article’s companies to both listings, and its indices', () => {
    const m = new NameMatcher();
    expect(words(m, 'gains among Baidu, Xiaomi, and Alibaba')).toEqual([
      { words: 'Baidu', symbols: ['9888.HK', 'BIDU'], candidates: [] },
      { words: 'Xiaomi', symbols: ['1810.HK'], candidates: [] },
      { words: 'Alibaba', symbols: ['9988.HK', 'BABA'], candidates: [] },
    ]);
    expect(words(m, 'the Hang Seng Tech Index’s nearly 30% increase').map((h) => h.symbols)).toEqual([['HSTECH.HK']]);
    expect(
      words(m, 'the Shanghai Composite Index stands at 14 against the S&P 500 Index').map((h) => h.symbols),
    ).toEqual([['000001.SS'], ['^GSPC']]);
  });

  it('prefers the longest name: "Great Wall Motor" is not the ambiguous "Great Wall"', () => {
    const m = new NameMatcher();
    expect(words(m, 'Chinese automaker Great Wall Motor integrating it')).toEqual([
      { words: 'Great Wall Motor', symbols: ['2333.HK'], candidates: [] },
    ]);
    expect(words(m, 'Great Wall shares rose')[0]).toMatchObject({ symbols: [], candidates: ['2333.HK', '000066.SZ'] });
  });

  it('asks for ambiguous names and never guesses', () => {
    const m = new NameMatcher();
    expect(words(m, 'Google and the Nasdaq fell; Ping An rose')).toEqual([
      { words: 'Google', symbols: [], candidates: ['GOOGL', 'GOOG'] },
      { words: 'Nasdaq', symbols: [], candidates: ['^IXIC', '^NDX', 'NDAQ'] },
      { words: 'Ping An', symbols: [], candidates: ['2318.HK', '000001.SZ'] },
    ]);
  });

  it('does not read listed names inside unlisted ones, lower-case words or other words', () => {
    const m = new NameMatcher();
    expect(words(m, 'the People’s Bank of China cut rates; OpenAI and DeepSeek compete')).toEqual([]);
    expect(words(m, 'its reliance on foreign innovation and an apple a day')).toEqual([]);
    expect(words(m, 'Alibaba.com and Metaverse')).toEqual([]);
  });

  it('adds the cached instruments’ names, and their listings to names the table knows', () => {
    const m = new NameMatcher([
      { symbol: asTicker('ZWID'), name: 'Zeta Widgets Inc.', kind: 'equity' },
      { symbol: asTicker('1810.T'), name: 'Xiaomi', kind: 'equity' },
    ]);
    expect(words(m, 'Zeta Widgets and Xiaomi rallied')).toEqual([
      { words: 'Zeta Widgets', symbols: ['ZWID'], candidates: [] },
      { words: 'Xiaomi', symbols: ['1810.HK', '1810.T'], candidates: [] },
    ]);
    expect(m.find('Zeta Widgets rose')[0]!.from).toBe('cache');
  });

  it('derives prose names from instrument names', () => {
    expect(proseNames('Alibaba Group (ADR)')).toEqual(['Alibaba Group (ADR)', 'Alibaba']);
    expect(proseNames('Tencent Holdings')).toEqual(['Tencent Holdings', 'Tencent']);
    expect(proseNames('China Mobile')).toEqual(['China Mobile']);
    expect(proseNames('AB')).toEqual([]);
  });
});
