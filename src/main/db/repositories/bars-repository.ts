import type { Database, Statement } from 'better-sqlite3';
import { asIsoDate, type IsoDate, type Ticker } from '../../../shared/brand';
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

  /** Deletes a symbol's bars within [from, to] inclusive; returns how many went. */
  deleteRange(symbol: Ticker, from: IsoDate, to: IsoDate): number {
    return this.db.prepare('DELETE FROM bars WHERE symbol = ? AND date >= ? AND date <= ?').run(symbol, from, to)
      .changes;
  }

  /** The oldest cached date of a symbol, or null. */
  earliestDate(symbol: Ticker): IsoDate | null {
    const r = this.db
      .prepare<[string], { d: string | null }>('SELECT min(date) AS d FROM bars WHERE symbol = ?')
      .get(symbol);
    return r?.d ? asIsoDate(r.d) : null;
  }

  count(symbol: Ticker): number {
    return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM bars WHERE symbol = ?').get(symbol)!.n;
  }
}
