import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import { themeTokens } from '../../../../src/shared/theme';
import { contentSpecs, type ChartMember } from '../../../../src/renderer/src/features/chart/chart-content';
import {
  compareSpecs,
  rebasedPercent,
  rebasedTicks,
  rebaseIndex,
  sameData,
  seriesData,
  seriesOptions,
  seriesTypeOf,
  singleSymbolSpecs,
  toRebasedLine,
  type SeriesSpec,
} from '../../../../src/renderer/src/features/chart/series-specs';
import { fixtureBars } from './bars-fixture';

const bars9988 = fixtureBars('9988.HK-2024-12-16..2025-03-31.csv');
const barsHstech = fixtureBars('HSTECH.HK-2024-12-16..2025-03-31.csv');
const S9988 = asTicker('9988.HK');
const HSTECH = asTicker('HSTECH.HK');
const light = themeTokens.light;

describe('singleSymbolSpecs', () => {
  it('draws candles in the price pane and volume in the pane below', () => {
    const specs = singleSymbolSpecs(S9988, bars9988, false);
    expect(specs.map((s) => [s.kind, s.id, s.pane])).toEqual([
      ['candles', 'price:9988.HK', 0],
      ['volume', 'volume:9988.HK', 1],
    ]);
    expect(specs.map((s) => seriesTypeOf[s.kind])).toEqual(['Candlestick', 'Histogram']);
  });

  it('draws a close-only series as a close line, with no volume pane when the bars carry none', () => {
    const specs = singleSymbolSpecs(HSTECH, barsHstech, true);
    expect(specs.map((s) => [s.kind, s.pane])).toEqual([['close-line', 0]]);
    expect(seriesTypeOf[specs[0]!.kind]).toBe('Line');
  });

  it('keeps the series id of a symbol whether it is drawn as candles or a line', () => {
    expect(singleSymbolSpecs(S9988, bars9988, true)[0]!.id).toBe(singleSymbolSpecs(S9988, bars9988, false)[0]!.id);
  });
});

describe('seriesData', () => {
  it('turns a half-day placeholder into a gap in every kind of series', () => {
    const at = bars9988.findIndex((b) => b.date === '2025-01-28');
    expect(bars9988[at]!.placeholder).toBe(true);
    for (const spec of [
      ...singleSymbolSpecs(S9988, bars9988, false),
      ...compareSpecs([{ symbol: S9988, bars: bars9988, base: asIsoDate('2025-01-27') }]),
    ]) {
      const point = seriesData(spec, light)[at]!;
      expect(point).toEqual({ time: '2025-01-28' });
    }
  });

  it('colours volume by the session’s direction from the theme', () => {
    const volume = singleSymbolSpecs(S9988, bars9988, false)[1]!;
    const i = bars9988.findIndex((b) => !b.placeholder && b.open !== null && b.close < b.open);
    const dark = seriesData(volume, themeTokens.dark)[i] as { color: string };
    expect((seriesData(volume, light)[i] as { color: string }).color).toBe(light.downVolume);
    expect(dark.color).toBe(themeTokens.dark.downVolume);
  });

  it('has one point per bar, in time order', () => {
    const [candles] = singleSymbolSpecs(S9988, bars9988, false);
    const points = seriesData(candles!, light);
    expect(points.map((p) => p.time)).toEqual(bars9988.map((b) => b.date));
  });
});

describe('rebased lines (compare mode)', () => {
  it('is 100 at the base session and moves with the close', () => {
    const base = asIsoDate('2025-01-27');
    const line = toRebasedLine(bars9988, base);
    const at = bars9988.findIndex((b) => b.date === base);
    expect((line[at] as { value: number }).value).toBe(100);
    const later = bars9988.findIndex((b) => b.date === '2025-02-21');
    expect((line[later] as { value: number }).value).toBeCloseTo(
      (bars9988[later]!.close / bars9988[at]!.close) * 100,
      10,
    );
  });

  it('rebases only on a valid bar dated the base, as `catalyst compare` does (never a placeholder, a holiday or an earlier session)', () => {
    // 2025-01-28 is a half-day placeholder; 2025-01-29..31 Hong Kong is shut.
    expect(bars9988[rebaseIndex(bars9988, asIsoDate('2025-01-27'))!]!.date).toBe('2025-01-27');
    expect(rebaseIndex(bars9988, asIsoDate('2025-01-28'))).toBeNull();
    expect(rebaseIndex(bars9988, asIsoDate('2025-01-30'))).toBeNull();
    expect(rebaseIndex(bars9988, asIsoDate('2024-01-01'))).toBeNull();
  });

  it('draws nothing when the base is before the first cached session', () => {
    expect(toRebasedLine(bars9988, asIsoDate('2020-01-01')).every((p) => !('value' in p))).toBe(true);
  });

  it('puts every compared symbol in the price pane with its own colour and base', () => {
    const specs = compareSpecs([
      { symbol: S9988, bars: bars9988, base: asIsoDate('2025-01-27') },
      { symbol: HSTECH, bars: barsHstech, base: asIsoDate('2025-01-27') },
    ]);
    expect(specs.map((s) => [s.kind, s.id, s.pane])).toEqual([
      ['rebased-line', 'rebased:9988.HK', 0],
      ['rebased-line', 'rebased:HSTECH.HK', 0],
    ]);
    const colours = specs.map((s) => (seriesOptions(s, light) as { color: string }).color);
    expect(colours).toEqual([light.compare[0], light.compare[1]]);
    expect(new Set(colours).size).toBe(2);
  });
});

describe('the percent scale of a comparison', () => {
  it('labels rebased values as the change since the anchor, with the decimals the step needs', () => {
    expect(rebasedPercent(100)).toBe('0.00%');
    expect(rebasedPercent(112.5)).toBe('+12.50%');
    expect(rebasedPercent(87.654)).toBe('-12.35%');
    expect(rebasedTicks([90, 95, 100, 105, 110])).toEqual(['-10%', '-5%', '0%', '+5%', '+10%']);
    expect(rebasedTicks([101.5, 100, 100.5, 101])).toEqual(['+1.5%', '0.0%', '+0.5%', '+1.0%']);
    expect(rebasedTicks([99.95, 100, 100.05])).toEqual(['-0.05%', '0.00%', '+0.05%']);
    // A log scale's uneven ticks: the smallest gap decides.
    expect(rebasedTicks([80, 90, 100, 125, 150, 200])).toEqual(['-20%', '-10%', '0%', '+25%', '+50%', '+100%']);
    expect(rebasedTicks([100])).toEqual(['0%']);
  });

  it('draws the rebased values themselves (100 = the anchor) and formats them on the axis', () => {
    const [spec] = compareSpecs([{ symbol: S9988, bars: bars9988, base: asIsoDate('2025-02-03') }]);
    const options = seriesOptions(spec!, light) as { priceFormat: { type: string; formatter: (v: number) => string } };
    expect(options.priceFormat.type).toBe('custom');
    expect(options.priceFormat.formatter(103.87)).toBe('+3.87%');
    const at = rebaseIndex(bars9988, asIsoDate('2025-02-03'))!;
    expect(seriesData(spec!, light)[at]).toEqual({ time: '2025-02-03', value: 100 });
  });
});

describe('contentSpecs', () => {
  const instrument = (symbol: string, closeOnly: boolean) =>
    ({ symbol: asTicker(symbol), closeOnly }) as unknown as ChartMember['instrument'];
  const member = (symbol: string, closeOnly: boolean, bars: ChartMember['bars']) => ({
    instrument: instrument(symbol, closeOnly),
    bars,
    missing: null,
    currency: null,
    convertedFrom: null,
  });

  it('draws one symbol as candles and volume, and a comparison as rebased lines without the members lacking a base', () => {
    const main: ChartMember = { ...member('9988.HK', false, bars9988), base: null };
    expect(
      contentSpecs({ selection: { kind: 'single', symbol: S9988 }, members: [main], main }).map((s) => s.kind),
    ).toEqual(['candles', 'volume']);
    const members: ChartMember[] = [
      { ...member('9988.HK', false, bars9988), base: asIsoDate('2025-01-27') },
      {
        ...member('HSTECH.HK', true, barsHstech),
        base: null,
        missing: 'no data at the anchor 2025-01-27: no bar on that session',
      },
    ];
    const specs = contentSpecs({
      selection: { kind: 'compare', symbols: [S9988, HSTECH], anchor: { kind: 'date', date: asIsoDate('2025-01-27') } },
      members,
      main: members[0]!,
    });
    expect(specs.map((s) => s.id)).toEqual(['rebased:9988.HK']);
  });
});

describe('sameData', () => {
  it('keeps a series’ points only for the same bars (and base)', () => {
    const [a] = singleSymbolSpecs(S9988, bars9988, false);
    const [b] = singleSymbolSpecs(S9988, [...bars9988], false);
    expect(sameData(a!, a!)).toBe(true);
    expect(sameData(a!, b!)).toBe(false);
    const r = (base: string): SeriesSpec =>
      compareSpecs([{ symbol: S9988, bars: bars9988, base: asIsoDate(base) }])[0]!;
    expect(sameData(r('2025-01-27'), r('2025-01-27'))).toBe(true);
    expect(sameData(r('2025-01-27'), r('2025-02-03'))).toBe(false);
  });
});
