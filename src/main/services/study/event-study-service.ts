import type { IsoDate, Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type {
  EventStudyInput,
  EventStudyResult,
  EventStudyRow,
  EventStudySummary,
} from '../../../shared/contract/research';
import type { Bar } from '../../../shared/domain/bar';
import { localMoment, t0FromLocal } from '../../../shared/domain/calendar';
import {
  alignReturns,
  anchorEvent,
  carPath,
  crossSection,
  DEFAULT_WINDOWS,
  defaultBenchmark,
  measureWindow,
  type AlignedReturns,
  type SessionWindow,
} from '../../../shared/domain/event-study';
import type { StudyEvent } from '../../../shared/domain/study-event';
import type { BarsRepository } from '../../db/repositories/bars-repository';
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
  /** Yields to the event loop (main: setImmediate); long runs call it every `sliceMs`. */
  readonly yieldToLoop?: () => Promise<void>;
  /** Longest stretch of synchronous work before yielding, in ms (default 20). */
  readonly sliceMs?: number;
  readonly now?: () => number;
}

/** A symbol's cached series: its zone, session dates (placeholders included) and bars. */
interface Series {
  readonly zone: string;
  readonly sessions: readonly IsoDate[];
  readonly bars: readonly Bar[];
}

/**
 * Event studies on the cache (maths in shared/domain/event-study.ts). Reads each symbol's bars
 * once per run, aligns each symbol with its benchmark once, converts each event to each
 * exchange zone once, and yields to the event loop between symbols so a large study never
 * blocks the main process for long.
 *
 * Symbols: given, else the subjects of the event's study (else the event's own symbols).
 * Benchmark: the run's, else the study's setting, else the user's default for the exchange (app
 * settings), else the built-in exchange default (^HSI, 000001.SS, ^GSPC).
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
    return { benchmark };
  }

  async run(input: EventStudyInput): Promise<EventStudyResult> {
    const { events, symbols, studyId } = this.scope(input);
    const defaults = this.deps.defaults?.();
    const windows: readonly SessionWindow[] = input.windows ?? defaults?.windows ?? DEFAULT_WINDOWS;
    const studyBenchmark = studyId ? this.deps.settings.benchmark(studyId) : null;
    const now = this.deps.now ?? (() => performance.now());
    const slice = this.deps.sliceMs ?? 20;
    const yieldToLoop = this.deps.yieldToLoop ?? (() => new Promise<void>((r) => setImmediate(r)));

    const seriesCache = new Map<string, Series | null>();
    let readMs = 0;
    const runStart = now();
    const load = (symbol: Ticker): Series | null => {
      if (seriesCache.has(symbol)) return seriesCache.get(symbol)!;
      const t = now();
      const instrument = this.deps.instruments.get(symbol);
      const bars = instrument ? this.deps.bars.range(symbol) : [];
      const s = instrument ? { zone: instrument.timezone, sessions: bars.map((b) => b.date), bars } : null;
      seriesCache.set(symbol, s);
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

    // rows[e][s][w], filled symbol by symbol (each symbol's bars read and aligned once).
    const grid: EventStudyRow[][][] = events.map(() => symbols.map(() => []));
    let started = now();
    for (let si = 0; si < symbols.length; si++) {
      const symbol = symbols[si]!;
      const s = load(symbol);
      const zone = s?.zone ?? null;
      const benchmark =
        input.benchmark ?? studyBenchmark ?? defaults?.benchmarkFor(zone) ?? defaultBenchmark(symbol, zone);
      const m = benchmark ? load(benchmark) : null;
      let aligned: AlignedReturns | null = null;
      let seriesMissing: string | null = null;
      if (!s) seriesMissing = `${symbol} is not in the cache`;
      else if (!benchmark) seriesMissing = `no default benchmark for ${symbol}'s exchange; choose one`;
      else if (!m) seriesMissing = `the benchmark ${benchmark} is not in the cache`;
      else aligned = alignReturns(s.bars, m.bars);
      for (let ei = 0; ei < events.length; ei++) {
        const e = events[ei]!;
        const out = grid[ei]![si]!;
        if (!aligned || !s) {
          for (const w of windows) out.push(emptyRow(e.id, symbol, benchmark, w, seriesMissing ?? 'no data'));
          continue;
        }
        const t0r = t0FromLocal(localOf(e, s.zone), s.zone, s.sessions);
        const anchor = anchorEvent(
          aligned,
          t0r.t0,
          undefined,
          `no T0: the event (${t0r.localDate}) is ${t0r.gap === 'before-cached-history' ? 'before' : 'after'} ${symbol}'s cached sessions`,
        );
        const model = anchor.model.ok ? anchor.model.value : null;
        for (const w of windows) {
          const measure = measureWindow(aligned, anchor, w);
          out.push({
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
            estimation: model ? { from: model.from, to: model.to, n: model.n } : null,
            missing: measure.missing,
            ...(input.paths ? { path: carPath(aligned, anchor, w) } : {}),
          });
        }
      }
      if (now() - started > slice) {
        await yieldToLoop();
        started = now();
      }
    }
    const rows = grid.flat(2);
    const totalMs = now() - runStart;
    return {
      timings: { readMs, computeMs: totalMs - readMs },
      events: events.map((e) => e.id),
      symbols,
      windows,
      rows,
      byEvent: summarise(
        rows,
        windows,
        (r) => r.eventId,
        events.map((e) => e.id),
      ),
      bySymbol: summarise(rows, windows, (r) => r.symbol, symbols),
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

function summarise(
  rows: readonly EventStudyRow[],
  windows: readonly SessionWindow[],
  keyOf: (r: EventStudyRow) => string,
  keys: readonly string[],
): EventStudySummary[] {
  const by = new Map<string, Array<number | null>>();
  for (const r of rows) {
    const k = `${keyOf(r)}\u0000${r.window[0]}:${r.window[1]}`;
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(r.carMarketModel);
  }
  const out: EventStudySummary[] = [];
  for (const key of keys)
    for (const w of windows) out.push({ key, window: w, ...crossSection(by.get(`${key}\u0000${w[0]}:${w[1]}`) ?? []) });
  return out;
}
