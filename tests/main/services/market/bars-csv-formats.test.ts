import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBarsCsv, readBarsCsvSliced, ROWS_PER_SLICE } from '../../../../src/main/services/market/bars-csv';
import { decodeBarsBytes } from '../../../../src/main/services/market/bars-file';
import { looksLikeBarsCsv } from '../../../../src/shared/domain/bars-import';

const DIR = join(__dirname, '../../../fixtures/market/formats');
const read = (name: string) => readBarsCsv(decodeBarsBytes(name, readFileSync(join(DIR, name))).text);
type Row = [string, number | null, number | null, number | null, number, number | null, number | null];
const bars = (rows: Row[]) =>
  rows.map(([date, open, high, low, close, adjClose, volume]) => ({
    date,
    open,
    high,
    low,
    close,
    adjClose,
    volume,
    placeholder: false,
  }));

describe('readBarsCsv on the downloads people have (fixtures in tests/fixtures/market/formats)', () => {
  it('Yahoo Finance download: the all-null holiday row is skipped and counted, adjusted close kept', () => {
    const r = read('yahoo-download.csv');
    expect(r).toMatchObject({ format: 'yahoo', ignoredColumns: [], problems: [], dateOrder: 'ymd' });
    expect(r.skipped).toEqual([{ line: 4, reason: '2024-12-25: no prices (null)' }]);
    expect(r.bars).toEqual(
      bars([
        ['2024-12-23', 255.490005, 255.649994, 253.449997, 255.270004, 254.367096, 40858800],
        ['2024-12-24', 255.490005, 258.209991, 255.289993, 258.200012, 257.286682, 23234700],
        ['2024-12-26', 258.190002, 260.100006, 257.630005, 259.019989, 258.103729, 27237100],
      ]),
    );
  });

  it('yfinance to_csv(): local dates from Datetime with offsets, float volumes, Dividends/Stock Splits ignored', () => {
    const r = read('yfinance-to-csv.csv');
    expect(r).toMatchObject({ format: 'yfinance', ignoredColumns: ['Dividends', 'Stock Splits'], problems: [] });
    expect(r.skipped).toEqual([{ line: 4, reason: '2024-03-12 00:00:00-04:00: no prices (empty)' }]);
    expect(r.bars).toEqual(
      bars([
        ['2024-03-08', 38.02000045776367, 38.40999984741211, 37.709999084472656, 38.25, 37.1129150390625, 801200],
        ['2024-03-11', 38.20000076293945, 38.70000076293945, 38.0, 38.5, 37.35548400878906, 654300],
        ['2024-03-13', 38.54999923706055, 39.0, 38.400001525878906, 38.900001525878906, 37.99353790283203, 702100],
      ]),
    );
  });

  it('Tiingo CSV: raw prices and adjClose; the other adjusted columns, dividends and splits ignored', () => {
    const r = read('tiingo.csv');
    expect(r).toMatchObject({
      format: 'tiingo',
      ignoredColumns: ['adjHigh', 'adjLow', 'adjOpen', 'adjVolume', 'divCash', 'splitFactor'],
      problems: [],
    });
    expect(r.bars).toEqual(
      bars([
        ['2024-06-07', 174.41, 175.19, 173.5, 174.46, 174.06, 16495900],
        ['2024-06-10', 174.27, 175.55, 172.92, 175.01, 174.61, 20566700],
        ['2024-06-11', 175.04, 177.32, 174.02, 176.62, 176.62, 24041000],
      ]),
    );
  });

  it('Alpha Vantage: timestamp column, newest first', () => {
    const r = read('alphavantage.csv');
    expect(r).toMatchObject({ format: 'alpha-vantage', problems: [] });
    expect(r.bars.map((b) => b.date)).toEqual(['2024-09-04', '2024-09-05', '2024-09-06']);
    expect(r.bars[0]).toEqual(bars([['2024-09-04', 212.39, 214.72, 211.96, 213.99, null, 2794212]])[0]);
  });

  it('Stooq download', () => {
    const r = read('stooq.csv');
    expect(r).toMatchObject({ format: 'stooq', problems: [], ignoredColumns: [] });
    expect(r.bars.at(-1)).toEqual(bars([['2019-04-03', 283.48, 283.82, 282.01, 283.13, null, 66154498]])[0]);
  });

  it('investing.com: Price, thousands separators, B/M volumes, "-" volume, newest first, Change % ignored', () => {
    const r = read('investing-com.csv');
    expect(r).toMatchObject({ format: 'investing.com', ignoredColumns: ['Change %'], problems: [], decimalMark: '.' });
    expect(r.columns.map((c) => [c.name, c.field])).toEqual([
      ['Date', 'date'],
      ['Price', 'close'],
      ['Open', 'open'],
      ['High', 'high'],
      ['Low', 'low'],
      ['Vol.', 'volume'],
      ['Change %', null],
    ]);
    expect(r.bars).toEqual(
      bars([
        ['2024-05-29', 18798.37, 18822.22, 18454.09, 18477.01, null, 845200000],
        ['2024-05-30', 18254.52, 18270.81, 18087.61, 18230.19, null, null],
        ['2024-05-31', 18230.26, 18307.93, 17992.95, 18079.61, null, 3150000000],
        ['2024-06-03', 18238.5, 18462.11, 18211.32, 18403.04, null, 2070000000],
      ]),
    );
  });

  it('nasdaq.com: Close/Last, $ prices, MM/DD/YYYY, CRLF', () => {
    const r = read('nasdaq-com.csv');
    expect(r).toMatchObject({ format: 'nasdaq.com', problems: [], dateOrder: 'mdy' });
    expect(r.bars).toEqual(
      bars([
        ['2024-06-12', 435.32, 443.4, 433.25, 441.06, null, 22366180],
        ['2024-06-13', 440.85, 443.39, 439.37, 441.58, null, 15959850],
        ['2024-06-14', 438.28, 443.14, 436.72, 442.57, null, 13582250],
      ]),
    );
  });

  it('OHLCV with extra columns: OpenInterest and Change ignored and listed', () => {
    const r = read('ohlcv-extra-columns.csv');
    expect(r).toMatchObject({ format: 'ohlcv', ignoredColumns: ['OpenInterest', 'Change'], problems: [] });
    expect(r.bars[1]).toEqual(bars([['2007-03-02', 4062.73, 4070.35, 3998.41, 4002.33, null, 0]])[0]);
  });

  it('European export: ";", decimal commas, thousands dots, DD.MM.YYYY, German headers', () => {
    const r = read('european.csv');
    expect(r).toMatchObject({ format: 'european', delimiter: ';', decimalMark: ',', dateOrder: 'dmy', problems: [] });
    expect(r.bars).toEqual(
      bars([
        ['2024-01-02', 1234.5, 1250, 1228.25, 1247.75, null, 1520300],
        ['2024-01-03', 1247, 1251.6, 1236.1, 1240.2, null, 980415],
        ['2024-01-04', 1240.2, 1243, 1221.55, 1225, null, 1104118],
      ]),
    );
  });

  it.each([
    ['utf-16le', [0xff, 0xfe], true],
    ['utf-16be', [0xfe, 0xff], false],
  ] as const)('decodes %s with a BOM (Excel "Unicode text") to the same bars', (encoding, bom, le) => {
    const text = readFileSync(join(DIR, 'stooq.csv'), 'utf8');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set(bom);
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      bytes[2 + 2 * i] = le ? u & 0xff : u >> 8;
      bytes[3 + 2 * i] = le ? u >> 8 : u & 0xff;
    }
    const decoded = decodeBarsBytes('stooq-utf16.csv', bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(readBarsCsv(decoded.text).bars).toEqual(read('stooq.csv').bars);
  });

  it('refuses a binary file with what it is', () => {
    expect(() => decodeBarsBytes('chart.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]))).toThrow(
      /chart\.csv: the file is a PNG image, not a CSV of daily bars/,
    );
  });
});

describe('day/month order of numeric dates, decided for the whole column', () => {
  const csv = (dates: string[]) => `date,close\n${dates.map((d, i) => `${d},${10 + i}`).join('\n')}\n`;

  it('from a value above 12', () => {
    expect(readBarsCsv(csv(['03/04/2025', '13/04/2025'])).bars.map((b) => b.date)).toEqual([
      '2025-04-03',
      '2025-04-13',
    ]);
    expect(readBarsCsv(csv(['04/03/2025', '04/13/2025'])).dateOrder).toBe('mdy');
  });

  it('from the order of the rows when only one reading is a date sequence', () => {
    // 01/02, 01/03, 01/06: month-first would be Jan 2, Jan 3, Jan 6 (ascending); day-first
    // Feb 1, Mar 1, Jun 1 (also ascending) — so add a row only one reading keeps in order.
    const r = readBarsCsv(csv(['12/02/2025', '01/03/2025', '02/03/2025']));
    expect(r.dateOrder).toBe('dmy');
    expect(r.bars.map((b) => b.date)).toEqual(['2025-02-12', '2025-03-01', '2025-03-02']);
  });

  it('asks the user when the column cannot tell, and follows the choice', () => {
    const text = csv(['01/02/2025', '01/03/2025']);
    expect(readBarsCsv(text).problems).toEqual([
      {
        line: 0,
        reason: expect.stringMatching(/01\/02\/2025 can be read as MM\/DD\/YYYY or DD\/MM\/YYYY.*--date-format/),
      },
    ]);
    expect(readBarsCsv(text, { dateOrder: 'dmy' }).bars.map((b) => b.date)).toEqual(['2025-02-01', '2025-03-01']);
    expect(readBarsCsv(text, { dateOrder: 'mdy' }).bars.map((b) => b.date)).toEqual(['2025-01-02', '2025-01-03']);
  });

  it('reports a column that mixes both orders', () => {
    expect(readBarsCsv(csv(['13/01/2025', '01/14/2025'])).problems[0]?.reason).toMatch(/mixes MM\/DD\/YYYY and DD\/MM/);
  });
});

describe('column mapping chosen by the user', () => {
  it('replaces the automatic choice for the fields it names', () => {
    const text = 'Date,Close,Adj Close\n2025-01-02,10,9\n';
    const r = readBarsCsv(text, { mapping: { close: 'Adj Close', adjClose: null } });
    expect(r.bars[0]).toMatchObject({ close: 9, adjClose: null });
    expect(r.ignoredColumns).toEqual(['Close']);
    expect(readBarsCsv(text, { mapping: { close: 'Last' } }).problems[0]?.reason).toMatch(/no such column/);
  });
});

describe('looksLikeBarsCsv (routing a dropped file)', () => {
  it.each([
    'yahoo-download.csv',
    'yfinance-to-csv.csv',
    'tiingo.csv',
    'alphavantage.csv',
    'stooq.csv',
    'investing-com.csv',
    'nasdaq-com.csv',
    'ohlcv-extra-columns.csv',
    'european.csv',
  ])('recognises %s', (name) => {
    expect(looksLikeBarsCsv(readFileSync(join(DIR, name), 'utf8'))).toBe(true);
  });

  it.each([
    ['a Yahoo portfolio export', 'Symbol,Current Price,Date,Time,Change,Open,High,Low,Volume\nBABA,1,2,3'],
    ['a symbol list', 'Symbol\nAAPL\n'],
    ['a TradingView list', 'NASDAQ:AAPL,NYSE:BABA'],
    ['an empty file', ''],
  ])('leaves %s to the watchlist import', (_, text) => {
    expect(looksLikeBarsCsv(text)).toBe(false);
  });
});

describe('readBarsCsvSliced (the main process reading a file in slices)', () => {
  it('reads every fixture exactly as readBarsCsv does, problems and skipped rows included', async () => {
    const { readdirSync } = await import('node:fs');
    const names = readdirSync(DIR).filter((n) => !n.startsWith('.'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const text = decodeBarsBytes(name, readFileSync(join(DIR, name))).text;
      let whole: unknown;
      try {
        whole = readBarsCsv(text);
      } catch (e) {
        await expect(readBarsCsvSliced(text)).rejects.toThrow((e as Error).message);
        continue;
      }
      expect(await readBarsCsvSliced(text), name).toEqual(whole);
    }
  });

  it(`lets the event loop turn after the split and every ${ROWS_PER_SLICE} rows, with a bad row found after a turn`, async () => {
    const lines = ['Date,Open,High,Low,Close,Volume'];
    for (let i = 0; i < 2500; i++) {
      const date = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      lines.push(i === 2100 ? `${date},1,2,0.5,oops,10` : `${date},1,2,0.5,1.5,10`);
    }
    const text = `${lines.join('\n')}\n`;
    let turns = 0;
    const sliced = await readBarsCsvSliced(text, {}, async () => {
      turns++;
    });
    expect(turns).toBe(1 + Math.floor(2500 / ROWS_PER_SLICE));
    expect(sliced).toEqual(readBarsCsv(text));
    expect(sliced.bars).toHaveLength(2499);
    expect(sliced.problems).toEqual([{ line: 2102, reason: expect.stringMatching(/close/) }]);
  });
});
