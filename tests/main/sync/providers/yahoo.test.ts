import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import { yahooProvider } from '../../../../src/main/sync/providers/yahoo';
import { answer, failure, fixture } from '../support/fixtures';

const d = asIsoDate;
const HK = asTicker('9988.HK');

describe('Yahoo chart provider', () => {
  it('builds the v8 chart request with a day of margin and div|split events', () => {
    const r = yahooProvider.buildRequest(asTicker('^HSI'), d('2025-01-02'), d('2025-01-31'), {
      baseUrl: 'https://query2.finance.yahoo.com',
      apiKey: null,
    });
    expect(r.url).toBe(
      'https://query2.finance.yahoo.com/v8/finance/chart/%5EHSI?period1=1735689600&period2=1738454400&interval=1d&events=div%7Csplit&includeAdjustedClose=true',
    );
    expect(r.headers['user-agent']).toMatch(/Mozilla/);
  });

  it('parses a recorded answer: exchange-local dates, float32 artefacts removed, placeholder flagged, meta filled', () => {
    const data = yahooProvider.parse(
      answer(fixture('yahoo-chart-9988.HK-2025-01.json')),
      HK,
      d('2025-01-01'),
      d('2025-01-31'),
    );
    expect(data.bars).toHaveLength(19);
    expect(data.bars[0]).toEqual({
      date: '2025-01-02',
      open: 82.4,
      high: 82.7,
      low: 80.8,
      close: 81.3,
      adjClose: 81.3,
      volume: 48562393,
      placeholder: false,
    });
    expect(data.bars.at(-1)).toEqual({
      date: '2025-01-28',
      open: 88.35,
      high: 88.35,
      low: 88.35,
      close: 88.35,
      adjClose: 88.35,
      volume: 0,
      placeholder: true,
    });
    expect(data.bars.map((b) => b.date)).toContain('2025-01-20');
    expect(data.meta).toEqual({
      name: 'Alibaba Group Holding Limited',
      exchange: 'HKSE',
      currency: 'HKD',
      timezone: 'Asia/Hong_Kong',
      kind: 'equity',
    });
    expect(data.actions).toEqual([]);
  });

  it('keeps the adjusted close apart from the traded close and turns dividends into actions', () => {
    const data = yahooProvider.parse(
      answer(fixture('yahoo-chart-0700.HK-2025-05.json')),
      asTicker('0700.HK'),
      d('2025-05-01'),
      d('2025-05-21'),
    );
    const may2 = data.bars[0]!;
    expect(may2).toMatchObject({ date: '2025-05-02', close: 487.8, adjClose: 483.5786 });
    expect(data.bars.find((b) => b.date === '2025-05-16')).toMatchObject({ close: 508, adjClose: 508 });
    expect(data.actions).toEqual([
      { date: '2025-05-16', kind: 'dividend', amount: 4.5, numerator: null, denominator: null },
    ]);
  });

  it('drops rows outside the asked range (the request has a day of margin)', () => {
    const data = yahooProvider.parse(
      answer(fixture('yahoo-chart-9988.HK-2025-01.json')),
      HK,
      d('2025-01-06'),
      d('2025-01-10'),
    );
    expect(data.bars.map((b) => b.date)).toEqual([
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-01-09',
      '2025-01-10',
    ]);
  });

  it('dates sessions in the exchange time zone, not UTC', () => {
    const body = JSON.parse(fixture('yahoo-chart-9988.HK-2025-01.json'));
    const r = body.chart.result[0];
    // Midnight HKT of 2025-01-03 is 16:00 UTC on 2025-01-02: the session is the 3rd.
    r.timestamp = [1735833600];
    for (const k of ['open', 'high', 'low', 'close', 'volume'])
      r.indicators.quote[0][k] = [r.indicators.quote[0][k][1]];
    r.indicators.adjclose[0].adjclose = [r.indicators.adjclose[0].adjclose[1]];
    const data = yahooProvider.parse(answer(JSON.stringify(body)), HK, d('2025-01-01'), d('2025-01-31'));
    expect(data.bars.map((b) => b.date)).toEqual(['2025-01-03']);
  });

  it('drops rows with a null price instead of filling them', () => {
    const body = JSON.parse(fixture('yahoo-chart-9988.HK-2025-01.json'));
    const q = body.chart.result[0].indicators.quote[0];
    q.close[3] = null;
    q.open[5] = null;
    const data = yahooProvider.parse(answer(JSON.stringify(body)), HK, d('2025-01-01'), d('2025-01-31'));
    expect(data.bars).toHaveLength(17);
    expect(data.bars.map((b) => b.date)).not.toContain('2025-01-07');
    expect(data.bars.map((b) => b.date)).not.toContain('2025-01-09');
  });

  it('reads an empty range as no sessions, with meta', () => {
    const data = yahooProvider.parse(
      answer(fixture('yahoo-chart-9988.HK-empty.json')),
      HK,
      d('2025-01-29'),
      d('2025-01-31'),
    );
    expect(data.bars).toEqual([]);
    expect(data.meta.timezone).toBe('Asia/Hong_Kong');
  });

  it('reports a 404 as an unknown symbol', () => {
    const f = failure(() =>
      yahooProvider.parse(
        answer(fixture('yahoo-chart-not-found.json'), 404),
        asTicker('NOPE.HK'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect(f.reason).toBe('unknown-symbol');
    expect(f.message).toBe('Yahoo Finance does not know NOPE.HK ("No data found, symbol may be delisted")');
  });

  it('never takes HTML, truncated JSON or a foreign shape for data', () => {
    const html = failure(() =>
      yahooProvider.parse(
        answer('<!DOCTYPE html><html><head><title>Yahoo</title></head></html>', 200, 'text/html'),
        HK,
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect(html.reason).toBe('bad-response');
    expect(html.message).toMatch(/HTML page instead of data \(HTTP 200, "Yahoo"\)/);
    const body = fixture('yahoo-chart-9988.HK-2025-01.json');
    const cut = failure(() => yahooProvider.parse(answer(body.slice(0, 900)), HK, d('2025-01-01'), d('2025-01-31')));
    expect(cut.reason).toBe('bad-response');
    expect(cut.message).toMatch(/ends early \(truncated/);
    const foreign = failure(() =>
      yahooProvider.parse(answer('{"quoteResponse":{"result":[]}}'), HK, d('2025-01-01'), d('2025-01-31')),
    );
    expect(foreign.message).toMatch(/unexpected shape \(chart: /);
    const mismatch = JSON.parse(body);
    mismatch.chart.result[0].indicators.quote[0].close.pop();
    expect(
      failure(() => yahooProvider.parse(answer(JSON.stringify(mismatch)), HK, d('2025-01-01'), d('2025-01-31')))
        .message,
    ).toBe('Yahoo Finance sent 18 close values for 19 timestamps');
  });

  it('refuses the whole answer when one bar is impossible', () => {
    const body = JSON.parse(fixture('yahoo-chart-9988.HK-2025-01.json'));
    body.chart.result[0].indicators.quote[0].low[2] = 90;
    const f = failure(() => yahooProvider.parse(answer(JSON.stringify(body)), HK, d('2025-01-01'), d('2025-01-31')));
    expect(f.reason).toBe('invalid-data');
    expect(f.message).toMatch(/^Yahoo Finance sent impossible bars \(2025-01-06: /);
  });

  it('turns splits into actions and refuses an unknown time zone', () => {
    const body = JSON.parse(fixture('yahoo-chart-0700.HK-2025-05.json'));
    const ts = body.chart.result[0].timestamp[4];
    body.chart.result[0].events.splits = { [ts]: { date: ts, numerator: 5, denominator: 1, splitRatio: '5:1' } };
    const data = yahooProvider.parse(
      answer(JSON.stringify(body)),
      asTicker('0700.HK'),
      d('2025-05-01'),
      d('2025-05-21'),
    );
    expect(data.actions).toContainEqual({
      date: '2025-05-09',
      kind: 'split',
      amount: null,
      numerator: 5,
      denominator: 1,
    });
    body.chart.result[0].meta.exchangeTimezoneName = 'Mars/Olympus';
    expect(
      failure(() =>
        yahooProvider.parse(answer(JSON.stringify(body)), asTicker('0700.HK'), d('2025-05-01'), d('2025-05-21')),
      ).message,
    ).toMatch(/unknown exchange time zone "Mars\/Olympus"/);
  });
});
