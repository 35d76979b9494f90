import type { Ticker } from '../../../shared/brand';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import type { Instrument } from '../../../shared/domain/instrument';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import type { InstrumentsRepository } from '../../db/repositories/instruments-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';
import type { SeededMetadata, StudySeedRepository } from '../../db/repositories/study-seed-repository';
import type { Logger } from '../../log/logger';
import { dataChange, type NotifyChange } from '../data-changes';
import type { StudyWriter } from './study-writer';
import type { WriteTransaction } from '../../db/transaction';
import type { StudyFile } from '../../../shared/domain/study';
import {
  EMBEDDED_STUDY_FILE,
  loadEmbeddedData,
  loadPricesManifest,
  loadShippedSeries,
  loadStudyFile,
  universeEntries,
  type EmbeddedData,
  type ShippedSeries,
} from './study-resources';

export interface SeedServiceDeps {
  readonly studies: StudyRepository;
  /** Writes the study's own rows (shared with study import). */
  readonly writer: StudyWriter;
  readonly instruments: InstrumentsRepository;
  readonly seedCache: StudySeedRepository;
  readonly bars: BarsRepository;
  /** The one write transaction helper (BEGIN IMMEDIATE, so two processes never seed at once). */
  readonly writeTransaction: WriteTransaction;
  /** Folder of shipped data (`resources/`). */
  readonly resourcesDir: string;
  /** Study file inside `resourcesDir` (tests point it elsewhere). */
  readonly studyFile?: string;
  /** Told after a seed that wrote anything: the study's kinds, and bars/instruments of the symbols written. */
  readonly notify: NotifyChange;
  readonly log?: Logger;
}

/** What one seed run did. Every count is of rows this run wrote; a second run reports zeros. */
export interface SeedReport {
  readonly studyId: string;
  readonly revision: number;
  /**
   * `inserted`: the study was new; `updated`: a newer shipped revision replaced the seed's own
   * rows; `unchanged`: the stored revision is the same or newer; `skipped-user-study`: a user
   * study has the same id and was left alone.
   */
  readonly study: 'inserted' | 'updated' | 'unchanged' | 'skipped-user-study';
  readonly instruments: { readonly inserted: readonly string[]; readonly updated: readonly string[] };
  /** Bars inserted per symbol (only dates that were not cached; cached bars are never changed). */
  readonly bars: { readonly inserted: number; readonly bySymbol: Readonly<Record<string, number>> };
  readonly events: { readonly inserted: number; readonly removed: number; readonly skipped: readonly string[] };
  readonly claims: { readonly inserted: number; readonly removed: number };
  /** True when this run wrote anything. */
  readonly changed: boolean;
}

const FIELDS: ReadonlyArray<keyof SeededMetadata> = [
  'name',
  'exchange',
  'currency',
  'timezone',
  'kind',
  'closeOnly',
  'provenance',
  'adjustmentNote',
];
// Fields whose current value may be a default the seed can safely replace when no seed wrote
// it: empty text, and the UTC zone a bare CSV import gives an unknown symbol.
const UNSET: Partial<Record<keyof SeededMetadata, ReadonlyArray<unknown>>> = {
  name: [null],
  exchange: [null],
  currency: [null],
  timezone: ['UTC'],
  provenance: [null],
  adjustmentNote: [null],
};

const STUDY_KINDS = ['studies', 'events', 'claims'] as const;

function metadataOf(i: Instrument): SeededMetadata {
  const { symbol: _symbol, ...rest } = i;
  return rest;
}

/**
 * Seeds the embedded study ("China tech rally 2025") from `resources/`: its instruments (with
 * provenance and adjustment notes), bars, study row, universe, events and claims, in one
 * transaction, after every shipped file has been validated.
 *
 * Invariants:
 * - A cached bar is never overwritten (a user's newer provider data wins); only missing dates are inserted.
 * - Instrument metadata is written on insert; later only fields nobody edited since the last seed change.
 * - Seed-owned events and claims are replaced only when the shipped revision is newer than the stored one;
 *   user rows (origin `user`) are never touched, and a seed event never takes a user event's id.
 * - Running it again changes nothing (zero rows written).
 */
/** What the series writes of one seed add up to, for its report. */
interface Tally {
  changes: number;
  readonly inserted: string[];
  readonly updated: string[];
  readonly bySymbol: Record<string, number>;
  barsInserted: number;
}

const newTally = (): Tally => ({ changes: 0, inserted: [], updated: [], bySymbol: {}, barsInserted: 0 });

export class SeedService {
  private readonly deps: SeedServiceDeps;
  private openReport: SeedReport | null = null;
  constructor(deps: SeedServiceDeps) {
    this.deps = deps;
  }

  /** True when the embedded study is in the database (one query). */
  isSeeded(): boolean {
    return this.deps.studies.stored(EMBEDDED_STUDY_ID) !== null;
  }

  /**
   * First-launch step: seeds when the embedded study is not stored yet, else does nothing
   * (one query). Returns the report of the seed it ran, or null.
   */
  seedIfEmpty(): SeedReport | null {
    if (this.isSeeded()) return null;
    const report = this.seed();
    this.openReport ??= report;
    return report;
  }

  /** The report of the seed {@link seedIfEmpty} ran in this process, once (then null). */
  takeFirstLaunchReport(): SeedReport | null {
    const r = this.openReport;
    this.openReport = null;
    return r;
  }

  /**
   * {@link seedIfEmpty} in slices, for the app's start-up, so the main process never stops for
   * the whole seed: the price manifest and the study file are read and checked, then each
   * shipped price file, then each series is written in a transaction of its own, with a turn of
   * the event loop (`yieldToLoop`) before each of these steps; the study rows go last, in one
   * transaction. Every file is checked before anything is written (a bad
   * file writes nothing), and the study, which {@link isSeeded} looks for, is stored only once
   * every series is: a crash between slices leaves bars that the next start's seed keeps (it
   * only inserts missing ones). Same rows, report and change signal as {@link seed}.
   */
  async seedIfEmptySliced(
    yieldToLoop: () => Promise<void> = () => new Promise<void>((r) => setImmediate(r)),
  ): Promise<SeedReport | null> {
    if (this.isSeeded()) return null;
    // The manifest and the study file in slices of their own (not after the caller's work, such
    // as opening the core): the first parse of each is the longest stretch of a cold start
    // (time-zone data for the manifest's zones, the study's parser).
    await yieldToLoop();
    const manifest = loadPricesManifest(this.deps.resourcesDir);
    await yieldToLoop();
    const study = loadStudyFile(this.deps.resourcesDir, this.deps.studyFile ?? EMBEDDED_STUDY_FILE);
    const entries = universeEntries(study, manifest);
    const series: ShippedSeries[] = [];
    for (const entry of entries) {
      await yieldToLoop();
      series.push(loadShippedSeries(this.deps.resourcesDir, entry));
    }
    const acc = newTally();
    for (const s of series) {
      await yieldToLoop();
      this.deps.writeTransaction(() => this.writeSeries(s, acc));
    }
    await yieldToLoop();
    const report = this.deps.writeTransaction(() => this.writeStudy(study, acc));
    this.announce(report);
    this.openReport ??= report;
    return report;
  }

  /** Validates the shipped files, then writes what is missing in one transaction. Idempotent. */
  seed(): SeedReport {
    const data = loadEmbeddedData(this.deps.resourcesDir, this.deps.studyFile ?? EMBEDDED_STUDY_FILE);
    const report = this.deps.writeTransaction(() => this.write(data));
    this.announce(report);
    return report;
  }

  /** Logs a seed that wrote something and says what changed on the change signal. */
  private announce(report: SeedReport): void {
    if (!report.changed) return;
    this.deps.log?.info(
      `${report.studyId} revision ${report.revision}: study ${report.study}, ${report.bars.inserted} bar(s), ` +
        `${report.events.inserted} event(s), ${report.claims.inserted} claim(s) written`,
    );
    const symbols = [
      ...report.instruments.inserted,
      ...report.instruments.updated,
      ...Object.entries(report.bars.bySymbol).flatMap(([symbol, n]) => (n > 0 ? [symbol] : [])),
    ] as Ticker[];
    const studyKinds = report.study === 'inserted' || report.study === 'updated' ? STUDY_KINDS : [];
    this.deps.notify(dataChange([...studyKinds, 'instruments', 'bars'], symbols));
  }

  private write(data: EmbeddedData): SeedReport {
    const acc = newTally();
    for (const s of data.series) this.writeSeries(s, acc);
    return this.writeStudy(data.study, acc);
  }

  /** One shipped series: its instrument (inserted, or its metadata refreshed) and its missing bars. */
  private writeSeries(s: ShippedSeries, acc: Tally): void {
    const { instruments, bars, seedCache } = this.deps;
    const meta = metadataOf(s.instrument);
    if (instruments.insertIfMissing(s.instrument)) {
      acc.inserted.push(s.instrument.symbol);
      acc.changes += 1;
    } else {
      const n = this.refreshMetadata(s.instrument.symbol, meta);
      if (n > 0) acc.updated.push(s.instrument.symbol);
      acc.changes += n;
    }
    acc.changes += seedCache.recordSeededMetadata(s.instrument.symbol, meta);
    const n = bars.insertMissingBatch(s.instrument.symbol, s.bars);
    acc.bySymbol[s.instrument.symbol] = n;
    acc.barsInserted += n;
    acc.changes += n;
  }

  /** The study's own rows (unless stored as new, or owned by the user), then the seed's report. */
  private writeStudy(study: StudyFile, acc: Tally): SeedReport {
    const { studies } = this.deps;
    let changes = acc.changes;
    const stored = studies.stored(study.id);
    let state: SeedReport['study'];
    let evInserted = 0;
    let evRemoved = 0;
    let clInserted = 0;
    let clRemoved = 0;
    const skipped: string[] = [];
    if (stored?.origin === 'user') {
      state = 'skipped-user-study';
    } else if (stored && stored.revision >= study.revision) {
      state = 'unchanged';
    } else {
      state = stored ? 'updated' : 'inserted';
      const written = this.deps.writer.write(study, 'seed');
      evInserted = written.events.inserted;
      evRemoved = written.events.removed;
      skipped.push(...written.events.skipped);
      clInserted = written.claims.inserted;
      clRemoved = written.claims.removed;
      changes += written.studyRows;
      changes += evInserted + evRemoved + clInserted + clRemoved;
    }
    return {
      studyId: study.id,
      revision: study.revision,
      study: state,
      instruments: { inserted: acc.inserted, updated: acc.updated },
      bars: { inserted: acc.barsInserted, bySymbol: acc.bySymbol },
      events: { inserted: evInserted, removed: evRemoved, skipped },
      claims: { inserted: clInserted, removed: clRemoved },
      changed: changes > 0,
    };
  }

  /**
   * Brings an existing instrument's metadata up to the shipped one, field by field, only where
   * nobody changed the field since the seed last wrote it (or it is still unset). Returns rows changed.
   */
  private refreshMetadata(symbol: Ticker, next: SeededMetadata): number {
    const current = this.deps.instruments.get(symbol);
    if (!current) return 0;
    const previous = this.deps.seedCache.seededMetadata(symbol);
    const fields: Partial<Record<keyof SeededMetadata, unknown>> = {};
    for (const f of FIELDS) {
      const now = current[f];
      if (now === next[f]) continue;
      const untouchedSinceSeed = previous !== null && now === previous[f];
      const stillUnset = previous === null && (UNSET[f] ?? []).includes(now);
      if (untouchedSinceSeed || stillUnset) fields[f] = next[f];
    }
    return this.deps.instruments.updateFields(symbol, fields as Partial<SeededMetadata>);
  }
}
