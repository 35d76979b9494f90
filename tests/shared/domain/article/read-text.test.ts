import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectArticleFormat, readArticleText } from '../../../../src/shared/domain/article/read-text';
import { sentencesOf, splitSentences } from '../../../../src/shared/domain/article/sentences';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'articles');

describe('reading article files', () => {
  it('strips HTML and reads its metadata from JSON-LD and meta tags', () => {
    const html = readFileSync(join(FIXTURES, 'deepseek-week.html'), 'utf8');
    const r = readArticleText(html, 'html');
    expect(r.meta).toMatchObject({
      title: 'DeepSeek week: how a Chinese model knocked $1 trillion off US tech',
      author: 'Daniel Okafor',
      publication: 'Lower Manhattan Review',
      date: '2025-01-31T21:05:00-05:00',
      url: 'https://example.org/markets/deepseek-week',
      origins: { title: 'json-ld', author: 'json-ld', publication: 'json-ld', date: 'json-ld' },
    });
    const text = r.paragraphs.join('\n');
    expect(text).toContain('Wall Street’s AI darlings had a bruising week.');
    expect(text).toContain('The S&P 500 closed above 6,000');
    // Navigation, asides, forms, scripts and styles are not prose.
    for (const junk of ['Home', 'Five stocks to buy', 'Subscribe', 'analytics', 'font-family'])
      expect(text).not.toContain(junk);
  });

  it('falls back to meta tags, then to the page title, and survives malformed JSON-LD', () => {
    const html = `<html><head><title>Plain | Site</title><meta name="author" content="A. Writer"><meta property="article:published_time" content="2024-10-08">
      <script type="application/ld+json">{not json</script></head><body><p>Text one.</p><p>Text&nbsp;two &amp; three.</p></body></html>`;
    const r = readArticleText(html, 'html');
    expect(r.meta).toMatchObject({
      title: 'Plain | Site',
      author: 'A. Writer',
      date: '2024-10-08',
      origins: { title: 'text', author: 'meta', date: 'meta' },
    });
    expect(r.paragraphs).toEqual(['Text one.', 'Text two & three.']);
  });

  it('reads Markdown front matter and strips Markdown syntax', () => {
    const md = readFileSync(join(FIXTURES, 'tokyo-tariff-whiplash.md'), 'utf8');
    const r = readArticleText(md, 'md');
    expect(r.meta).toMatchObject({
      author: 'Mika Harada',
      date: '2025-04-18',
      publication: 'Kabuto Letters',
      origins: { title: 'front-matter' },
    });
    expect(r.paragraphs).toContain('Liberation Day');
    expect(r.paragraphs.some((p) => p.startsWith('SoftBank Group, the largest backer'))).toBe(true);
    expect(r.paragraphs.join(' ')).not.toMatch(/[*#]/);
  });

  it('joins hard-wrapped plain text lines into paragraphs', () => {
    expect(readArticleText('Title line\n\nThe market rose\nsharply on Monday.\nA new line.', 'txt').paragraphs).toEqual(
      ['Title line', 'The market rose sharply on Monday.', 'A new line.'],
    );
  });

  it('detects the format from the name, else from the content', () => {
    expect(detectArticleFormat('a.HTML', '')).toBe('html');
    expect(detectArticleFormat('a.markdown', '')).toBe('md');
    expect(detectArticleFormat(null, '<!DOCTYPE html><html>')).toBe('html');
    expect(detectArticleFormat(null, '---\ntitle: x\n---\nbody')).toBe('md');
    expect(detectArticleFormat(null, 'Just text.')).toBe('txt');
  });

  it('splits sentences without breaking after abbreviations', () => {
    expect(
      splitSentences(
        'Despite the restrictive U.S. export controls, it grew. Shares of Apple Inc. rose. Then Jan. 5 came.',
      ),
    ).toEqual([
      'Despite the restrictive U.S. export controls, it grew.',
      'Shares of Apple Inc. rose.',
      'Then Jan. 5 came.',
    ]);
    expect(sentencesOf(['Policy reset signals new era', 'One. Two.']).map((s) => [s.text, s.heading])).toEqual([
      ['Policy reset signals new era', true],
      ['One.', false],
      ['Two.', false],
    ]);
  });
});
