import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asIsoDate, type IsoDate } from '../../../src/shared/brand';
import { toBar } from '../../../src/shared/domain/bar';
import { chunkAnswer } from '../../../src/main/sync/engine';
import { planRequests } from '../../../src/main/sync/plan';
import { addDays } from '../../../src/main/sync/zone-date';
import { nextDay } from '../../../src/main/db/repositories/sync-repository';
import { cleanFloat32 } from '../../../src/main/sync/float32';

const d = asIsoDate;
const opts = { overlapDays: 7, settleDays: 7 };
const cov = (from: string, to: string, fetchedAt: string) => ({ from: d(from), to: d(to), fetchedAt });

describe('planRequests', () => {
  it('asks for the whole range on a first sync', () => {
    expect(planRequests(null, d('2024-01-01'), d('2025-01-31'), opts)).toEqual([
      { from: '2024-01-01', to: '2025-01-31', direction: 'forward' },
    ]);
  });

  it('asks only for the tail plus the overlap later', () => {
    const c = cov('2024-01-01', '2025-01-28', '2025-01-28T09:00:00.000Z');
    expect(planRequests(c, d('2024-01-01'), d('2025-01-29'), opts)).toEqual([
      { from: '2025-01-21', to: '2025-01-29', direction: 'forward' },
    ]);
  });

  it('asks nothing for a range that ended well before it was fetched', () => {
    const c = cov('2024-01-01', '2024-12-31', '2025-03-01T00:00:00.000Z');
    expect(planRequests(c, d('2024-01-01'), d('2024-12-31'), opts)).toEqual([]);
    expect(planRequests(c, d('2024-03-01'), d('2024-06-30'), opts)).toEqual([]);
  });

  it('asks a final range anyway when forced: the tail, or a range inside what is held as it is', () => {
    const c = cov('2024-01-01', '2024-12-31', '2025-03-01T00:00:00.000Z');
    expect(planRequests(c, d('2024-01-01'), d('2024-12-31'), opts, true)).toEqual([
      { from: '2024-12-24', to: '2024-12-31', direction: 'forward' },
    ]);
    expect(planRequests(c, d('2024-03-01'), d('2024-06-30'), opts, true)).toEqual([
      { from: '2024-03-01', to: '2024-06-30', direction: 'forward' },
    ]);
    // Before what is held: the gap as usual, nothing more.
    expect(planRequests(c, d('2023-06-01'), d('2023-09-30'), opts, true)).toEqual([
      { from: '2023-06-01', to: '2023-12-31', direction: 'backward' },
    ]);
    // Not forced, a range still open: the same tail either way.
    const open = cov('2024-01-01', '2025-01-28', '2025-01-28T09:00:00.000Z');
    expect(planRequests(open, d('2024-01-01'), d('2025-01-29'), opts, true)).toEqual(
      planRequests(open, d('2024-01-01'), d('2025-01-29'), opts),
    );
  });

  it('fills the part before what is held backwards, and any gap, so the range stays contiguous', () => {
    const c = cov('2024-06-01', '2024-12-31', '2025-03-01T00:00:00.000Z');
    expect(planRequests(c, d('2024-01-01'), d('2024-03-31'), opts)).toEqual([
      { from: '2024-01-01', to: '2024-05-31', direction: 'backward' },
    ]);
    expect(planRequests(c, d('2025-02-01'), d('2025-02-28'), opts)).toEqual([
      { from: '2024-12-24', to: '2025-02-28', direction: 'forward' },
    ]);
  });

  it('asks nothing when from is after to', () => {
    expect(planRequests(null, d('2025-02-01'), d('2025-01-01'), opts)).toEqual([]);
  });
});

const dayList = (from: string, n: number): IsoDate[] => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('chunkAnswer', () => {
  it('tiles the request range without gaps, in an order that keeps the coverage contiguous', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom<'forward' | 'backward'>('forward', 'backward'),
        fc.integer({ min: 0, max: 5 }),
        (nBars, size, direction, skip) => {
          const req = { from: d('2025-01-01'), to: d('2025-03-31'), direction };
          const dates = dayList('2025-01-02', 85)
            .filter((_, i) => i % (skip + 1) === 0)
            .slice(0, nBars);
          const bars = dates.map((date) =>
            toBar({ date, open: 1, high: 1, low: 1, close: 1, adjClose: null, volume: 1 }),
          );
          const chunks = chunkAnswer(req, bars, [], size);
          // Every bar lands in exactly one chunk whose range contains it.
          expect(chunks.flatMap((c) => c.bars).length).toBe(bars.length);
          for (const c of chunks) for (const b of c.bars) expect(b.date >= c.from && b.date <= c.to).toBe(true);
          // Applied in order, the ranges grow one contiguous range that ends as the request.
          let lo = chunks[0]!.from;
          let hi = chunks[0]!.to;
          for (const c of chunks.slice(1)) {
            if (direction === 'forward') {
              expect(c.from).toBe(nextDay(hi));
              hi = c.to;
            } else {
              expect(nextDay(c.to)).toBe(lo);
              lo = c.from;
            }
          }
          expect([lo, hi]).toEqual([req.from, req.to]);
          expect(chunks.every((c) => c.bars.length <= size)).toBe(true);
        },
      ),
    );
  });

  it('puts each corporate action in the batch of its date', () => {
    const bars = dayList('2025-01-02', 6).map((date) =>
      toBar({ date, open: 1, high: 1, low: 1, close: 1, adjClose: null, volume: 1 }),
    );
    const action = { date: d('2025-01-05'), kind: 'dividend' as const, amount: 1, numerator: null, denominator: null };
    const chunks = chunkAnswer({ from: d('2025-01-01'), to: d('2025-01-10'), direction: 'forward' }, bars, [action], 2);
    expect(chunks.map((c) => c.actions.length)).toEqual([0, 1, 0]);
  });
});

describe('cleanFloat32', () => {
  it('recovers the printed price from a float32 artefact and leaves real doubles alone', () => {
    expect(cleanFloat32(82.4000015258789)).toBe(82.4);
    expect(cleanFloat32(20197.76953125)).toBe(20197.77);
    expect(cleanFloat32(0.1 + 0.2)).toBe(0.1 + 0.2);
    expect(cleanFloat32(84.95)).toBe(84.95);
    // Any price with two decimals below 100000 survives the float32 round trip exactly.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), (n) => cleanFloat32(Math.fround(n / 100)) === n / 100),
    );
  });
});
