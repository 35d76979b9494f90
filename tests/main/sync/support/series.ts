import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One session as a provider would serve it (as traded, plus an adjusted close). */
export interface FakeBar {
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly adjClose?: number;
}

/** A symbol the fake provider knows: its metadata, sessions and corporate actions. */
export interface FakeSeries {
  readonly symbol: string;
  readonly name: string;
  readonly exchange: string;
  readonly currency: string;
  readonly timezone: string;
  readonly instrumentType: 'EQUITY' | 'INDEX' | 'ETF';
  /** Local time of the session's timestamp, e.g. "09:30". */
  readonly sessionStart: string;
  readonly bars: FakeBar[];
  readonly dividends?: ReadonlyArray<{ readonly date: string; readonly amount: number }>;
  readonly splits?: ReadonlyArray<{ readonly date: string; readonly numerator: number; readonly denominator: number }>;
}

const PRICES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../resources/prices');

/** Real daily bars shipped with the app (`resources/prices`, provenance in its SOURCES.md). */
export function loadCsvBars(file: string): FakeBar[] {
  const lines = readFileSync(join(PRICES, file), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  if (header.join(',') !== 'date,open,high,low,close,volume') throw new Error(`${file}: unexpected header ${lines[0]}`);
  return lines.slice(1).map((l) => {
    const [date, open, high, low, close, volume] = l.split(',');
    return {
      date: date!,
      open: Number(open),
      high: Number(high),
      low: Number(low),
      close: Number(close),
      volume: Number(volume),
    };
  });
}

const HK = { exchange: 'HKSE', currency: 'HKD', timezone: 'Asia/Hong_Kong', sessionStart: '09:30' } as const;
const US = { timezone: 'America/New_York', sessionStart: '09:30', currency: 'USD' } as const;

/** The real series the tests serve, by Yahoo symbol. */
export function realSeries(): FakeSeries[] {
  return [
    {
      symbol: '9988.HK',
      name: 'Alibaba Group Holding Limited',
      instrumentType: 'EQUITY',
      ...HK,
      bars: loadCsvBars('9988.HK.csv'),
    },
    {
      symbol: '0700.HK',
      name: 'Tencent Holdings Limited',
      instrumentType: 'EQUITY',
      ...HK,
      bars: loadCsvBars('0700.HK.csv'),
    },
    { symbol: '9888.HK', name: 'Baidu, Inc.', instrumentType: 'EQUITY', ...HK, bars: loadCsvBars('9888.HK.csv') },
    {
      symbol: '1810.HK',
      name: 'Xiaomi Corporation',
      instrumentType: 'EQUITY',
      ...HK,
      bars: loadCsvBars('1810.HK.csv'),
    },
    { symbol: '^HSI', name: 'HANG SENG INDEX', instrumentType: 'INDEX', ...HK, bars: loadCsvBars('HSI.csv') },
    {
      symbol: 'BABA',
      name: 'Alibaba Group Holding Limited',
      exchange: 'NYQ',
      instrumentType: 'EQUITY',
      ...US,
      bars: loadCsvBars('BABA.csv'),
    },
    {
      symbol: 'BIDU',
      name: 'Baidu, Inc.',
      exchange: 'NMS',
      instrumentType: 'EQUITY',
      ...US,
      bars: loadCsvBars('BIDU.csv'),
    },
    {
      symbol: '^GSPC',
      name: 'S&P 500',
      exchange: 'SNP',
      instrumentType: 'INDEX',
      ...US,
      bars: loadCsvBars('GSPC.csv'),
    },
  ];
}

/**
 * Many symbols for load and crash tests: the real series again under other symbols
 * (`L00.HK`, `L01.HK` …), so every served price is a real one.
 */
export function loadSeries(count: number): FakeSeries[] {
  const base = realSeries();
  return Array.from({ length: count }, (_, i) => {
    const s = base[i % base.length]!;
    const hk = s.timezone === 'Asia/Hong_Kong';
    return { ...s, symbol: `L${String(i).padStart(2, '0')}${hk ? '.HK' : ''}`, instrumentType: 'EQUITY' as const };
  });
}
