import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventFromFile, parseStudyFile, type StudyFile } from '../../../src/shared/domain/study';
import { eventDateLabel } from '../../../src/shared/domain/study-event';
import { RESOURCES, STUDY_PATH } from './shipped-data';

const TEXT = readFileSync(STUDY_PATH, 'utf8');
const ARTICLE = readFileSync(
  resolve(import.meta.dirname, '..', '..', 'fixtures', 'study', 'article-china-tech-2025.txt'),
  'utf8',
);
const SOURCES = readFileSync(join(RESOURCES, 'studies', 'china-tech-rally-2025.sources.md'), 'utf8');

function shipped(): StudyFile {
  const r = parseStudyFile(TEXT);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.study;
}

/** The parts of the raw study JSON the tests below edit. */
interface RawEvent {
  id: string;
  date: string;
  timezone?: string;
  approxNote?: string;
  category: string;
  symbols: string[];
  source: { url?: string; quote?: string };
}
interface RawStudy {
  [key: string]: unknown;
  universe: unknown[];
  events: RawEvent[];
  claims: Array<{ text: string; metric: { kind: string; event?: string } }>;
}
const ev = (s: RawStudy, id: string): RawEvent => s.events.find((e) => e.id === id)!;

/** The shipped study as plain JSON, changed by `edit`, and the problems the parser reports. */
function problemsAfter(edit: (s: RawStudy) => void): string[] {
  const raw = JSON.parse(TEXT) as RawStudy;
  edit(raw);
  const r = parseStudyFile(JSON.stringify(raw));
  return r.ok ? [] : [...r.problems];
}

describe('the shipped study file', () => {
  const study = shipped();

  it('is format catalyst-study version 1 with the article as its source and the universe of the issue', () => {
    expect(study).toMatchObject({
      format: 'catalyst-study',
      version: 1,
      id: 'china-tech-rally-2025',
      title: 'China tech rally 2025',
    });
    expect(study.source).toMatchObject({
      publication: 'The Fifth Person',
      author: 'Wang Choon Leo, CFA',
      title: 'Why China tech stocks are up 30% in 2025',
    });
    expect(study.universe.filter((u) => u.role === 'subject').map((u) => u.symbol)).toEqual([
      '9988.HK',
      'BABA',
      '9888.HK',
      'BIDU',
      '1810.HK',
      '1211.HK',
      '2333.HK',
      '0700.HK',
      '0941.HK',
      '0728.HK',
      '0762.HK',
      'HSTECH.HK',
    ]);
    expect(study.universe.filter((u) => u.role === 'benchmark').map((u) => u.symbol)).toEqual([
      '^HSI',
      '000001.SS',
      '^GSPC',
    ]);
  });

  it('quotes the article verbatim: every event quote and claim quote is in the text, and every claim text in its quote', () => {
    const quotes = [
      ...study.events.map((e) => e.source.quote).filter((q): q is string => !!q),
      ...study.claims.map((c) => c.quote),
    ];
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) expect(ARTICLE, q).toContain(q);
    for (const c of study.claims) expect(c.quote).toContain(c.text);
  });

  it('copies every supporting phrase and web link verbatim from the research notes', () => {
    for (const e of study.events) {
      for (const p of e.source.evidence?.phrases ?? []) expect(SOURCES, `${e.id}: ${p}`).toContain(p);
      for (const l of e.source.evidence?.links ?? [])
        if (l.startsWith('http')) expect(SOURCES, `${e.id}: ${l}`).toContain(l);
      if (e.source.url) expect(e.source.evidence?.links).toContain(e.source.url);
    }
  });

  it('dates Qwen2.5-Max at 23:00 Beijing on 2025-01-28 and marks the unverified days approximate', () => {
    const qwen = study.events.find((e) => e.id === 'qwen25-max-release')!;
    expect(qwen).toMatchObject({ date: '2025-01-28', time: '23:00', timezone: 'Asia/Shanghai', approximate: false });
    const gwm = eventFromFile(
      study.events.find((e) => e.id === 'gwm-deepseek')!,
      study.id,
      'seed',
    );
    expect(gwm).toMatchObject({
      approximate: true,
      approxNote: 'early Feb 2025 (≤ 11 Feb)',
      source: { kind: 'article' },
    });
    expect(eventDateLabel(gwm)).toBe('early Feb 2025 (≤ 11 Feb)');
    const approx = study.events.filter((e) => e.approximate).map((e) => e.id);
    expect(approx.sort()).toEqual(['gwm-deepseek', 'hstech-nearly-30-ytd', 'telcos-deepseek']);
  });

  it('has a claim for each checkable statement the issue names', () => {
    expect(study.claims.map((c) => [c.id, c.metric.kind])).toEqual([
      ['hstech-nearly-30-ytd', 'ytd-return-range'],
      ['alibaba-50pct-after-qwen', 'max-gain-within-days'],
      ['byd-record-high', 'record-high'],
      ['gains-baidu-xiaomi-alibaba', 'gain-over-period'],
      ['telecoms-benefited', 'gain-over-period'],
      ['index-pe-ratios', 'not-checkable'],
    ]);
  });
});

describe('parseStudyFile rejects a bad file with a specific message', () => {
  it.each<[string, (s: RawStudy) => void, RegExp]>([
    ['another format', (s) => (s.format = 'tradingview'), /not a Catalyst study file: "format" is "tradingview"/],
    [
      'a newer format version',
      (s) => (s.version = 3),
      /format version 3, written by a newer Catalyst; this version reads up to 2/,
    ],
    [
      'a bad date',
      (s) => (s.events[3]!.date = '2025-02-30'),
      /^events\[3\] \("[a-z0-9-]+"\)\.date: must be a real date/,
    ],
    [
      'a time without its zone',
      (s) => delete ev(s, 'qwen25-max-release').timezone,
      /\("qwen25-max-release"\)\.timezone: an event time needs its time zone/,
    ],
    [
      'an unknown time zone',
      (s) => (ev(s, 'qwen25-max-release').timezone = 'Asia/Beijing'),
      /timezone: must be an IANA time zone/,
    ],
    [
      'an approximate event without its note',
      (s) => delete ev(s, 'gwm-deepseek').approxNote,
      /\("gwm-deepseek"\)\.approxNote: an approximate event needs an approxNote/,
    ],
    [
      'an article event without its quote',
      (s) => delete ev(s, 'byd-gods-eye').source.quote,
      /\("byd-gods-eye"\)\.source\.quote: an article event needs/,
    ],
    ['an unknown category', (s) => (s.events[0]!.category = 'rumour'), /events\[0\] .*\.category: /],
    [
      'a symbol outside the universe',
      (s) => s.events[0]!.symbols.push('TSLA'),
      /symbols\[\d+\]: TSLA is not in the study's universe/,
    ],
    ['a duplicate event id', (s) => (s.events[1]!.id = s.events[0]!.id), /duplicate event id/],
    [
      'a claim on a missing event',
      (s) => (s.claims[1]!.metric.event = 'no-such-event'),
      /claims\[1\] \("alibaba-50pct-after-qwen"\)\.metric\.event: no event "no-such-event"/,
    ],
    [
      'a claim text not in its quote',
      (s) => (s.claims[0]!.text = 'up 40%'),
      /claims\[0\] .*\.text: text must be an exact part of quote/,
    ],
    ['an unknown metric', (s) => (s.claims[0]!.metric.kind = 'sharpe-ratio'), /claims\[0\] .*\.metric\.kind: /],
    [
      'a javascript: link',
      (s) => (s.events[0]!.source.url = 'javascript:alert(1)'),
      /source\.url: must be an http\(s\) URL/,
    ],
    ['an unknown field', (s) => (s.colour = 'red'), /colour/],
    ['an empty universe', (s) => (s.universe = []), /universe: /],
  ])('%s', (_label, edit, message) => {
    const problems = problemsAfter(edit);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
  });

  it('rejects text that is not JSON or not an object', () => {
    expect(parseStudyFile('{"format": "catalyst-study",')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^not valid JSON/)],
    });
    expect(parseStudyFile('[]')).toMatchObject({ ok: false, problems: ['not a study: the file is not a JSON object'] });
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseStudyFile(`\uFEFF${TEXT}`).ok).toBe(true);
  });
});
