import type { Database, Statement } from 'better-sqlite3';
import { asIsoDate, asTicker, type IsoDate, type Ticker } from '../../../shared/brand';
import { nextDay } from '../../../shared/dates';
import type { ProviderCorporateEvent, ProviderId, SymbolSyncState } from '../../../shared/domain/sync';

/** The contiguous range of exchange-local dates whose bars from one provider are all stored. */
export interface Coverage {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** ISO instant of the last commit that extended or refreshed the range. */
  readonly fetchedAt: string;
}

interface CoverageRow {
  from_date: string;
  to_date: string;
  fetched_at: string;
}

export { nextDay };

/**
 * All SQL of price synchronisation: fetched ranges, provider corporate events, settings.
 * Writes happen inside the caller's batch transaction (see the sync engine), so a range is
 * recorded together with its bars or not at all.
 */
export class SyncRepository {
  private readonly db: Database;
  private readonly getCoverageStmt: Statement<[string, string], CoverageRow>;
  private readonly putCoverageStmt: Statement;
  private readonly countStmt: Statement<[string, string, string], { n: number }>;
  private readonly eventStmt: Statement;
  constructor(db: Database) {
    this.db = db;
    this.getCoverageStmt = db.prepare(
      'SELECT from_date, to_date, fetched_at FROM sync_coverage WHERE symbol = ? AND provider = ?',
    );
    this.putCoverageStmt = db.prepare(
      `INSERT INTO sync_coverage (symbol, provider, from_date, to_date, fetched_at) VALUES (@symbol, @provider, @from, @to, @fetchedAt)
       ON CONFLICT(symbol, provider) DO UPDATE SET from_date = excluded.from_date, to_date = excluded.to_date, fetched_at = excluded.fetched_at`,
    );
    this.countStmt = db.prepare('SELECT count(*) AS n FROM bars WHERE symbol = ? AND date >= ? AND date <= ?');
    // Re-reports of the same event are no-ops; a provider's correction of an amount replaces it.
    this.eventStmt = db.prepare(
      `INSERT INTO provider_events (symbol, provider, date, kind, amount, numerator, denominator)
       VALUES (@symbol, @provider, @date, @kind, @amount, @numerator, @denominator)
       ON CONFLICT(symbol, provider, kind, date) DO UPDATE SET amount = excluded.amount, numerator = excluded.numerator,
         denominator = excluded.denominator`,
    );
  }

  coverage(symbol: Ticker, provider: ProviderId): Coverage | null {
    const r = this.getCoverageStmt.get(symbol, provider);
    return r ? { from: asIsoDate(r.from_date), to: asIsoDate(r.to_date), fetchedAt: r.fetched_at } : null;
  }

  /**
   * Adds [from, to] to the symbol's fetched range of `provider`. The new range must touch or
   * overlap the recorded one (the engine commits chunks in an order that keeps it contiguous);
   * anything else is a bug and throws, rolling back the caller's transaction.
   */
  extendCoverage(symbol: Ticker, provider: ProviderId, from: IsoDate, to: IsoDate, fetchedAt: string): Coverage {
    if (from > to) throw new Error(`coverage range ${from}..${to} is reversed`);
    const cur = this.coverage(symbol, provider);
    let next: Coverage;
    if (!cur) {
      next = { from, to, fetchedAt };
    } else {
      const touches = from <= nextDay(cur.to) && cur.from <= nextDay(to);
      if (!touches)
        throw new Error(
          `coverage ${from}..${to} of ${symbol}/${provider} is not contiguous with ${cur.from}..${cur.to}`,
        );
      next = { from: from < cur.from ? from : cur.from, to: to > cur.to ? to : cur.to, fetchedAt };
    }
    this.putCoverageStmt.run({ symbol, provider, from: next.from, to: next.to, fetchedAt: next.fetchedAt });
    return next;
  }

  /** Number of cached bars of a symbol within [from, to]. */
  countBars(symbol: Ticker, from: IsoDate, to: IsoDate): number {
    return this.countStmt.get(symbol, from, to)!.n;
  }

  /** Stores provider dividends and splits (the instrument row must exist). */
  upsertEvents(events: readonly ProviderCorporateEvent[]): void {
    for (const e of events) {
      this.eventStmt.run({
        symbol: e.symbol,
        provider: e.provider,
        date: e.date,
        kind: e.kind,
        amount: e.amount,
        numerator: e.numerator,
        denominator: e.denominator,
      });
    }
  }

  /** A symbol's provider dividends and splits, ascending by date. */
  events(symbol: Ticker): ProviderCorporateEvent[] {
    return this.db
      .prepare<
        [string],
        {
          symbol: string;
          provider: ProviderId;
          date: string;
          kind: 'dividend' | 'split';
          amount: number | null;
          numerator: number | null;
          denominator: number | null;
        }
      >(
        'SELECT symbol, provider, date, kind, amount, numerator, denominator FROM provider_events WHERE symbol = ? ORDER BY date, kind, provider',
      )
      .all(symbol)
      .map((r) => ({ ...r, symbol: asTicker(r.symbol), date: asIsoDate(r.date) }));
  }

  /**
   * For every cached instrument, its most recent fetch (any provider) and that provider's range.
   * Instruments never synced come back with nulls.
   */
  symbolStates(): SymbolSyncState[] {
    return this.db
      .prepare<
        [],
        {
          symbol: string;
          provider: ProviderId | null;
          from_date: string | null;
          to_date: string | null;
          fetched_at: string | null;
        }
      >(
        `SELECT i.symbol, c.provider, c.from_date, c.to_date, c.fetched_at FROM instruments i
         LEFT JOIN sync_coverage c ON c.symbol = i.symbol AND c.provider = (
           SELECT provider FROM sync_coverage x WHERE x.symbol = i.symbol ORDER BY x.fetched_at DESC, x.provider LIMIT 1)
         ORDER BY i.symbol`,
      )
      .all()
      .map((r) => ({
        symbol: asTicker(r.symbol),
        lastUpdated: r.fetched_at,
        provider: r.provider,
        from: r.from_date ? asIsoDate(r.from_date) : null,
        to: r.to_date ? asIsoDate(r.to_date) : null,
      }));
  }

  /** A JSON setting, or undefined when never set. */
  getSetting(key: string): unknown {
    const r = this.db.prepare<[string], { value: string }>('SELECT value FROM sync_settings WHERE key = ?').get(key);
    return r ? (JSON.parse(r.value) as unknown) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    if (value === undefined) {
      this.db.prepare('DELETE FROM sync_settings WHERE key = ?').run(key);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO sync_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
