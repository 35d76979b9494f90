import type { Database, Statement } from 'better-sqlite3';
import { asIsoDate, asTicker, type IsoDate, type Ticker } from '../../../shared/brand';
import type { Bar } from '../../../shared/domain/bar';
import {
  allocateBarColumns,
  BAR_FLAG_PLACEHOLDER,
  isoToDay,
  type BarColumns,
} from '../../../shared/domain/bar-columns';
import type { SessionSeek } from '../../../shared/domain/calendar';
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

/**
 * Rows per statement of an append: one call binding 64 rows costs far less than 64 calls (each
 * `run` crosses into the native module, steps and resets the statement). 576 parameters, well
 * under SQLite's limit.
 */
export const APPEND_ROWS_PER_STATEMENT = 64;
const PARAMS_PER_ROW = 9;

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

/** A row of the batched session seeks. */
interface SeekRow {
  symbol: string;
  date: string;
  on_or_after: string | null;
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
  private readonly appendManyStmt: Statement<unknown[]>;
  /** The parameters of {@link appendManyStmt}, reused from call to call. */
  private readonly appendParams = new Array<unknown>(APPEND_ROWS_PER_STATEMENT * PARAMS_PER_ROW);
  private readonly summaryStmt: Statement;
  private readonly dropSummaryStmt: Statement;
  private readonly summaryOfStmt: Statement<[string], BarSummaryRow>;
  private readonly putSummaryStmt: Statement<[string, number, string, string, number | null, number | null]>;
  private readonly summariesStmt: Statement<[string], BarSummaryRow>;
  private readonly cachedStmt: Statement<[string], { value: string }>;
  private readonly rangeStmt: Statement<[string, string, string], BarRow>;
  private readonly newestRawStmt: Statement<[string, string, string, number]>;
  private readonly closesStmt: Statement<[string, string, string]>;
  private readonly countRangeStmt: Statement<[string, string, string], { n: number }>;
  private readonly countStmt: Statement<[string], { n: number }>;
  private readonly minDateStmt: Statement<[string], { d: string | null }>;
  private readonly maxDateStmt: Statement<[string], { d: string | null }>;
  private readonly sessionDatesStmt: Statement<[string], { date: string }>;
  private readonly onOrAfterStmt: Statement<[string, string], { date: string }>;
  private readonly afterStmt: Statement<[string, string], { date: string }>;
  private readonly seekBatchStmt: Statement<[string], SeekRow>;
  private readonly deleteRangeStmt: Statement<[string, string, string]>;
  private readonly writeBatch: (stmt: Statement, symbol: Ticker, bars: readonly Bar[]) => number;
  private readonly deleteBatch: (symbol: Ticker, from: IsoDate, to: IsoDate) => number;
  constructor(db: Database) {
    this.db = db;
    this.insertMissingStmt = db.prepare(`INSERT INTO bars ${COLUMNS} ON CONFLICT(symbol, date) DO NOTHING`);
    this.appendManyStmt = db.prepare(
      `INSERT INTO bars ${COLUMNS}${', (?, ?, ?, ?, ?, ?, ?, ?, ?)'.repeat(APPEND_ROWS_PER_STATEMENT - 1)}
       ON CONFLICT(symbol, date) DO NOTHING`,
    );
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
    this.summaryOfStmt = db.prepare(
      'SELECT symbol, bar_count, first_date, last_date, last_close, prev_close FROM bar_summary WHERE symbol = ?',
    );
    this.putSummaryStmt = db.prepare(
      `INSERT OR REPLACE INTO bar_summary (symbol, bar_count, first_date, last_date, last_close, prev_close)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.summariesStmt = db.prepare(
      `SELECT s.symbol, s.bar_count, s.first_date, s.last_date, s.last_close, s.prev_close
       FROM json_each(?) j JOIN bar_summary s ON s.symbol = j.value`,
    );
    // A summary row exists exactly when the symbol has bars (kept by every write here).
    this.cachedStmt = db.prepare(
      'SELECT DISTINCT j.value FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM bar_summary s WHERE s.symbol = j.value)',
    );
    this.rangeStmt = db.prepare(
      `SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars
       WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date`,
    );
    // Newest first with LIMIT n + 1: one scan says both the rows and whether more exist.
    this.newestRawStmt = db.prepare(
      `SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars
       WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date DESC LIMIT ?`,
    );
    this.newestRawStmt.raw(true);
    this.closesStmt = db.prepare(
      'SELECT date, close, placeholder FROM bars WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date',
    );
    this.closesStmt.raw(true);
    this.countRangeStmt = db.prepare('SELECT count(*) AS n FROM bars WHERE symbol = ? AND date >= ? AND date <= ?');
    this.countStmt = db.prepare('SELECT count(*) AS n FROM bars WHERE symbol = ?');
    this.minDateStmt = db.prepare('SELECT min(date) AS d FROM bars WHERE symbol = ?');
    this.maxDateStmt = db.prepare('SELECT max(date) AS d FROM bars WHERE symbol = ?');
    this.sessionDatesStmt = db.prepare('SELECT date FROM bars WHERE symbol = ? ORDER BY date');
    this.onOrAfterStmt = db.prepare('SELECT date FROM bars WHERE symbol = ? AND date >= ? ORDER BY date LIMIT 1');
    this.afterStmt = db.prepare('SELECT date FROM bars WHERE symbol = ? AND date > ? ORDER BY date LIMIT 1');
    // One statement for many seeks: a call per seek costs several times the seek itself.
    this.seekBatchStmt = db.prepare(
      `SELECT j.value ->> 0 AS symbol, j.value ->> 1 AS date,
         (SELECT b.date FROM bars b WHERE b.symbol = j.value ->> 0 AND b.date >= j.value ->> 1 ORDER BY b.date LIMIT 1) AS on_or_after
       FROM json_each(?) j`,
    );
    this.deleteRangeStmt = db.prepare('DELETE FROM bars WHERE symbol = ? AND date >= ? AND date <= ?');
    this.writeBatch = db.transaction((stmt: Statement, symbol: Ticker, bars: readonly Bar[]) => {
      const appended = this.tryAppend(stmt, symbol, bars);
      if (appended !== null) return appended;
      const changed = runRows(stmt, symbol, bars);
      if (changed > 0) this.refreshSummary(symbol);
      return changed;
    });
    this.deleteBatch = db.transaction((symbol: Ticker, from: IsoDate, to: IsoDate) => {
      const gone = this.deleteRangeStmt.run(symbol, from, to).changes;
      if (gone > 0) this.refreshSummary(symbol);
      return gone;
    });
  }

  /**
   * The common write of a sync or a first import: every bar newer than the symbol's last cached
   * session, dates strictly ascending. Then no row can conflict, so the rows go in with a plain
   * positional insert, {@link APPEND_ROWS_PER_STATEMENT} rows per call, and the summary row is
   * carried forward from the batch instead of recounted. Returns the rows inserted, or null when the batch is not such an
   * append (the caller takes the general path). Should a row conflict after all (a summary out
   * of step with its bars), the caller's statement (`stmt`) runs over the batch as well and the
   * summary is recounted.
   */
  private tryAppend(stmt: Statement, symbol: Ticker, bars: readonly Bar[]): number | null {
    const n = bars.length;
    if (n === 0) return null;
    for (let i = 1; i < n; i++) if (bars[i]!.date <= bars[i - 1]!.date) return null;
    const before = this.summaryOfStmt.get(symbol);
    if (before && bars[0]!.date <= before.last_date) return null;
    const inserted = this.appendRows(symbol, bars);
    if (inserted !== n) {
      const revised = runRows(stmt, symbol, bars);
      this.refreshSummary(symbol);
      return inserted + revised;
    }
    // The last two valid closes: the batch's newest first, then the ones cached before it.
    const closes: Array<number | null> = [];
    for (let i = n - 1; i >= 0 && closes.length < 2; i--) if (!bars[i]!.placeholder) closes.push(bars[i]!.close);
    if (closes.length < 2) closes.push(before?.last_close ?? null);
    if (closes.length < 2) closes.push(before?.prev_close ?? null);
    this.putSummaryStmt.run(
      symbol,
      (before?.bar_count ?? 0) + n,
      before?.first_date ?? bars[0]!.date,
      bars[n - 1]!.date,
      closes[0]!,
      closes[1]!,
    );
    return n;
  }

  /** Inserts `bars` (insert-missing), many rows per statement; returns the rows inserted. */
  private appendRows(symbol: Ticker, bars: readonly Bar[]): number {
    const p = this.appendParams;
    const n = bars.length;
    let inserted = 0;
    let i = 0;
    for (; i + APPEND_ROWS_PER_STATEMENT <= n; i += APPEND_ROWS_PER_STATEMENT) {
      let k = 0;
      for (let j = i; j < i + APPEND_ROWS_PER_STATEMENT; j++) {
        const b = bars[j]!;
        p[k++] = symbol;
        p[k++] = b.date;
        p[k++] = b.open;
        p[k++] = b.high;
        p[k++] = b.low;
        p[k++] = b.close;
        p[k++] = b.adjClose;
        p[k++] = b.volume;
        p[k++] = b.placeholder ? 1 : 0;
      }
      inserted += this.appendManyStmt.run(p).changes;
    }
    return inserted + (i < n ? runRows(this.insertMissingStmt, symbol, i === 0 ? bars : bars.slice(i)) : 0);
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
    const rows = this.summariesStmt.all(JSON.stringify(symbols));
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
    const rows = this.newestRawStmt.all(symbol, from ?? '0000-01-01', to ?? '9999-12-31', limit + 1) as RawBar[];
    const truncated = rows.length > limit;
    const n = truncated ? limit : rows.length;
    const c = allocateBarColumns(n, truncated);
    // The rows come newest first: fill the columns from their end.
    for (let i = 0, j = n - 1; i < n; i++, j--) {
      const r = rows[i]!;
      c.days[j] = isoToDay(r[0]);
      c.open[j] = nan(r[1]);
      c.high[j] = nan(r[2]);
      c.low[j] = nan(r[3]);
      c.close[j] = r[4];
      c.adjClose[j] = nan(r[5]);
      c.volume[j] = nan(r[6]);
      c.flags[j] = r[7] === 1 ? BAR_FLAG_PLACEHOLDER : 0;
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
    const d = this.maxDateStmt.get(symbol)?.d;
    return d ? asIsoDate(d) : null;
  }

  /** Deletes a symbol's bars within [from, to] inclusive (and refreshes its summary); returns how many went. */
  deleteRange(symbol: Ticker, from: IsoDate, to: IsoDate): number {
    return this.deleteBatch(symbol, from, to);
  }

  /** The oldest cached date of a symbol, or null. */
  earliestDate(symbol: Ticker): IsoDate | null {
    const d = this.minDateStmt.get(symbol)?.d;
    return d ? asIsoDate(d) : null;
  }

  count(symbol: Ticker): number {
    return this.countStmt.get(symbol)!.n;
  }

  /** Session dates of a symbol, ascending (placeholder rows included: the exchange did trade). */
  sessionDates(symbol: Ticker): IsoDate[] {
    return this.sessionDatesStmt.all(symbol).map((r) => asIsoDate(r.date));
  }

  /**
   * A symbol's cached sessions as index seeks (placeholders included), for finding T0 without
   * reading the whole calendar: the first session, and the first on or after / after a date.
   */
  sessionSeek(symbol: Ticker): SessionSeek {
    const first = this.minDateStmt.get(symbol)?.d ?? null;
    return {
      first: first === null ? null : asIsoDate(first),
      onOrAfter: (date) => {
        const r = this.onOrAfterStmt.get(symbol, date);
        return r ? asIsoDate(r.date) : null;
      },
      after: (date) => {
        const r = this.afterStmt.get(symbol, date);
        return r ? asIsoDate(r.date) : null;
      },
    };
  }

  /**
   * {@link sessionSeek} for several symbols, with the on-or-after seeks of the given dates done in
   * advance in one statement (what `studies.get` needs: each event's date on each symbol's calendar). The
   * seeks answer any other date too, with a statement each. A symbol without bars seeks nothing
   * (`first` null).
   */
  sessionSeeks(dates: ReadonlyMap<Ticker, readonly IsoDate[]>): Map<Ticker, SessionSeek> {
    const out = new Map<Ticker, SessionSeek>();
    if (dates.size === 0) return out;
    const summaries = this.summaries([...dates.keys()]);
    const pairs: Array<[string, string]> = [];
    for (const [symbol, ds] of dates) if (summaries.has(symbol)) for (const d of ds) pairs.push([symbol, d]);
    const known = new Map<string, string | null>();
    if (pairs.length > 0) {
      for (const r of this.seekBatchStmt.all(JSON.stringify(pairs)))
        known.set(`${r.symbol}\u0000${r.date}`, r.on_or_after);
    }
    for (const symbol of dates.keys()) {
      const first = summaries.get(symbol)?.firstDate ?? null;
      const orNull = (d: string | null) => (d === null ? null : asIsoDate(d));
      out.set(symbol, {
        first: orNull(first),
        onOrAfter: (date) => {
          if (first === null) return null;
          const k = `${symbol}\u0000${date}`;
          return orNull(known.has(k) ? known.get(k)! : (this.onOrAfterStmt.get(symbol, date)?.date ?? null));
        },
        // Only for an event at or after a session's close: rare, so a statement of its own.
        after: (date) => (first === null ? null : orNull(this.afterStmt.get(symbol, date)?.date ?? null)),
      });
    }
    return out;
  }

  /**
   * A symbol's newest session and its last two valid closes (placeholders skipped), or null
   * when nothing is cached: what a quote line shows (last close and the change from the one before).
   * One seek into `bar_summary`.
   */
  latestClose(symbol: Ticker): LatestClose | null {
    const r = this.summaryOfStmt.get(symbol);
    if (!r) return null;
    return { lastDate: asIsoDate(r.last_date), lastClose: r.last_close, prevClose: r.prev_close };
  }

  /** Which of `symbols` have at least one cached bar. */
  cachedSymbols(symbols: readonly string[]): Set<Ticker> {
    if (symbols.length === 0) return new Set();
    const rows = this.cachedStmt.all(JSON.stringify(symbols));
    return new Set(rows.map((r) => asTicker(r.value)));
  }
}

/** Runs a positional bar write for each bar; returns the rows it inserted or changed. */
function runRows(stmt: Statement, symbol: Ticker, bars: readonly Bar[]): number {
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
  return changed;
}

/** A symbol's newest cached session and last valid closes. */
export interface LatestClose {
  readonly lastDate: IsoDate;
  /** The last valid close; null when every cached row is a placeholder. */
  readonly lastClose: number | null;
  /** The valid close before it, or null. */
  readonly prevClose: number | null;
}
