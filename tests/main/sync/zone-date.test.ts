import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFloat32 } from '../../../src/main/sync/float32';
import { dateInZone, datesInZone } from '../../../src/main/sync/zone-date';

describe('datesInZone', () => {
  it.each([
    'America/New_York',
    'Asia/Hong_Kong',
    'Europe/London',
    'Australia/Lord_Howe',
    // Skipped 30 December 2011 when it moved across the date line.
    'Pacific/Apia',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'UTC',
  ])('gives the same dates as one Intl call per instant, DST changes included (%s)', (zone) => {
    const ts: number[] = [];
    // Every 7 h 13 s from 2000 to 2027: all hours of the day, both sides of every change.
    for (let t = 946_684_800; t < 1_800_000_000; t += 7 * 3600 + 13) ts.push(t);
    const got = datesInZone(ts, zone);
    const wrong = ts.filter((t, i) => got[i] !== dateInZone(t, zone));
    expect(wrong).toEqual([]);
  });
});

/** The definition: the shortest decimal (in significant digits) that is the same float32. */
function reference(x: number): number {
  const f = Math.fround(x);
  if (f !== x) return x;
  for (let digits = 1; digits <= 9; digits++) {
    const c = Number(x.toPrecision(digits));
    if (Math.fround(c) === f) return c;
  }
  return x;
}

describe('cleanFloat32 fast path', () => {
  it('equals the shortest-digits definition for every float32', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(cleanFloat32(v)).toBe(reference(v));
      }),
      { numRuns: 20_000 },
    );
  });
  it('equals it for prices with up to 4 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 99_999_999 }), (n) => {
        const v = Math.fround(n / 10_000);
        expect(cleanFloat32(v)).toBe(reference(v));
      }),
      { numRuns: 20_000 },
    );
  });
});
