import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/shared/brand';
import { CLAIM_RULES, readClaims, type ClaimContext } from '../../../../src/shared/domain/article/claim-rules';
import { findDates } from '../../../../src/shared/domain/article/dates';
import { NameMatcher } from '../../../../src/shared/domain/article/names';

const matcher = new NameMatcher();
const ctx = (over: Partial<ClaimContext> = {}): ClaimContext => ({
  articleDate: '2025-03-14' as IsoDate,
  year: 2025,
  period: null,
  eventId: null,
  ...over,
});
const read = (sentence: string, c: ClaimContext = ctx()) =>
  readClaims(sentence, matcher.find(sentence), findDates(sentence, { articleDate: c.articleDate, anchor: null }), c);

/** One test per row of the claim-pattern table (docs/article-import.md). */
const tested = new Set<string>();
const row = (id: string, fn: () => void) =>
  it(`${id}: ${CLAIM_RULES.find((r) => r.id === id)?.example ?? '?'}`, () => {
    tested.add(id);
    fn();
  });

describe('claim patterns', () => {
  row('pct-ytd', () => {
    const [c] = read('The sector grew, as reflected in the Hang Seng Tech Index’s nearly 30% increase year-to-date.');
    expect(c).toMatchObject({
      rule: 'pct-ytd',
      symbols: ['HSTECH.HK'],
      checkable: true,
      reason: null,
      metric: {
        kind: 'ytd-return-range',
        from: '2025-02-12',
        to: '2025-03-14',
        target: 0.3,
        holds: { min: 0.27, max: 0.33 },
        borderline: { min: 0.25, max: 0.35 },
      },
    });
    // Without the article's date: the period the article names, else the whole year.
    const [u] = read(
      'the Hang Seng Tech Index’s nearly 30% increase year-to-date',
      ctx({ articleDate: null, period: { from: '2025-01-01' as IsoDate, to: '2025-04-30' as IsoDate } }),
    );
    expect(u!.metric).toMatchObject({ from: '2025-01-01', to: '2025-04-30' });
  });

  row('pct-within-after-event', () => {
    const s =
      'Alibaba’s stock surged more than 50% in less than a month following the debut of its own Qwen2.5-Max AI model.';
    expect(read(s, ctx({ eventId: 'qwen' }))[0]).toMatchObject({
      rule: 'pct-within-after-event',
      symbols: ['9988.HK', 'BABA'],
      metric: {
        kind: 'max-gain-within-days',
        event: 'qwen',
        days: 30,
        holds: { above: 0.5 },
        borderline: { above: 0.45 },
      },
    });
    expect(read(s)[0]).toMatchObject({ metric: null, needsEvent: true, checkable: true });
  });

  row('pct-over-dates', () => {
    expect(read('The CSI 300 Index rose 25% between 24 September and 8 October 2024.')[0]).toMatchObject({
      rule: 'pct-over-dates',
      symbols: ['000300.SS'],
      metric: { kind: 'gain-over-period', from: '2024-09-24', to: '2024-10-08', holds: { above: 0.225 } },
    });
    expect(read('Tencent gained more than 12% in February 2025.')[0]).toMatchObject({
      metric: { kind: 'gain-over-period', from: '2025-02-01', to: '2025-02-28', holds: { above: 0.12 } },
    });
  });

  row('pct-no-period', () => {
    expect(read('Xiaomi shares rose 8% as buyers returned.')[0]).toMatchObject({
      rule: 'pct-no-period',
      symbols: ['1810.HK'],
      metric: null,
      checkable: true,
      reason: expect.stringContaining('No period'),
    });
  });

  row('pct-fall', () => {
    expect(read('On 7 April 2025, the Nikkei 225 fell 7.8%, and SoftBank Group sank 10%.')).toMatchObject([
      { rule: 'pct-fall', symbols: ['^N225'], metric: { kind: 'pct-fall', pct: 0.078, from: '2025-04-07' } },
      { rule: 'pct-fall', symbols: ['9984.T'], metric: { kind: 'pct-fall', pct: 0.1 } },
    ]);
  });

  row('record-high', () => {
    const s =
      'Even traditionally non-tech sectors, such as BYD’s electric vehicle business, benefited, with the stock reaching a record high.';
    expect(read(s, ctx({ eventId: 'byd' }))[0]).toMatchObject({
      rule: 'record-high',
      symbols: ['1211.HK'],
      metric: { kind: 'record-high', event: 'byd', field: 'high' },
    });
    expect(read(s)[0]).toMatchObject({ metric: null, needsEvent: true });
    expect(read('Tencent posted a record close.', ctx({ eventId: 'e' }))[0]!.metric).toMatchObject({ field: 'close' });
    expect(read('Meituan climbed to a two-year high.', ctx({ eventId: 'e' }))[0]!.reason).toContain('cached history');
  });

  row('record-low', () => {
    expect(read('Tesla slid to a two-year low.')[0]).toMatchObject({
      rule: 'record-low',
      symbols: ['TSLA'],
      metric: { kind: 'record-low' },
    });
  });

  row('gains-named', () => {
    expect(
      read('The sector’s recovery has led to gains among major companies such as Baidu, Xiaomi, and Alibaba.')[0],
    ).toMatchObject({
      rule: 'gains-named',
      symbols: ['9888.HK', 'BIDU', '1810.HK', '9988.HK', 'BABA'],
      metric: { kind: 'gain-over-period', from: '2025-01-01', to: '2025-03-14', holds: { above: 0 } },
    });
  });

  row('outperformance', () => {
    expect(read('The Kospi outperformed the Nikkei 225 in the first quarter of 2025.')[0]).toMatchObject({
      rule: 'outperformance',
      symbols: ['^KS11'],
      metric: { kind: 'outperformance', over: ['^N225'], from: '2025-01-01', to: '2025-03-31' },
    });
    expect(read('Apple lagged Microsoft.')[0]).toMatchObject({ symbols: ['MSFT'], metric: { over: ['AAPL'] } });
  });

  row('level-comparison', () => {
    expect(read('The S&P 500 closed above 6,000 on 31 January 2025.')[0]).toMatchObject({
      rule: 'level-comparison',
      symbols: ['^GSPC'],
      metric: { kind: 'level-comparison', relation: 'above', level: 6000, on: '2025-01-31' },
    });
  });

  row('not-checkable-valuation', () => {
    const [c] = read(
      'The overall Hang Seng Index is still trading at a P/E ratio of just 17, while the Shanghai Composite Index stands at 14.',
    );
    expect(c).toMatchObject({
      rule: 'not-checkable-valuation',
      checkable: false,
      metric: null,
      symbols: ['^HSI', '000001.SS'],
    });
    expect(c!.reason).toContain('valuation ratio');
    expect(read('Tokyo Electron trades at about 20 times forward earnings.')[0]).toMatchObject({ checkable: false });
  });

  row('not-checkable-fundamentals', () => {
    expect(read('In the third quarter of 2024, PDD’s revenue rose 44% to 99.4 billion yuan.')[0]).toMatchObject({
      rule: 'not-checkable-fundamentals',
      checkable: false,
      symbols: ['PDD'],
      reason: expect.stringContaining('revenue'),
    });
    expect(read('Washington imposed 34% tariffs on Chinese goods.')[0]).toMatchObject({ checkable: false });
  });

  it('gives "the shares" the listing the previous sentence named, and a fall the date of its own clause', () => {
    const s = 'The shares plunged 20%, their worst day in decades.';
    expect(read(s, ctx({ previous: ['NOVO-B.CO' as never] }))[0]).toMatchObject({
      rule: 'pct-fall',
      symbols: ['NOVO-B.CO'],
    });
    expect(read(s)).toEqual([]);
    const t = 'Novo Nordisk had hit an all-time high in late June, and it is now down about 15% year-to-date.';
    const c = readClaims(
      t,
      matcher.find(t),
      findDates(t, { articleDate: '2024-12-20' as IsoDate, anchor: null }),
      ctx({ articleDate: '2024-12-20' as IsoDate, year: 2024 }),
    );
    expect(c.find((x) => x.rule === 'pct-fall')!.metric).toMatchObject({ from: '2024-01-01', to: '2024-12-20' });
  });

  it('reads nothing from sentences without a claim, or moves of things it cannot name', () => {
    expect(read('This article will explore the factors contributing to this shift.')).toEqual([]);
    expect(read('While Chinese tech stocks have risen sharply, investors waited.')).toEqual([]);
    expect(read('Why China tech stocks are up 30% in 2025')).toEqual([]);
  });

  it('covers every row of the table', () => {
    expect([...tested].sort()).toEqual(CLAIM_RULES.map((r) => r.id).sort());
  });
});
