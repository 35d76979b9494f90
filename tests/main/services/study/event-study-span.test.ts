import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker, type IsoDate, type Ticker } from '../../../../src/shared/brand';
import { BarsRepository } from '../../../../src/main/db/repositories/bars-repository';
import { bareInstrument } from '../../../../src/main/db/repositories/instruments-repository';
import { StudySettingsRepository } from '../../../../src/main/db/repositories/study-settings-repository';
import { EventStudyService } from '../../../../src/main/services/study/event-study-service';
import { UserEventsService } from '../../../../src/main/services/study/user-events-service';
import { createWriteTransaction } from '../../../../src/main/db/transaction';
import { addDays } from '../../../../src/shared/dates';
import { toBar, type Bar } from '../../../../src/shared/domain/bar';
import { alignReturns, anchorEvent, DEFAULT_WINDOWS, measureWindow } from '../../../../src/shared/domain/event-study';
import { userEventInputSchema } from '../../../../src/shared/domain/user-event';
import { useTempDir } from '../../../helpers/temp-db';
import { openStudyHarness, type StudyHarness } from './study-harness';

const tmp = useTempDir();
const T = asTicker;

/** Weekday bars from `from` to `to` (inclusive), leaving out [gapFrom, gapTo]; a seeded random walk. */
function weekdays(from: string, to: string, seed: number, gap?: [string, string]): Bar[] {
  const out: Bar[] = [];
  let x = seed;
  let p = 50 + seed;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6 || (gap && day >= gap[0] && day <= gap[1])) continue;
    x = (x * 1103515245 + 12345) % 2 ** 31;
    p *= 1 + (x / 2 ** 31 - 0.5) * 0.04;
    const close = Math.round(p * 100) / 100;
    out.push(
      toBar({ date: asIsoDate(day), open: close, high: close, low: close, close, adjClose: null, volume: 1000 }),
    );
  }
  return out;
}

function userEventsOf(h: StudyHarness): UserEventsService {
  return new UserEventsService({
    events: h.repos.events,
    studies: h.repos.studies,
    study: h.study,
    writeTransaction: createWriteTransaction(h.db),
    onChanged: () => {},
  });
}

describe('event study: the span read around the events', () => {
  it('reads only the sessions around the events, and the whole history where that span falls short', async () => {
    const h = openStudyHarness(tmp.dbPath());
    const mkt = weekdays('2022-01-03', '2025-12-31', 7);
    const normal = weekdays('2022-01-03', '2025-12-31', 11);
    // Suspended for over a year: the 130 sessions before its T0 reach back into 2023.
    const suspended = weekdays('2022-01-03', '2025-12-31', 13, ['2024-03-01', '2025-05-31']);
    h.db.transaction(() => {
      for (const [s, b] of [
        ['MKT', mkt],
        ['NORMAL', normal],
        ['SUSPENDED', suspended],
      ] as const) {
        h.repos.instruments.insertIfMissing(bareInstrument(T(s)));
        h.repos.bars.upsertBatch(T(s), b);
      }
    })();
    const userEvents = userEventsOf(h);
    const e = userEvents.add(
      userEventInputSchema.parse({ date: '2025-06-16', title: 'Resumption', symbols: ['NORMAL', 'SUSPENDED'] }),
    );
    // The real repository, with a record of which ranges the service asked for.
    const reads: Array<[Ticker, IsoDate | undefined, IsoDate | undefined]> = [];
    const bars = new BarsRepository(h.db);
    const recording = Object.assign(Object.create(bars) as BarsRepository, {
      sessionCloses: (s: Ticker, from?: IsoDate, to?: IsoDate) => {
        reads.push([s, from, to]);
        return bars.sessionCloses(s, from, to);
      },
    });
    const service = new EventStudyService({ ...h.repos, bars: recording, settings: new StudySettingsRepository(h.db) });
    const r = await service.run({ eventId: e.id, symbols: [T('NORMAL'), T('SUSPENDED')], benchmark: T('MKT') });

    // Every number equals the maths on the whole history.
    for (const [symbol, own] of [
      ['NORMAL', normal],
      ['SUSPENDED', suspended],
    ] as const) {
      const series = alignReturns(own, mkt);
      const anchor = anchorEvent(series, asIsoDate('2025-06-16'));
      expect(anchor.model.ok).toBe(true);
      for (const w of DEFAULT_WINDOWS) {
        const want = measureWindow(series, anchor, w);
        const got = r.rows.find((x) => x.symbol === symbol && x.window === w)!;
        expect(got.missing).toEqual([]);
        expect(got.carMarketModel).toBe(want.carMarketModel);
        expect(got.tStat).toBe(want.tStat);
        expect(got.ret).toBe(want.ret);
        expect([got.from, got.to]).toEqual([want.from, want.to]);
      }
    }
    const suspendedRow = r.rows.find((x) => x.symbol === 'SUSPENDED')!;
    expect(suspendedRow.estimation!.from < '2024-01-01').toBe(true);

    // NORMAL and MKT were read over the span only; SUSPENDED (and MKT with it) again in full.
    const spanned = reads.filter(([, from]) => from !== undefined);
    expect(spanned.map(([s]) => s).sort()).toEqual(['MKT', 'NORMAL', 'SUSPENDED']);
    for (const [, from, to] of spanned) {
      expect(from! > '2024-06-01' && from! < '2025-01-31').toBe(true);
      expect(to! > '2025-06-16' && to! < '2025-08-31').toBe(true);
    }
    expect(
      reads
        .filter(([, from]) => from === undefined)
        .map(([s]) => s)
        .sort(),
    ).toEqual(['MKT', 'SUSPENDED']);
    h.db.close();
  });

  it('works in slices: yields once it has held the thread for sliceMs, reads the benchmark once, same numbers', async () => {
    const h = openStudyHarness(tmp.dbPath());
    const subjects = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
    h.db.transaction(() => {
      for (const [i, s] of ['MKT', ...subjects].entries()) {
        h.repos.instruments.insertIfMissing(bareInstrument(T(s)));
        h.repos.bars.upsertBatch(T(s), weekdays('2024-01-01', '2025-12-31', 3 + i));
      }
    })();
    const userEvents = userEventsOf(h);
    const e = userEvents.add(userEventInputSchema.parse({ date: '2025-06-16', title: 'Slices', symbols: subjects }));
    // A clock that only reads move: each read of a symbol's closes takes 3 ms.
    let clock = 0;
    const reads: Ticker[] = [];
    const bars = new BarsRepository(h.db);
    const slow = Object.assign(Object.create(bars) as BarsRepository, {
      sessionCloses: (s: Ticker, from?: IsoDate, to?: IsoDate) => {
        reads.push(s);
        clock += 3;
        return bars.sessionCloses(s, from, to);
      },
    });
    const yields: number[] = [];
    const input = { eventId: e.id, symbols: subjects.map(T), benchmark: T('MKT') };
    const sliced = await new EventStudyService({
      ...h.repos,
      bars: slow,
      settings: new StudySettingsRepository(h.db),
      now: () => clock,
      sliceMs: 4,
      yieldToLoop: async () => {
        yields.push(reads.length);
      },
    }).run(input);
    // A symbol is never split: MKT + S1 (6 ms > 4), S2 + S3, S4 + S5, then S6 (3 ms > 4 / 2)
    // before the summaries across symbols.
    expect(yields).toEqual([2, 4, 6, 7]);
    expect(sliced.timings.longestSliceMs).toBe(6);
    // The benchmark is read once (kept for the run), each subject once.
    expect(reads).toEqual(['S1', 'MKT', ...subjects.slice(1)]);
    const whole = await new EventStudyService({
      ...h.repos,
      settings: new StudySettingsRepository(h.db),
      sliceMs: Infinity,
    }).run(input);
    expect(sliced.rows).toEqual(whole.rows);
    expect(sliced.bySymbol).toEqual(whole.bySymbol);
    expect(sliced.byEvent).toEqual(whole.byEvent);
    h.db.close();
  });
});
