import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFileKind, detectFileKindOfBytes, headText, looksLikeProse } from '../../src/shared/file-kind';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
const head = (path: string) => readFileSync(join(FIXTURES, path)).subarray(0, 4096).toString('utf8');

describe('detectFileKind', () => {
  it('study files by name and by their format', () => {
    expect(detectFileKind('China rally.catalyst.json', null)).toBe('study');
    expect(detectFileKind('STUDY.CATALYST.JSON', '{}')).toBe('study');
    const shipped = readFileSync(
      resolve(FIXTURES, '..', '..', 'resources', 'studies', 'china-tech-rally-2025.study.json'),
    )
      .subarray(0, 4096)
      .toString('utf8');
    expect(detectFileKind('china-tech-rally-2025.study.json', shipped)).toBe('study');
  });

  it('every watchlist fixture is a watchlist, including the malformed ones (their preview says why)', () => {
    for (const f of [
      'watchlists/catalyst-china-tech.json',
      'watchlists/tradingview-china-tech.txt',
      'watchlists/yahoo-portfolio.csv',
      'watchlists/semicolon-depot.csv',
      'watchlists/tab-delimited.tsv',
      'watchlists/utf8-bom.csv',
      'watchlists/plain-with-comments.txt',
      'watchlists/malformed/header-only.csv',
      'watchlists/malformed/no-symbol-column.csv',
      'watchlists/malformed/wrong-format.json',
      'watchlists/malformed/json-array.json',
    ])
      expect([f, detectFileKind(f.split('/').pop()!, head(f))]).toEqual([f, 'watchlist']);
    expect(detectFileKind('chart-screenshot.png', null)).toBe('watchlist');
  });

  it('articles: web pages and Markdown by name or markup, a .txt story by its prose', () => {
    expect(detectFileKind('deepseek-week.html', head('articles/deepseek-week.html'))).toBe('article');
    expect(detectFileKind('saved page', head('articles/deepseek-week.html'))).toBe('article');
    expect(detectFileKind('tokyo.md', head('articles/tokyo-tariff-whiplash.md'))).toBe('article');
    expect(detectFileKind('golden-week-gap.txt', head('articles/golden-week-gap.txt'))).toBe('article');
    expect(detectFileKind('story.txt', head('study/article-china-tech-2025.txt'))).toBe('article');
    expect(detectFileKind('notes.MARKDOWN', null)).toBe('article');
    // Every plain-text and TradingView watchlist stays a watchlist.
    for (const f of [
      'watchlists/tradingview-china-tech.txt',
      'watchlists/tradingview-multiline.txt',
      'watchlists/plain-with-comments.txt',
      'watchlists/plain-share-classes.txt',
      'watchlists/excel-unicode-text.utf8.txt',
      'watchlists/malformed/bad-lines.txt',
      'watchlists/malformed/unknown-prefixes.txt',
      'watchlists/malformed/only-comments.txt',
    ])
      expect([f, looksLikeProse(head(f)), detectFileKind(f.split('/').pop()!, head(f))]).toEqual([
        f,
        false,
        'watchlist',
      ]);
    expect(looksLikeProse('Tencent rose. Alibaba fell. Baidu ' + 'gained '.repeat(60))).toBe(true);
    expect(looksLikeProse('the quick brown fox '.repeat(20))).toBe(false);
  });

  it('price history CSVs by their header: date and a close or price column, no symbol column', () => {
    expect(detectFileKind('BIDU.csv', head('market/BIDU.csv'))).toBe('bars-csv');
    expect(detectFileKind('1810.HK.csv', head('market/1810.HK.csv'))).toBe('bars-csv');
    expect(detectFileKind('y.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,1,2,0.5,1.5,1.5,100\n')).toBe(
      'bars-csv',
    );
    expect(detectFileKind('nasdaq.csv', 'Date,Close/Last,Volume,Open,High,Low\n')).toBe('bars-csv');
    expect(detectFileKind('investing.csv', '"Date","Price","Open","High","Low","Vol.","Change %"\n')).toBe('bars-csv');
    expect(detectFileKind('eu.csv', '\uFEFFDate;Open;High;Low;Close;Volume\n')).toBe('bars-csv');
    expect(detectFileKind('hstech.csv', 'date,close\n2025-01-02,4500\n')).toBe('bars-csv');
  });

  it('events CSVs: a date and a title column', () => {
    expect(detectFileKind('events.csv', 'date,time,timezone,title,category,symbols\n')).toBe('events-csv');
    expect(detectFileKind('events.tsv', 'Date\tEvent\tNotes\n')).toBe('events-csv');
  });
});

describe('headText', () => {
  it('decodes a head cut in the middle of a character or of a UTF-16 unit', () => {
    const text = 'Symbol,Notes\n9988.HK,阿里巴巴\nBABA,ADR\n';
    const utf8 = new TextEncoder().encode(text);
    const cut = utf8.subarray(0, utf8.indexOf(0xe9) + 1);
    expect(headText(cut)).toBe('Symbol,Notes\n');
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(headText(le.subarray(0, 31))).toMatch(/^Symbol,Notes/);
    expect(headText(readFileSync(join(FIXTURES, 'watchlists/malformed/chart-screenshot.png')))).toBeNull();
    expect(detectFileKindOfBytes('prices.csv', readFileSync(join(FIXTURES, 'market/BIDU.csv')))).toBe('bars-csv');
    expect(
      detectFileKindOfBytes('x.txt', readFileSync(join(FIXTURES, 'watchlists/excel-unicode-text-utf16le.txt'))),
    ).toBe('watchlist');
  });
});
