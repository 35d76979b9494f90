import type { Database, Statement } from 'better-sqlite3';
import { asIsoDate, asTicker, type IsoDate, type Ticker } from '../../../shared/brand';
import type { Bar } from '../../../shared/domain/bar';
import {
  allocateBarColumns,
  BAR_FLAG_PLACEHOLDER,
  isoToDay,
  type BarColumns,
} from '../../../shared/domain/bar-columns';
import type { SessionCloses } from '../../../shared/domain/event-study';

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

/** Positional parameters of the bar writes, in this order (no object per row). */
const COLUMNS =
  '(symbol, date, open, high, low, close, adj_close, volume, placeholder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** What `bar_summary` holds for one symbol (kept by every write of this repository). */
export interface BarSummary {
  readonly barCount: number;
  readonly firstDate: string;
  readonly lastDate: string;
  /** The last and the previous close of a non-placeholder session (null when there is none). */
  readonly lastClose: number | null;
  readonly prevClose: number | null;
}

interface BarSummaryRow {
  symbol: string;
  bar_count: number;
  first_date: string;
  last_date: string;
  last_close: number | null;
  prev_close: number | null;
}

/** A raw row of {@link BarsRepository.columns}' query. */
type RawBar = [string, number | null, number | null, number | null, number, number | null, number | null, number];

const nan = (v: number | null) => (v === null ? NaN : v);

/**
 * All SQL on `bars`, and the `bar_summary` row of each symbol (migration 005), which every
 * write here refreshes in the same transaction: code that writes `bars` any other way must
 * call {@link BarsRepository.refreshSummary} (or {@link BarsRepository.rebuildSummaries}).
 * The caller makes sure the instrument row exists (foreign key).
 */
export class BarsRepository {
  private readonly db: Database;
  private readonly upsertStmt: Statement;
  private readonly insertMissingStmt: Statement;
  private readonly summaryStmt: Statement;
  private readonly dropSummaryStmt: Statement;
  private readonly rangeStmt: Statement<[string, string, string], BarRow>;
  private readonly rawRangeStmt: Statement<[string, string, string]>;
  private readonly closesStmt: Statement<[string, string, string]>;
  private readonly nthNewestStmt: Statement<[string, string, string, number], { date: string }>;
  private readonly countRangeStmt: Statement<[string, string, string], { n: number }>;
  private readonly writeBatch: (stmt: Statement, symbol: Ticker, bars: readonly Bar[]) => number;
  constructor(db: Database) {
    this.db = db;
    this.insertMissingStmt = db.prepare(`INSERT INTO bars ${COLUMNS} ON CONFLICT(symbol, date) DO NOTHING`);
    // The WHERE makes a re-import of identical rows a no-op, so `changes` counts real changes.
    this.upsertStmt = db.prepare(
      `INSERT INTO bars ${COLUMNS}
       ON CONFLICT(symbol, date) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
         close = excluded.close, adj_close = excluded.adj_close, volume = excluded.volume, placeholder = excluded.placeholder
       WHERE open IS NOT excluded.open OR high IS NOT excluded.high OR low IS NOT excluded.low OR close IS NOT excluded.close
         OR adj_close IS NOT excluded.adj_close OR volume IS NOT excluded.volume OR placeholder IS NOT excluded.placeholder`,
    );
    // Index look-ups on (symbol, date): a count over the symbol's rows and two seeks from its end.
    this.summaryStmt = db.prepare(
      `INSERT OR REPLACE INTO bar_summary (symbol, bar_count, first_date, last_date, last_close, prev_close)
       SELECT symbol, count(*), min(date), max(date),
         (SELECT close FROM bars b WHERE b.symbol = ? AND placeholder = 0 ORDER BY date DESC LIMIT 1),
         (SELECT close FROM bars b WHERE b.symbol = ? AND placeholder = 0 ORDER BY date DESC LIMIT 1 OFFSET 1)
       FROM bars WHERE symbol = ? GROUP BY symbol`,
    );
    this.dropSummaryStmt = db.prepare(
      'DELETE FROM bar_summary WHERE symbol = ? AND NOT EXISTS (SELECT 1 FROM bars WHERE symbol = ?)',
    );
    this.rangeStmt = db.prepare(
      `SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars
       WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date`,
    );
    this.rawRangeStmt = db.prepare(
      `SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars
       WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date`,
    );
    this.rawRangeStmt.raw(true);
    this.closesStmt = db.prepare(
      'SELECT date, close, placeholder FROM bars WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date',
    );
    this.closesStmt.raw(true);
    this.nthNewestStmt = db.prepare(
      'SELECT date FROM bars WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date DESC LIMIT 1 OFFSET ?',
    );
    this.countRangeStmt = db.prepare('SELECT count(*) AS n FROM bars WHERE symbol = ? AND date >= ? AND date <= ?');
    this.writeBatch = db.transaction((stmt: Statement, symbol: Ticker, bars: readonly Bar[]) => {
      let changed = 0;
      for (const b of bars) {
        changed += stmt.run(
          symbol,
          b.date,
          b.open,
          b.high,
          b.low,
          b.close,
          b.adjClose,
          b.volume,
          b.placeholder ? 1 : 0,
        ).changes;
      }
      if (changed > 0) this.refreshSummary(symbol);
      return changed;
    });
  }

  /**
   * Inserts or updates bars of one symbol. Runs in one transaction (nested inside the
   * caller's, if any). Returns how many rows were inserted or actually changed.
   */
  upsertBatch(symbol: Ticker, bars: readonly Bar[]): number {
    return this.writeBatch(this.upsertStmt, symbol, bars);
  }

  /**
   * Inserts only the bars whose date is not cached for the symbol; never changes a cached bar
   * (so newer provider data wins over shipped data). One transaction; returns rows inserted.
   */
  insertMissingBatch(symbol: Ticker, bars: readonly Bar[]): number {
    return this.writeBatch(this.insertMissingStmt, symbol, bars);
  }

  /**
   * The `bar_summary` rows of these symbols (one index seek each): bar count, first/last date,
   * the last and previous valid close. A symbol without bars has no entry.
   */
  summaries(symbols: readonly Ticker[]): Map<Ticker, BarSummary> {
    const out = new Map<Ticker, BarSummary>();
    if (symbols.length === 0) return out;
    const rows = this.db
      .prepare<[string], BarSummaryRow>(
        `SELECT s.symbol, s.bar_count, s.first_date, s.last_date, s.last_close, s.prev_close
         FROM json_each(?) j JOIN bar_summary s ON s.symbol = j.value`,
      )
      .all(JSON.stringify(symbols));
    for (const r of rows) {
      out.set(asTicker(r.symbol), {
        barCount: r.bar_count,
        firstDate: r.first_date,
        lastDate: r.last_date,
        lastClose: r.last_close,
        prevClose: r.prev_close,
      });
    }
    return out;
  }

  /** Recomputes a symbol's `bar_summary` row from its bars (removes it when it has none). */
  refreshSummary(symbol: Ticker): void {
    this.summaryStmt.run(symbol, symbol, symbol);
    this.dropSummaryStmt.run(symbol, symbol);
  }

  /** Recomputes every `bar_summary` row in one grouped pass (after a bulk copy or a repair). */
  rebuildSummaries(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM bar_summary');
      this.db.exec(
        `INSERT INTO bar_summary (symbol, bar_count, first_date, last_date, last_close, prev_close)
         SELECT g.symbol, g.n, g.first_date, g.last_date,
           (SELECT close FROM bars b WHERE b.symbol = g.symbol AND placeholder = 0 ORDER BY date DESC LIMIT 1),
           (SELECT close FROM bars b WHERE b.symbol = g.symbol AND placeholder = 0 ORDER BY date DESC LIMIT 1 OFFSET 1)
         FROM (SELECT symbol, count(*) AS n, min(date) AS first_date, max(date) AS last_date FROM bars GROUP BY symbol) g`,
      );
    })();
  }

  /** Bars of a symbol, ascending by date, within [from, to] inclusive when given. */
  range(symbol: Ticker, from?: IsoDate, to?: IsoDate): Bar[] {
    return this.rangeStmt.all(symbol, from ?? '0000-01-01', to ?? '9999-12-31').map(toBar);
  }

  /**
   * The bars of [from, to] as columns, straight from the raw rows (no object per bar): at most
   * `limit` sessions, the newest ones, with `truncated` set when there were more.
   */
  columns(symbol: Ticker, from: IsoDate | undefined, to: IsoDate | undefined, limit: number): BarColumns {
    let lo: string = from ?? '0000-01-01';
    const hi = to ?? '9999-12-31';
    // An index-only count first, so the common case is the same ascending scan as a raw read.
    const truncated = this.countRangeStmt.get(symbol, lo, hi)!.n > limit;
    if (truncated) lo = this.nthNewestStmt.get(symbol, lo, hi, limit - 1)!.date;
    const rows = this.rawRangeStmt.all(symbol, lo, hi) as RawBar[];
    const n = rows.length;
    const c = allocateBarColumns(n, truncated);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      c.days[i] = isoToDay(r[0]);
      c.open[i] = nan(r[1]);
      c.high[i] = nan(r[2]);
      c.low[i] = nan(r[3]);
      c.close[i] = r[4];
      c.adjClose[i] = nan(r[5]);
      c.volume[i] = nan(r[6]);
      c.flags[i] = r[7] === 1 ? BAR_FLAG_PLACEHOLDER : 0;
    }
    return c;
  }

  /**
   * The cached sessions of a symbol within [from, to] (inclusive, when given) as columns: dates,
   * closes and the placeholder flag only, from raw rows (no object per bar). What an event
   * study reads, once per symbol.
   */
  sessionCloses(symbol: Ticker, from?: IsoDate, to?: IsoDate): SessionCloses {
    const rows = this.closesStmt.all(symbol, from ?? '0000-01-01', to ?? '9999-12-31') as Array<
      [IsoDate, number, number]
    >;
    const n = rows.length;
    const dates = new Array<IsoDate>(n);
    const close = new Float64Array(n);
    const placeholder = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      dates[i] = r[0];
      close[i] = r[1];
      placeholder[i] = r[2] === 1 ? 1 : 0;
    }
    return { dates, close, placeholder };
  }

  /** Number of cached bars of a symbol within [from, to] (inclusive). */
  countRange(symbol: Ticker, from: IsoDate, to: IsoDate): number {
    return this.countRangeStmt.get(symbol, from, to)!.n;
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
