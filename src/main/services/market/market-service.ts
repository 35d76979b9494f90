import type { IsoDate, Ticker } from '../../../shared/brand';
import type { Page } from '../../../shared/contract/page';
import { CatalystError } from '../../../shared/contract/errors';
import type { Bar } from '../../../shared/domain/bar';
import { MAX_BARS_PER_RANGE, type BarColumns } from '../../../shared/domain/bar-columns';
import type { Instrument, InstrumentSummary } from '../../../shared/domain/instrument';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import { bareInstrument, type InstrumentsRepository } from '../../db/repositories/instruments-repository';
import { assertReadable, readBarsCsv, readBarsCsvSliced, type BarsCsvOptions, type BarsCsvReading } from './bars-csv';
import {
  MAX_DIFFERING_SHOWN,
  type BarsFileSummary,
  type BarsImportPreview,
  type DifferingBar,
  type DifferingRows,
  type ImportBarsResult,
} from '../../../shared/domain/bars-import';
import type { Logger } from '../../log/logger';
import { dataChange, type NotifyChange } from '../data-changes';
import type { WriteTransaction } from '../../db/transaction';

export interface MarketServiceDeps {
  readonly instruments: InstrumentsRepository;
  readonly bars: BarsRepository;
  /** The one write transaction helper (src/main/db/transaction.ts). */
  readonly transact: WriteTransaction;
  /** Told after an import committed new or changed bars (`bars`, `instruments` of the symbol). */
  readonly notify: NotifyChange;
  readonly log?: Logger;
}

export interface ImportBarsOptions extends BarsCsvOptions {
  /** Shown in the instrument's provenance ("imported from HSI.csv (investing.com export)"). */
  readonly fileName?: string;
  /** Default `replace` (the CLI's upsert); the app's preview defaults to `keep`. */
  readonly differing?: DifferingRows;
}

function sameBar(a: Bar, b: Bar): boolean {
  return (
    a.open === b.open &&
    a.high === b.high &&
    a.low === b.low &&
    a.close === b.close &&
    a.adjClose === b.adjClose &&
    a.volume === b.volume
  );
}

function summary(reading: BarsCsvReading): BarsFileSummary {
  return {
    format: reading.format,
    formatLabel: reading.formatLabel,
    dateOrder: reading.dateOrder,
    columns: reading.columns,
    ignoredColumns: reading.ignoredColumns,
    skipped: reading.skipped,
  };
}

export type { BarsImportPreview, ImportBarsResult, DifferingRows };

/**
 * Instruments (by symbol, optionally one page) with their bar count, first/last date, last
 * valid close and change from the previous valid close: each repository reads its own table
 * (`instruments`, `bar_summary`), one row per instrument whatever the cache holds.
 */
export function instrumentSummaries(
  instruments: InstrumentsRepository,
  bars: BarsRepository,
  page?: Page,
): InstrumentSummary[] {
  const list = instruments.list(page);
  const summaries = bars.summaries(list.map((i) => i.symbol));
  return list.map((i) => {
    const s = summaries.get(i.symbol);
    return {
      ...i,
      barCount: s?.barCount ?? 0,
      firstDate: s?.firstDate ?? null,
      lastDate: s?.lastDate ?? null,
      lastClose: s?.lastClose ?? null,
      lastChange: s && s.lastClose !== null && s.prevClose ? s.lastClose / s.prevClose - 1 : null,
    };
  });
}

/** Reads and writes the price cache: instruments and daily bars. */
export class MarketService {
  private readonly deps: MarketServiceDeps;
  constructor(deps: MarketServiceDeps) {
    this.deps = deps;
  }

  /** Cached instruments by symbol with a summary of their bars; `page` narrows to one page. */
  listInstruments(page?: Page): InstrumentSummary[] {
    return instrumentSummaries(this.deps.instruments, this.deps.bars, page);
  }

  getInstrument(symbol: Ticker): Instrument {
    const i = this.deps.instruments.get(symbol);
    if (!i) throw new CatalystError('not-found', `${symbol} is not in the cache`);
    return i;
  }

  /** Bars ascending by date; not-found when the symbol is not cached. */
  getBars(symbol: Ticker, from?: IsoDate, to?: IsoDate): Bar[] {
    this.getInstrument(symbol);
    return this.deps.bars.range(symbol, from, to);
  }

  /**
   * The bars of [from, to] as columns for the renderer (`bars.range`): at most
   * {@link MAX_BARS_PER_RANGE} sessions, the newest, `truncated` when there were more;
   * not-found when the symbol is not cached.
   */
  getBarColumns(symbol: Ticker, from?: IsoDate, to?: IsoDate): BarColumns {
    this.getInstrument(symbol);
    return this.deps.bars.columns(symbol, from, to, MAX_BARS_PER_RANGE);
  }

  /**
   * What importing a bars CSV for `symbol` would do: detected format and mapping, rows to
   * add, rows that differ from the cache, skipped rows and every problem. Writes nothing.
   */
  previewBarsCsv(symbol: Ticker, csvText: string, options: ImportBarsOptions = {}): BarsImportPreview {
    return this.previewOf(symbol, readBarsCsv(csvText, options), options);
  }

  /** {@link previewBarsCsv} with the file read in slices (see {@link importBarsCsvSliced}). */
  async previewBarsCsvSliced(
    symbol: Ticker,
    csvText: string,
    options: ImportBarsOptions = {},
  ): Promise<BarsImportPreview> {
    return this.previewOf(symbol, await readBarsCsvSliced(csvText, options), options);
  }

  private previewOf(symbol: Ticker, reading: BarsCsvReading, options: ImportBarsOptions): BarsImportPreview {
    const { bars } = reading;
    const from = bars[0]?.date ?? null;
    const to = bars.at(-1)?.date ?? null;
    const cached = from && to ? new Map(this.deps.bars.range(symbol, from, to).map((b) => [b.date, b])) : new Map();
    let toAdd = 0;
    let unchanged = 0;
    const differing: DifferingBar[] = [];
    let differingCount = 0;
    for (const b of bars) {
      const c = cached.get(b.date);
      if (!c) toAdd++;
      else if (sameBar(c, b)) unchanged++;
      else {
        differingCount++;
        if (differing.length < MAX_DIFFERING_SHOWN) differing.push({ date: b.date, cached: c, file: b });
      }
    }
    return {
      ...summary(reading),
      symbol,
      fileName: options.fileName ?? null,
      instrumentExists: this.deps.instruments.get(symbol) !== null,
      rows: bars.length,
      from,
      to,
      toAdd,
      unchanged,
      differing,
      differingCount,
      problems: reading.problems,
    };
  }

  /**
   * Imports a bars CSV for one symbol: reads and validates every row first (see
   * {@link readBarsCsv}; any problem refuses the whole file, naming every problem), then
   * creates the instrument if needed, records the file and format in its provenance, and
   * writes the bars in one transaction: all rows (`differing: 'replace'`, the default) or only
   * dates not cached yet (`'keep'`).
   */
  importBarsCsv(symbol: Ticker, csvText: string, options: ImportBarsOptions = {}): ImportBarsResult {
    return this.commitImport(symbol, readBarsCsv(csvText, options), options);
  }

  /**
   * {@link importBarsCsv} for the main process: the file is read in slices (a turn of the event
   * loop every `ROWS_PER_SLICE` rows, see `readBarsCsvSliced`), then written in one
   * transaction as there. The same checks, rows, result and change signal.
   */
  async importBarsCsvSliced(
    symbol: Ticker,
    csvText: string,
    options: ImportBarsOptions = {},
  ): Promise<ImportBarsResult> {
    return this.commitImport(symbol, await readBarsCsvSliced(csvText, options), options);
  }

  private commitImport(symbol: Ticker, reading: BarsCsvReading, options: ImportBarsOptions): ImportBarsResult {
    assertReadable(reading);
    const bars = reading.bars;
    const closeOnly = bars.every((b) => b.open === null);
    const source = options.fileName
      ? `imported from ${options.fileName} (${reading.formatLabel})`
      : 'imported from a CSV file';
    const { changed, created } = this.deps.transact(() => {
      const existing = this.deps.instruments.get(symbol);
      let created = false;
      if (!existing) {
        created = this.deps.instruments.insertIfMissing(bareInstrument(symbol, { closeOnly, provenance: source }));
      } else if (options.fileName && !(existing.provenance ?? '').includes(source)) {
        const provenance = existing.provenance ? `${existing.provenance}; ${source}` : source;
        this.deps.instruments.upsert({ ...existing, provenance });
      }
      const changed =
        options.differing === 'keep'
          ? this.deps.bars.insertMissingBatch(symbol, bars)
          : this.deps.bars.upsertBatch(symbol, bars);
      return { changed, created };
    });
    if (changed > 0 || created) this.deps.notify(dataChange(['bars', 'instruments'], [symbol]));
    this.deps.log?.info(
      `${symbol}: imported a bars CSV of ${bars.length} row(s), ${bars[0]!.date} → ${bars.at(-1)!.date}; ${changed} new or changed`,
    );
    return {
      symbol,
      rows: bars.length,
      changed,
      from: bars[0]!.date,
      to: bars.at(-1)!.date,
      ...summary(reading),
    };
  }
}
