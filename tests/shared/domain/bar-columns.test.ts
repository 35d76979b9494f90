import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../src/shared/brand';
import type { Bar } from '../../../src/shared/domain/bar';
import {
  barsToColumns,
  columnsToBars,
  dayToIso,
  isoToDay,
  type BarColumns,
} from '../../../src/shared/domain/bar-columns';
import { typedArrayReplacer, typedArrayReviver } from '../../../src/shared/contract/typed-json';

const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('day numbers', () => {
  it('agree with Date for every day from 1900 to 2100, leap days included', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = isoOf(t);
      const day = isoToDay(iso);
      expect(day).toBe(t / 86_400_000);
      expect(dayToIso(day)).toBe(iso);
    }
  });
  it('round-trip any date of years 0001–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: isoToDay('0001-01-01'), max: isoToDay('9999-12-31') }), (day) => {
        expect(isoToDay(dayToIso(day))).toBe(day);
      }),
    );
  });
});

const price = fc.option(fc.double({ min: 0.0001, max: 1e7, noNaN: true }), { nil: null });
const barArb = fc.record({
  open: price,
  high: price,
  low: price,
  close: fc.double({ min: 0.0001, max: 1e7, noNaN: true }),
  adjClose: price,
  volume: fc.option(fc.integer({ min: 0, max: 2 ** 53 - 1 }), { nil: null }),
  placeholder: fc.boolean(),
});

/** What Electron's IPC and the structured clone do to a value. */
const clone = <T>(v: T): T => structuredClone(v);

describe('BarColumns encoding', () => {
  it('round-trips any bars exactly, through a structured clone (NaN for missing, flags, big volumes)', () => {
    fc.assert(
      fc.property(fc.array(barArb, { maxLength: 300 }), fc.integer({ min: 0, max: 40_000 }), (rows, start) => {
        const bars: Bar[] = rows.map((r, i) => ({ ...r, date: dayToIso(start + i * 2) }));
        const cols = clone(barsToColumns(bars));
        expect(cols.days).toBeInstanceOf(Int32Array);
        expect(cols.close).toBeInstanceOf(Float64Array);
        expect(cols.flags).toBeInstanceOf(Uint8Array);
        expect(columnsToBars(cols)).toEqual(bars);
      }),
    );
  });

  it('marks missing values NaN and the placeholder flag, and stays smaller than Bar objects', () => {
    const bars: Bar[] = Array.from({ length: 5000 }, (_, i) => ({
      date: asIsoDate(isoOf(Date.UTC(2005, 0, 3) + i * 86_400_000)),
      open: i % 10 === 0 ? null : 10 + i / 100,
      high: 11 + i / 100,
      low: 9 + i / 100,
      close: 10.5 + i / 100,
      adjClose: null,
      volume: i === 3 ? null : 1_000_000 + i,
      placeholder: i === 7,
    }));
    const c: BarColumns = barsToColumns(bars);
    expect(Number.isNaN(c.open[0]!)).toBe(true);
    expect(Number.isNaN(c.adjClose[1]!)).toBe(true);
    expect(Number.isNaN(c.volume[3]!)).toBe(true);
    expect([c.flags[6], c.flags[7]]).toEqual([0, 1]);
    expect(serialize(c).length).toBeLessThan(serialize(bars).length / 2);
  });
});

describe('typed arrays on a JSON transport (the browser bridge)', () => {
  it('survive JSON with the replacer and reviver, NaN included', () => {
    const bars: Bar[] = [
      {
        date: asIsoDate('2025-01-02'),
        open: null,
        high: 2,
        low: 1,
        close: 1.5,
        adjClose: null,
        volume: 2 ** 40,
        placeholder: false,
      },
      {
        date: asIsoDate('2025-01-03'),
        open: 1.5,
        high: 2,
        low: 1,
        close: 1.75,
        adjClose: 1.7,
        volume: null,
        placeholder: true,
      },
    ];
    const message = { t: 'result', id: 3, envelope: { ok: true, value: barsToColumns(bars) } };
    const back = JSON.parse(JSON.stringify(message, typedArrayReplacer), typedArrayReviver) as typeof message;
    expect(back.envelope.value.close).toBeInstanceOf(Float64Array);
    expect(back.envelope.value.days).toBeInstanceOf(Int32Array);
    expect(back.envelope.value.flags).toBeInstanceOf(Uint8Array);
    expect(columnsToBars(back.envelope.value)).toEqual(bars);
    expect(back).toEqual(message);
  });

  it('leaves other values alone, and an unknown tag as it is', () => {
    const v = { a: [1, null], b: { $typed: 'BigInt64Array', values: [1] }, c: 'x' };
    expect(JSON.parse(JSON.stringify(v, typedArrayReplacer), typedArrayReviver)).toEqual(v);
  });
});
