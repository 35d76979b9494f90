import type { IsoDate, Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type {
  EventStudyInput,
  EventStudyResult,
  EventStudyRow,
  EventStudySummary,
} from '../../../shared/contract/research';
import { addDays, localMoment, t0FromLocal } from '../../../shared/domain/calendar';
import {
  alignCloses,
  anchorEvent,
  carPath,
  crossSection,
  DEFAULT_ESTIMATION,
  DEFAULT_WINDOWS,
  defaultBenchmark,
  measureWindow,
  orderWindows,
  studyWindowsSchema,
  type EstimationSpec,
  type SessionCloses,
  type SessionWindow,
} from '../../../shared/domain/event-study';
import type { StudyEvent } from '../../../shared/domain/study-event';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import type { NotifyChange } from '../data-changes';
import type { EventsRepository } from '../../db/repositories/events-repository';
import type { InstrumentsRepository } from '../../db/repositories/instruments-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';
import type { StudySettingsRepository } from '../../db/repositories/study-settings-repository';

export interface EventStudyServiceDeps {
  readonly studies: StudyRepository;
  readonly events: EventsRepository;
  readonly instruments: InstrumentsRepository;
  readonly bars: BarsRepository;
  readonly settings: StudySettingsRepository;
  /**
   * The user's defaults (app settings): windows when a run names none, and a benchmark per
   * exchange time zone that replaces the built-in default. Absent: the built-in defaults.
   */
  readonly defaults?: () => {
    readonly windows: readonly SessionWindow[];
    readonly benchmarkFor: (timezone: string | null) => Ticker | null;
  };
  /** Told after a study's benchmark setting changed (what the event-study views show). */
  readonly notify?: NotifyChange;
  /** Yields to the event loop (main: setImmediate); long runs call it every `sliceMs`. */
  readonly yieldToLoop?: () => Promise<void>;
  /**
   * Longest stretch of synchronous work before yielding, in ms (default 8: with a garbage
   * collection or the OS taking the thread in the middle of a slice, the main process's event
   * loop still never waits 50 ms).
   */
  readonly sliceMs?: number;
  readonly now?: () => number;
}

/** A symbol's cached series: its exchange zone and its sessions by column (placeholders included). */
interface Series {
  readonly zone: string;
  readonly closes: SessionCloses;
}

/**
 * Event studies on the cache (maths in shared/domain/event-study.ts). Reads each symbol's
 * closes once per run as columns (dates, closes, placeholder flags; no object per bar), only
 * over the calendar span around the run's events (a symbol whose numbers that span cannot give
 * is read again in full, so the span never changes a result), aligns each symbol with its
 * benchmark once, converts each event to each exchange zone once, keeps only the benchmarks'
 * series for the whole run, and yields to the event loop whenever it has worked for `sliceMs`
 * (between symbols: a stretch is at most `sliceMs` plus one symbol's read and maths, about a
 * millisecond), so a large study never blocks the main process for long.
 *
 * Symbols: given, else the subjects of the event's study (else the event's own symbols).
 * Benchmark: the run's, else the study's setting, else the user's default for the exchange (app
 * settings), else the built-in exchange default (^HSI, 000001.SS, ^GSPC). Windows: the run's,
 * else the study's own (`setWindows`), else the user's defaults, else the built-in four.
 */
export class EventStudyService {
  private readonly deps: EventStudyServiceDeps;
  constructor(deps: EventStudyServiceDeps) {
    this.deps = deps;
  }

  /** The study's benchmark setting (null: each exchange's default). */
  benchmarkOf(studyId: string): Ticker | null {
    return this.deps.settings.benchmark(studyId);
  }

  /** Sets or clears the study's benchmark. */
  setBenchmark(studyId: string, benchmark: Ticker | null): { benchmark: Ticker | null } {
    if (!this.deps.studies.stored(studyId)) throw new CatalystError('not-found', `no study "${studyId}"`);
    this.deps.settings.setBenchmark(studyId, benchmark);
    this.deps.notify?.({ kinds: ['studies'] });
    return { benchmark };
  }

  /** The study's own windows (null: the user's defaults). */
  windowsOf(studyId: string): SessionWindow[] | null {
    return this.deps.settings.windows(studyId);
  }

  /**
   * Sets the study's own windows, ordered by start then end (null: back to the user's defaults).
   * 1 to 12 windows, each `[a, b]` with a ≤ b within ±250 sessions, each listed once; anything
   * else is an `invalid-input` error and nothing is saved.
   */
  setWindows(studyId: string, windows: readonly SessionWindow[] | null): { windows: SessionWindow[] | null } {
    let sorted: SessionWindow[] | null = null;
    if (windows !== null) {
      const parsed = studyWindowsSchema.safeParse(windows);
      if (!parsed.success)
        throw new CatalystError('invalid-input', parsed.error.issues.map((i) => i.message).join('; '));
      sorted = orderWindows(parsed.data);
    }
    if (!this.deps.studies.stored(studyId)) throw new CatalystError('not-found', `no study "${studyId}"`);
    this.deps.settings.setWindows(studyId, sorted);
    this.deps.notify?.({ kinds: ['studies'] });
    return { windows: sorted };
  }

  async run(input: EventStudyInput): Promise<EventStudyResult> {
    const now = this.deps.now ?? (() => performance.now());
    // The synchronous stretch under way (from the call, then from each yield) and the longest one.
    let started = now();
    let longestSliceMs = 0;
    const { events, symbols, studyId } = this.scope(input);
    const defaults = this.deps.defaults?.();
    const studyWindows = studyId ? this.deps.settings.windows(studyId) : null;
    const windows: readonly SessionWindow[] = input.windows ?? studyWindows ?? defaults?.windows ?? DEFAULT_WINDOWS;
    const studyBenchmark = studyId ? this.deps.settings.benchmark(studyId) : null;
    const slice = this.deps.sliceMs ?? 8;
    const yieldToLoop = this.deps.yieldToLoop ?? (() => new Promise<void>((r) => setImmediate(r)));
    const pause = async () => {
      longestSliceMs = Math.max(longestSliceMs, now() - started);
      await yieldToLoop();
      started = now();
    };
    const span = readSpan(events, windows);

    let readMs = 0;
    const runStart = now();
    // Two caches: the sessions around the events (what nearly every symbol needs) and, for the
    // few symbols where that span proves too short, everything.
    // Only benchmarks are kept (a subject's series is read, measured and dropped, so a large run
    // holds one symbol's sessions at a time and leaves the collector little to do).
    const near = new Map<string, Series | null>();
    const whole = new Map<string, Series | null>();
    const load = (symbol: Ticker, full: boolean, keep: boolean): Series | null => {
      const cache = full || !span ? whole : near;
      if (cache.has(symbol)) return cache.get(symbol)!;
      const t = now();
      const instrument = this.deps.instruments.get(symbol);
      const closes = instrument
        ? full || !span
          ? this.deps.bars.sessionCloses(symbol)
          : this.deps.bars.sessionCloses(symbol, span.from, span.to)
        : null;
      const s = instrument && closes ? { zone: instrument.timezone, closes } : null;
      if (keep) cache.set(symbol, s);
      readMs += now() - t;
      return s;
    };
    const localCache = new Map<string, { date: IsoDate; time: string | null }>();
    const localOf = (e: StudyEvent, zone: string) => {
      const key = `${e.id}\u0000${zone}`;
      let v = localCache.get(key);
      if (!v) localCache.set(key, (v = localMoment(e, zone)));
      return v;
    };

    const E = events.length;
    const S = symbols.length;
    const W = windows.length;
    // Rows event-major ([e][s][w]), filled symbol by symbol (each symbol's bars read and aligned once).
    const rows = new Array<EventStudyRow>(E * S * W);
    // CARs per event and window, collected as the symbols go (the summaries need no regrouping);
    // each symbol's own summary is made as soon as its rows are.
    const carsByEvent: Array<Array<number | null>> = Array.from({ length: E * W }, () => []);
    const bySymbol: EventStudySummary[] = [];
    const summarise = (si: number) => {
      for (let wi = 0; wi < W; wi++) {
        const cars = new Array<number | null>(E);
        for (let ei = 0; ei < E; ei++) {
          const car = rows[(ei * S + si) * W + wi]!.carMarketModel;
          cars[ei] = car;
          carsByEvent[ei * W + wi]!.push(car);
        }
        bySymbol.push({ key: symbols[si]!, window: windows[wi]!, ...crossSection(cars) });
      }
    };

    /**
     * Fills one symbol's rows from its series and its benchmark's; returns true when some
     * number is missing (so the caller retries on the whole history when it read only a span).
     */
    const measureSymbol = (si: number, full: boolean): boolean => {
      const symbol = symbols[si]!;
      const s = load(symbol, full, false);
      const zone = s?.zone ?? null;
      const benchmark =
        input.benchmark ?? studyBenchmark ?? defaults?.benchmarkFor(zone) ?? defaultBenchmark(symbol, zone);
      const m = benchmark ? load(benchmark, full, true) : null;
      let seriesMissing: string | null = null;
      if (!s) seriesMissing = `${symbol} is not in the cache`;
      else if (!benchmark) seriesMissing = `no default benchmark for ${symbol}'s exchange; choose one`;
      else if (!m) seriesMissing = `the benchmark ${benchmark} is not in the cache`;
      if (!s || !m || seriesMissing !== null) {
        for (let ei = 0; ei < E; ei++)
          for (let wi = 0; wi < W; wi++)
            rows[(ei * S + si) * W + wi] = emptyRow(
              events[ei]!.id,
              symbol,
              benchmark,
              windows[wi]!,
              seriesMissing ?? 'no data',
            );
        return false;
      }
      const aligned = alignCloses(s.closes, m.closes);
      let anyMissing = false;
      for (let ei = 0; ei < E; ei++) {
        const e = events[ei]!;
        const at = (ei * S + si) * W;
        const t0r = t0FromLocal(localOf(e, s.zone), s.zone, s.closes.dates);
        const anchor =
          t0r.t0 !== null
            ? anchorEvent(aligned, t0r.t0)
            : anchorEvent(
                aligned,
                null,
                undefined,
                `no T0: the event (${t0r.localDate}) is ${t0r.gap === 'before-cached-history' ? 'before' : 'after'} ${symbol}'s cached sessions`,
              );
        const model = anchor.model.ok ? anchor.model.value : null;
        const estimation = model ? { from: model.from, to: model.to, n: model.n } : null;
        for (let wi = 0; wi < W; wi++) {
          const w = windows[wi]!;
          const measure = measureWindow(aligned, anchor, w);
          if (measure.missing.length > 0) anyMissing = true;
          const row: Mutable<EventStudyRow> = {
            eventId: e.id,
            symbol,
            benchmark,
            t0: t0r.t0,
            window: w,
            from: measure.from,
            to: measure.to,
            ret: measure.ret,
            arMarketAdjusted: measure.arMarketAdjusted,
            carMarketModel: measure.carMarketModel,
            tStat: measure.tStat,
            alpha: model?.alpha ?? null,
            beta: model?.beta ?? null,
            estimation,
            missing: measure.missing,
          };
          if (input.paths) row.path = carPath(aligned, anchor, w);
          rows[at + wi] = row;
        }
      }
      return anyMissing;
    };

    for (let si = 0; si < S; si++) {
      // A span read gives exactly the whole history's numbers wherever it covers a window and
      // its estimation period (the returns inside are the same); where it does not, the
      // missing number is measured again on the whole history, so nothing depends on the span.
      if (measureSymbol(si, false) && span) measureSymbol(si, true);
      summarise(si);
      if (now() - started > slice) await pause();
    }
    // The summaries across symbols start a slice of their own.
    if (now() - started > slice / 2) await pause();
    const byEvent = events.flatMap((e, ei) =>
      windows.map((window, wi) => ({ key: e.id, window, ...crossSection(carsByEvent[ei * W + wi]!) })),
    );
    const end = now();
    const totalMs = end - runStart;
    longestSliceMs = Math.max(longestSliceMs, end - started);
    return {
      timings: { readMs, computeMs: totalMs - readMs, longestSliceMs },
      events: events.map((e) => e.id),
      symbols,
      windows,
      rows,
      byEvent,
      bySymbol,
      studyBenchmark,
      studyWindows,
    };
  }

  private scope(input: EventStudyInput): { events: StudyEvent[]; symbols: Ticker[]; studyId: string | null } {
    if (input.eventId !== undefined) {
      const e = this.deps.events.get(input.eventId);
      if (!e) throw new CatalystError('not-found', `no event "${input.eventId}"`);
      const symbols = input.symbols ?? (e.studyId ? this.subjects(e.studyId) : [...e.symbols]);
      return { events: [e], symbols: symbols.length ? symbols : [...e.symbols], studyId: e.studyId };
    }
    const studyId = input.studyId!;
    if (!this.deps.studies.stored(studyId)) throw new CatalystError('not-found', `no study "${studyId}"`);
    const hidden = this.deps.events.hiddenIds();
    const events = this.deps.events.list({ studyId }).filter((e) => !hidden.has(e.id));
    return { events, symbols: input.symbols ?? this.subjects(studyId), studyId };
  }

  private subjects(studyId: string): Ticker[] {
    return this.deps.studies
      .universe(studyId)
      .filter((u) => u.role === 'subject')
      .map((u) => u.symbol);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The calendar span to read around a run's events: enough calendar days before the earliest
 * event for its estimation period and earliest window start, and after the latest for its
 * latest window end (a year has about 250 sessions in 365 days; twice that ratio plus two weeks
 * covers any holiday season). Only a first guess: the run re-reads a symbol's whole history
 * wherever the span falls short. Null when there are no events.
 */
function readSpan(
  events: readonly StudyEvent[],
  windows: readonly SessionWindow[],
  spec: EstimationSpec = DEFAULT_ESTIMATION,
): { from: IsoDate; to: IsoDate } | null {
  if (events.length === 0) return null;
  let first = events[0]!.date;
  let last = events[0]!.date;
  for (const e of events) {
    if (e.date < first) first = e.date;
    if (e.date > last) last = e.date;
  }
  const before = spec.gap + spec.length + Math.max(0, ...windows.map((w) => -w[0])) + 2;
  const after = Math.max(0, ...windows.map((w) => w[1])) + 2;
  return { from: addDays(first, -(2 * before + 14)), to: addDays(last, 2 * after + 14) };
}

function emptyRow(
  eventId: string,
  symbol: Ticker,
  benchmark: Ticker | null,
  window: SessionWindow,
  missing: string,
): EventStudyRow {
  return {
    eventId,
    symbol,
    benchmark,
    t0: null,
    window,
    from: null,
    to: null,
    ret: null,
    arMarketAdjusted: null,
    carMarketModel: null,
    tStat: null,
    alpha: null,
    beta: null,
    estimation: null,
    missing: [missing],
  };
}
