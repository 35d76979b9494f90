import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../../../src/renderer/src/features/share/first-sentence';

describe("the picture's provenance line", () => {
  it('keeps a parenthesis or a code span whole and ends at the first sentence outside them', () => {
    expect(
      firstSentence(
        'zedmon3tr/index-valuation `data/HSTECH.json` @ d36c95b (field `close`; the file says its source is `akshare:sina_hk`). **Close only — header `date,close`**',
      ),
    ).toBe(
      'zedmon3tr/index-valuation `data/HSTECH.json` @ d36c95b (field `close`; the file says its source is `akshare:sina_hk`)',
    );
    expect(firstSentence('Yahoo Finance chart API; cached 2025-06-10. More.')).toBe('Yahoo Finance chart API');
    expect(firstSentence('Split- and dividend-adjusted close (adj. close) kept; raw OHLC.')).toBe(
      'Split- and dividend-adjusted close (adj. close) kept',
    );
    expect(firstSentence('version 1.5 of the file')).toBe('version 1.5 of the file');
  });

  it('shortens a long first sentence with an ellipsis', () => {
    const long = 'word '.repeat(60).trim();
    expect(firstSentence(long, 20)).toBe(`${long.slice(0, 19)}…`);
  });
});
