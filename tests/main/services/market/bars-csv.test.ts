import { describe, expect, it } from 'vitest';
import { parseBarsCsv } from '../../../../src/main/services/market/bars-csv';
import { catalystErrorOf } from '../../../helpers/errors';

const problem = (text: string) => catalystErrorOf(() => parseBarsCsv(text));

describe('parseBarsCsv', () => {
  it('reads a BOM, CRLF, upper-case headers, adj_close and unsorted rows', () => {
    const bars = parseBarsCsv(
      '\uFEFFDate,Open,High,Low,Close,Adj Close,Volume\r\n2025-01-03,2,3,1,2.5,2.4,10\r\n2025-01-02,1,2,1,1.5,,0\r\n',
    );
    expect(bars).toEqual([
      { date: '2025-01-02', open: 1, high: 2, low: 1, close: 1.5, adjClose: null, volume: 0, placeholder: false },
      { date: '2025-01-03', open: 2, high: 3, low: 1, close: 2.5, adjClose: 2.4, volume: 10, placeholder: false },
    ]);
  });

  it('flags vendor placeholder rows (volume 0, O=H=L=C) and keeps them', () => {
    const [bar] = parseBarsCsv('date,open,high,low,close,volume\n2025-01-28,87.25,87.25,87.25,87.25,0\n');
    expect(bar).toMatchObject({ close: 87.25, placeholder: true });
  });

  it.each([
    ['', /empty/],
    ['date,open,high,low,close,volume\n', /no rows/],
    ['when,close\n2025-01-02,1\n', /unknown column "when"/],
    ['date,open,close\n2025-01-02,1,1\n', /open, high and low must all be columns/],
    ['date,close,close\n2025-01-02,1,1\n', /appears twice/],
    ['open,high\n1,2\n', /unknown column|needs at least/],
    ['date,close\n2025-01-02\n', /line 2: expected 2 fields, found 1/],
    ['date,close\n2025-01-02,\n', /line 2: close is empty/],
    ['date,close\n2025-01-02,0x10\n', /line 2: close "0x10" is not a number/],
    ['date,close\n2025-01-02,-3\n', /line 2: close must be positive/],
    ['date,close\n02/01/2025,3\n', /dates such as 02\/01\/2025 can be read as MM\/DD\/YYYY or DD\/MM\/YYYY/],
    ['date,close\n2025-02-30,3\n', /line 2: date "2025-02-30" is not a real date/],
    ['date,close\n31/13/2025,3\n', /line 2: date "31\/13\/2025" is not a real date/],
    ['date,close\nyesterday,3\n', /line 2: date "yesterday" is not a date/],
    ['date,open,high,low,close,volume\n2025-01-02,5,6,4,7,1\n', /line 2: close 7 is outside low..high/],
    ['date,open,high,low,close,volume\n2025-01-02,5,6,4,5,1.5\n', /line 2: volume must be a non-negative whole number/],
    ['date,close\n2025-01-02,1\u0000\n', /binary/],
  ])('rejects %j', (text, message) => {
    const e = problem(text);
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(message);
  });

  it('lists every bad line with structured details, capped in the message', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2025-01-${String(i + 1).padStart(2, '0')},x`);
    const e = problem(`date,close\n${rows.join('\n')}\n`);
    expect(e.message).toMatch(/30 bad row\(s\)/);
    expect(e.message).toMatch(/… and 10 more/);
    expect((e.details as { problems: unknown[] }).problems).toHaveLength(30);
  });

  it('skips blank lines but keeps physical line numbers', () => {
    const e = problem('date,close\n\n2025-01-02,1\n\n2025-01-02,2\n');
    expect(e.message).toMatch(/line 5: duplicate date 2025-01-02 \(first on line 3\)/);
  });
});
