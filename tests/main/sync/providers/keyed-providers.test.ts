import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import { tiingoProvider } from '../../../../src/main/sync/providers/tiingo';
import { twelveDataProvider, twelveDataSymbol } from '../../../../src/main/sync/providers/twelvedata';
import { answer, failure, fixture } from '../support/fixtures';

const d = asIsoDate;
const access = (apiKey: string | null) => ({ baseUrl: 'https://mirror.example/api', apiKey });

describe('Tiingo provider', () => {
  it('sends the key in the Authorization header, never in the URL', () => {
    const r = tiingoProvider.buildRequest(asTicker('BRK-B'), d('2025-01-01'), d('2025-01-31'), access('k3y'));
    expect(r.url).toBe(
      'https://mirror.example/api/tiingo/daily/brk-b/prices?startDate=2025-01-01&endDate=2025-01-31&resampleFreq=daily&format=json',
    );
    expect(r.headers.authorization).toBe('Token k3y');
    expect(r.displayUrl).not.toContain('k3y');
  });

  it('refuses symbols it does not cover, and asking without a key', () => {
    expect(
      failure(() => tiingoProvider.buildRequest(asTicker('9988.HK'), d('2025-01-01'), d('2025-01-31'), access('k')))
        .reason,
    ).toBe('unsupported-symbol');
    expect(
      failure(() => tiingoProvider.buildRequest(asTicker('^GSPC'), d('2025-01-01'), d('2025-01-31'), access('k')))
        .reason,
    ).toBe('unsupported-symbol');
    const missing = failure(() =>
      tiingoProvider.buildRequest(asTicker('BABA'), d('2025-01-01'), d('2025-01-31'), access(null)),
    );
    expect(missing.reason).toBe('missing-key');
    expect(missing.message).toMatch(/CATALYST_TIINGO_KEY/);
  });

  it('parses a recorded answer', () => {
    const data = tiingoProvider.parse(
      answer(fixture('tiingo-BABA-2025-01.json')),
      asTicker('BABA'),
      d('2025-01-01'),
      d('2025-01-31'),
    );
    expect(data.bars).toHaveLength(20);
    expect(data.bars[0]).toEqual({
      date: '2025-01-02',
      open: 84.39,
      high: 85.43,
      low: 84.2,
      close: 84.95,
      adjClose: 84.95,
      volume: 10635704,
      placeholder: false,
    });
    expect(data.meta).toMatchObject({ currency: 'USD', timezone: 'America/New_York' });
    expect(data.actions).toEqual([]);
  });

  it('reads divCash and splitFactor as corporate actions', () => {
    const rows = JSON.parse(fixture('tiingo-BABA-2025-01.json'));
    rows[3].divCash = 1.05;
    rows[4].splitFactor = 4;
    const data = tiingoProvider.parse(answer(JSON.stringify(rows)), asTicker('BABA'), d('2025-01-01'), d('2025-01-31'));
    expect(data.actions).toEqual([
      { date: rows[3].date.slice(0, 10), kind: 'dividend', amount: 1.05, numerator: null, denominator: null },
      { date: rows[4].date.slice(0, 10), kind: 'split', amount: null, numerator: 4, denominator: 1 },
    ]);
  });

  it('maps its errors to specific reasons', () => {
    const nf = failure(() =>
      tiingoProvider.parse(
        answer(fixture('tiingo-not-found.json'), 404),
        asTicker('NOPE'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect([nf.reason, nf.message]).toEqual([
      'unknown-symbol',
      `Tiingo does not know NOPE ("Error: Ticker 'nope' not found")`,
    ]);
    const auth = failure(() =>
      tiingoProvider.parse(
        answer('{"detail":"Invalid token."}', 401),
        asTicker('BABA'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect(auth.reason).toBe('auth');
    const shape = failure(() =>
      tiingoProvider.parse(
        answer('[{"date":"2025-13-01T00:00:00.000Z","close":1}]'),
        asTicker('BABA'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect(shape.reason).toBe('bad-response');
  });
});

describe('Twelve Data provider', () => {
  it('maps Yahoo symbols to symbol + exchange', () => {
    expect(twelveDataSymbol(asTicker('9988.HK'))).toEqual({ symbol: '9988', exchange: 'HKEX' });
    expect(twelveDataSymbol(asTicker('000001.SS'))).toEqual({ symbol: '000001', exchange: 'SSE' });
    expect(twelveDataSymbol(asTicker('BRK-B'))).toEqual({ symbol: 'BRK.B', exchange: null });
    expect(twelveDataSymbol(asTicker('^HSI'))).toBeNull();
    expect(twelveDataSymbol(asTicker('EURUSD=X'))).toBeNull();
    expect(twelveDataSymbol(asTicker('ABC.ZZ'))).toBeNull();
  });

  it('builds the time_series request and keeps the key out of the display URL', () => {
    const r = twelveDataProvider.buildRequest(asTicker('9988.HK'), d('2025-01-01'), d('2025-01-31'), access('s3cret'));
    expect(r.url).toBe(
      'https://mirror.example/api/time_series?symbol=9988&interval=1day&start_date=2025-01-01&end_date=2025-02-01&timezone=Exchange&exchange=HKEX&apikey=s3cret',
    );
    expect(r.displayUrl).not.toContain('s3cret');
  });

  it('parses decimal strings, newest first, into ascending bars', () => {
    const data = twelveDataProvider.parse(
      answer(fixture('twelvedata-9988-HKEX-2025-01.json')),
      asTicker('9988.HK'),
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
      adjClose: null,
      volume: 48562393,
      placeholder: false,
    });
    expect(data.bars.at(-1)!.placeholder).toBe(true);
    expect(data.meta).toEqual({
      name: null,
      exchange: 'HKEX',
      currency: 'HKD',
      timezone: 'Asia/Hong_Kong',
      kind: 'equity',
    });
  });

  it('reads errors from the body, whatever the HTTP status', () => {
    const nf = failure(() =>
      twelveDataProvider.parse(
        answer(fixture('twelvedata-symbol-not-found.json')),
        asTicker('NOPE'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect(nf.reason).toBe('unknown-symbol');
    const rl = failure(() =>
      twelveDataProvider.parse(
        answer(fixture('twelvedata-rate-limit.json')),
        asTicker('9988.HK'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect([rl.reason, rl.retryable, rl.retryAfterMs]).toEqual(['rate-limited', true, 60_000]);
    const empty = twelveDataProvider.parse(
      answer(
        '{"code":400,"message":"No data is available on the specified dates. Try setting different start/end dates.","status":"error"}',
      ),
      asTicker('9988.HK'),
      d('2025-01-29'),
      d('2025-01-31'),
    );
    expect(empty.bars).toEqual([]);
    const bad = failure(() =>
      twelveDataProvider.parse(
        answer(
          '{"meta":{"symbol":"9988"},"values":[{"datetime":"2025-01-02","open":"x","high":"1","low":"1","close":"1"}],"status":"ok"}',
        ),
        asTicker('9988.HK'),
        d('2025-01-01'),
        d('2025-01-31'),
      ),
    );
    expect(bad.message).toMatch(/values\.0\.open: not a decimal/);
  });
});
