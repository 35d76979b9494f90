import type { IsoDate, Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type { Bar } from '../../../shared/domain/bar';
import type { Instrument, InstrumentSummary } from '../../../shared/domain/instrument';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import { bareInstrument, type InstrumentsRepository } from '../../db/repositories/instruments-repository';
import type { WriteTransaction } from '../../db/transaction';
import { parseBarsCsv } from './bars-csv';

export interface MarketServiceDeps {
  readonly instruments: InstrumentsRepository;
  readonly bars: BarsRepository;
  /** The one write transaction helper (src/main/db/transaction.ts). */
  readonly transact: WriteTransaction;
}

export interface ImportBarsResult {
  readonly symbol: Ticker;
  /** Rows in the file. */
  readonly rows: number;
  /** Rows inserted or changed (0 on an identical re-import). */
  readonly changed: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Reads and writes the price cache: instruments and daily bars. */
export class MarketService {
  private readonly deps: MarketServiceDeps;
  constructor(deps: MarketServiceDeps) {
    this.deps = deps;
  }

  listInstruments(): InstrumentSummary[] {
    return this.deps.instruments.listSummaries();
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
   * Imports a bars CSV for one symbol: validates every row first (see {@link parseBarsCsv}),
   * then creates the instrument if needed and upserts all bars in one transaction.
   */
  importBarsCsv(symbol: Ticker, csvText: string): ImportBarsResult {
    const bars = parseBarsCsv(csvText);
    const closeOnly = bars.every((b) => b.open === null);
    const changed = this.deps.transact(() => {
      this.deps.instruments.insertIfMissing(
        bareInstrument(symbol, { closeOnly, provenance: 'imported from a CSV file' }),
      );
      return this.deps.bars.upsertBatch(symbol, bars);
    });
    return { symbol, rows: bars.length, changed, from: bars[0]!.date, to: bars.at(-1)!.date };
  }
}
