import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvValue, restoreCell, toCsv } from '../../../../src/shared/domain/csv/csv-cells';

const parse = (text: string): string[][] =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('toCsv (RFC 4180)', () => {
  it('ends every record with CRLF and quotes fields holding commas, quotes and line breaks', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['two\nlines', 'cr\r\nlf'],
      ],
    );
    expect(text).toBe('a,b\r\n"x,y","say ""hi"""\r\n"two\nlines","cr\r\nlf"\r\n');
    expect(parse(text)).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['two\nlines', 'cr\r\nlf'],
    ]);
  });

  it('starts with a UTF-8 BOM only when asked, and keeps non-ASCII text as is', () => {
    expect(toCsv(['名'], [['阿里巴巴 – ü']])).toBe('名\r\n阿里巴巴 – ü\r\n');
    expect(toCsv(['x'], [], { bom: true })).toBe('\uFEFFx\r\n');
  });

  it('writes numbers in full precision that parse back to the same double', () => {
    const values = [0.1 + 0.2, 138.5, 1e-7, -0.123456789012345, 12345678901234567, 4468.11];
    const text = toCsv(
      ['v'],
      values.map((v) => [v]),
    );
    expect(
      parse(text)
        .slice(1)
        .map((r) => Number(r[0])),
    ).toEqual(values);
    expect(text).toContain('0.30000000000000004');
  });

  it('leaves negative numbers alone: a number is not a formula', () => {
    expect(csvValue(-0.1)).toBe('-0.1');
    expect(csvValue('-0.1')).toBe("'-0.1");
  });

  it('writes null, undefined and non-finite numbers as empty cells, booleans as true/false', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, Number.NaN, true, false]])).toBe(
      'a,b,c,d,e\r\n,,,true,false\r\n',
    );
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/1 cells for a header of 2/);
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\tcmd'],
    ['\rcmd'],
    ["'=already quoted"],
  ])('neutralises %j so no cell starts with a formula character', (cell) => {
    const text = toCsv(['note'], [[cell]]);
    const [, row] = parse(text);
    expect(row![0]).toMatch(/^'/);
    expect(restoreCell(row![0]!)).toBe(cell);
  });

  it('no text cell starts with a formula character (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const parsed = parse(toCsv(['a', 'b'], rows));
        for (const r of parsed.slice(1)) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        expect(parsed.slice(1).map((r) => r.map(restoreCell))).toEqual(rows);
      }),
    );
  });
});
