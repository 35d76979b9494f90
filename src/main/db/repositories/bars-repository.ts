import type { Database, Statement } from 'better-sqlite3';
import { asIsoDate, asTicker, type IsoDate, type Ticker } from '../../../shared/brand';
import type { Bar } from '../../../shared/domain/bar';

/** A `bars` row as SQLite returns it (snake_case, placeholder as 0/1). */
export interface BarRow {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adj_close: number | null;
  volume: number | null;
  placeholder: number;
}

function toBar(r: BarRow): Bar {
  return {
    date: asIsoDate(r.date),
    open: r.open,
    high: r.high,
    low: r.low,
    close: r.close,
    adjClose: r.adj_close,
    volume: r.volume,
    placeholder: r.placeholder === 1,
  };
}

/** All SQL on `bars`. The caller makes sure the instrument row exists (foreign key). */
export class BarsRepository {
  private readonly db: Database;
  private readonly upsertStmt: Statement;
  private readonly insertMissingStmt: Statement;
  constructor(db: Database) {
    this.db = db;
    this.insertMissingStmt = db.prepare(
      `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder)
       VALUES (@symbol, @date, @open, @high, @low, @close, @adj_close, @volume, @placeholder)
       ON CONFLICT(symbol, date) DO NOTHING`,
    );
    // The WHERE makes a re-import of identical rows a no-op, so `changes` counts real changes.
    this.upsertStmt = db.prepare(
      `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, placeholder)
       VALUES (@symbol, @date, @open, @high, @low, @close, @adj_close, @volume, @placeholder)
       ON CONFLICT(symbol, date) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
         close = excluded.close, adj_close = excluded.adj_close, volume = excluded.volume, placeholder = excluded.placeholder
       WHERE open IS NOT excluded.open OR high IS NOT excluded.high OR low IS NOT excluded.low OR close IS NOT excluded.close
         OR adj_close IS NOT excluded.adj_close OR volume IS NOT excluded.volume OR placeholder IS NOT excluded.placeholder`,
    );
  }

  /**
   * Inserts or updates bars of one symbol. Runs in one transaction (nested inside the
   * caller's, if any). Returns how many rows were inserted or actually changed.
   */
  upsertBatch(symbol: Ticker, bars: readonly Bar[]): number {
    return this.runBatch(this.upsertStmt, symbol, bars);
  }

  /**
   * Inserts only the bars whose date is not cached for the symbol; never changes a cached bar
   * (so newer provider data wins over shipped data). One transaction; returns rows inserted.
   */
  insertMissingBatch(symbol: Ticker, bars: readonly Bar[]): number {
    return this.runBatch(this.insertMissingStmt, symbol, bars);
  }

  private runBatch(stmt: Statement, symbol: Ticker, bars: readonly Bar[]): number {
    const run = this.db.transaction((rows: readonly Bar[]) => {
      let changed = 0;
      for (const b of rows) {
        changed += stmt.run({
          symbol,
          date: b.date,
          open: b.open,
          high: b.high,
          low: b.low,
          close: b.close,
          adj_close: b.adjClose,
          volume: b.volume,
          placeholder: b.placeholder ? 1 : 0,
        }).changes;
      }
      return changed;
    });
    return run(bars);
  }

  /** Bars of a symbol, ascending by date, within [from, to] inclusive when given. */
  range(symbol: Ticker, from?: IsoDate, to?: IsoDate): Bar[] {
    return this.db
      .prepare<[string, string, string], BarRow>(
        `SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars
         WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date`,
      )
      .all(symbol, from ?? '0000-01-01', to ?? '9999-12-31')
      .map(toBar);
  }

  /** The newest cached date of a symbol, or null. */
  latestDate(symbol: Ticker): IsoDate | null {
    const r = this.db
      .prepare<[string], { d: string | null }>('SELECT max(date) AS d FROM bars WHERE symbol = ?')
      .get(symbol);
    return r?.d ? asIsoDate(r.d) : null;
  }

  count(symbol: Ticker): number {
    return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM bars WHERE symbol = ?').get(symbol)!.n;
  }

  /** Bars of a symbol within [from, to] inclusive (the sync engine counts what a batch inserted). */
  countInRange(symbol: Ticker, from: IsoDate, to: IsoDate): number {
    this.countRangeStmt ??= this.db.prepare<[string, string, string], { n: number }>(
      'SELECT count(*) AS n FROM bars WHERE symbol = ? AND date >= ? AND date <= ?',
    );
    return this.countRangeStmt.get(symbol, from, to)!.n;
  }
  private countRangeStmt: Statement<[string, string, string], { n: number }> | undefined;

  /** Session dates of a symbol, ascending (placeholder rows included: the exchange did trade). */
  sessionDates(symbol: Ticker): IsoDate[] {
    return this.db
      .prepare<[string], { date: string }>('SELECT date FROM bars WHERE symbol = ? ORDER BY date')
      .all(symbol)
      .map((r) => asIsoDate(r.date));
  }

  /**
   * A symbol's newest session and its last two valid closes (placeholders skipped), or null
   * when nothing is cached: what a quote line shows (last close and the change from the one before).
   */
  latestClose(symbol: Ticker): LatestClose | null {
    const r = this.db
      .prepare<
        [string, string, string],
        { last_date: string | null; last_close: number | null; prev_close: number | null }
      >(
        `SELECT (SELECT max(date) FROM bars WHERE symbol = ?) AS last_date,
           (SELECT close FROM bars WHERE symbol = ? AND placeholder = 0 ORDER BY date DESC LIMIT 1) AS last_close,
           (SELECT close FROM bars WHERE symbol = ? AND placeholder = 0 ORDER BY date DESC LIMIT 1 OFFSET 1) AS prev_close`,
      )
      .get(symbol, symbol, symbol)!;
    if (r.last_date === null) return null;
    return { lastDate: asIsoDate(r.last_date), lastClose: r.last_close, prevClose: r.prev_close };
  }

  /** Which of `symbols` have at least one cached bar. */
  cachedSymbols(symbols: readonly string[]): Set<Ticker> {
    if (symbols.length === 0) return new Set();
    const rows = this.db
      .prepare<[string], { value: string }>(
        'SELECT DISTINCT j.value FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM bars b WHERE b.symbol = j.value)',
      )
      .all(JSON.stringify(symbols));
    return new Set(rows.map((r) => asTicker(r.value)));
  }
}

/** A symbol's newest cached session and last valid closes. */
export interface LatestClose {
  readonly lastDate: IsoDate;
  /** The last valid close; null when every cached row is a placeholder. */
  readonly lastClose: number | null;
  /** The valid close before it, or null. */
  readonly prevClose: number | null;
}
