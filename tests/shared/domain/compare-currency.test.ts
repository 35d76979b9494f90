import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../src/shared/brand';
import { toBar, type Bar } from '../../../src/shared/domain/bar';
import { t0ForEvent } from '../../../src/shared/domain/calendar';
import { commonCurrencies, convertBars, currencyOfFx, fxSymbolOf } from '../../../src/shared/domain/compare-currency';
import { dateAnchor, rebaseAt } from '../../../src/shared/domain/rebase';

const d = asIsoDate;
const bar = (date: string, close: number, volume = 1000): Bar =>
  toBar({ date: d(date), open: close, high: close, low: close, close, adjClose: null, volume });

// HKD per US dollar (Yahoo's HKD=X): trades 27–31 Jan 2025, while Hong Kong is shut 29–31 Jan.
const hkdX = [
  bar('2025-01-27', 7.8),
  bar('2025-01-28', 7.75),
  bar('2025-01-29', 7.7),
  bar('2025-01-30', 7.6),
  bar('2025-01-31', 7.5),
  bar('2025-02-03', 8),
];
// CNY per US dollar, from 28 Jan only.
const cnyX = [bar('2025-01-28', 7.2), bar('2025-02-03', 7.25)];
const fx = new Map([
  ['HKD', hkdX],
  ['CNY', cnyX],
]);
// A Hong Kong stock in HKD: a placeholder on 28 Jan, shut 29–31 Jan.
const hk = [bar('2025-01-27', 78), bar('2025-01-28', 77, 0), bar('2025-02-03', 80), bar('2025-02-04', 88)];

describe('FX symbols', () => {
  it('names the per-dollar series of a currency and reads it back', () => {
    expect(fxSymbolOf('HKD')).toBe('HKD=X');
    expect(fxSymbolOf('USD')).toBeNull();
    expect(currencyOfFx('HKD=X')).toBe('HKD');
    expect(currencyOfFx('EURUSD=X')).toBeNull();
    expect(currencyOfFx('9988.HK')).toBeNull();
  });

  it('offers a common currency only when every member converts', () => {
    expect(commonCurrencies(['HKD', 'USD'], ['9988.HK', 'BABA'])).toEqual([]);
    expect(commonCurrencies(['HKD', 'USD'], ['9988.HK', 'BABA', 'HKD=X'])).toEqual(['HKD', 'USD']);
    expect(commonCurrencies(['HKD', 'CNY'], ['HKD=X'])).toEqual([]);
    expect(commonCurrencies(['HKD', null], ['HKD=X'])).toEqual([]);
    // Nothing to change: every member is already in the only currency there is.
    expect(commonCurrencies(['USD', 'USD'], ['BABA'])).toEqual([]);
    expect(commonCurrencies(['HKD', 'HKD'], ['HKD=X'])).toEqual(['HKD', 'USD']);
  });
});

describe('converting a series into another currency', () => {
  it("uses each session's own rate (the last on or before it), never a later one", () => {
    const usd = convertBars(hk, 'HKD', 'USD', fx);
    expect(usd.currency).toBe('USD');
    expect(usd.bars.map((b) => b.date)).toEqual(hk.map((b) => b.date));
    expect(usd.bars[0]!.close).toBeCloseTo(78 / 7.8, 12); // 10
    expect(usd.bars[1]!.placeholder).toBe(true); // stays a gap
    expect(usd.bars[2]!.close).toBeCloseTo(80 / 8, 12); // 10
    // 4 Feb has no HKD=X row: the 3 Feb rate holds.
    expect(usd.bars[3]!.close).toBeCloseTo(88 / 8, 12); // 11
    expect(usd.bars[3]!.volume).toBe(1000);
    expect(usd.unconverted.size).toBe(0);
  });

  it('converts across two rates and gaps the sessions before the first rate', () => {
    const cny = convertBars(hk, 'HKD', 'CNY', fx);
    // 27 Jan: no CNY=X yet.
    expect(cny.bars[0]!.placeholder).toBe(true);
    expect(cny.unconverted.get(d('2025-01-27'))).toBe('no CNY=X rate on or before 2025-01-27');
    // 3 Feb: 80 HKD / 8 HKD per USD × 7.25 CNY per USD = 72.5 CNY.
    expect(cny.bars[2]!.close).toBeCloseTo(72.5, 12);
    expect(() => convertBars(hk, 'HKD', 'EUR', fx)).toThrow('EUR=X is not in the cache');
    expect(convertBars(hk, 'HKD', 'HKD', fx).bars).toBe(hk);
  });

  it('rebases the converted series: a USD holder sees the currency move too', () => {
    // In HKD, 100 at 27 Jan → 80/78; in USD, the HKD fell from 7.8 to 8 per dollar: 10 → 10, flat.
    const anchor = t0ForEvent(
      dateAnchor(d('2025-01-27')),
      'Asia/Hong_Kong',
      hk.map((b) => b.date),
    );
    const own = rebaseAt(hk, anchor);
    const usd = rebaseAt(convertBars(hk, 'HKD', 'USD', fx).bars, anchor);
    expect(own.points.find((p) => p.date === '2025-02-03')!.value).toBeCloseTo((100 * 80) / 78, 12);
    expect(usd.points.find((p) => p.date === '2025-02-03')!.value).toBeCloseTo(100, 12);
    expect(usd.points.find((p) => p.date === '2025-02-04')!.value).toBeCloseTo(110, 12);
    // No rate at the anchor: the series says so instead of guessing.
    const c = convertBars(hk, 'HKD', 'CNY', fx);
    const none = rebaseAt(c.bars, anchor, undefined, undefined, (x) => c.unconverted.get(x) ?? null);
    expect(none.missing).toBe('no data at the anchor 2025-01-27: no CNY=X rate on or before 2025-01-27');
    expect(none.points).toEqual([]);
  });
});
