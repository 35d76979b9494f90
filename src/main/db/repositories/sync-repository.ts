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
   * For each of `symbols` (in that order), its most recent fetch (any provider) and that
   * provider's range; a symbol never synced comes back with nulls.
   */
  symbolStates(symbols: readonly Ticker[]): SymbolSyncState[] {
    const latest = new Map<string, CoverageRow & { symbol: string; provider: ProviderId }>();
    const rows = this.db
      .prepare<[], CoverageRow & { symbol: string; provider: ProviderId }>(
        'SELECT symbol, provider, from_date, to_date, fetched_at FROM sync_coverage ORDER BY fetched_at DESC, provider',
      )
      .all();
    for (const r of rows) if (!latest.has(r.symbol)) latest.set(r.symbol, r);
    return symbols.map((symbol) => {
      const c = latest.get(symbol);
      return {
        symbol,
        lastUpdated: c?.fetched_at ?? null,
        provider: c?.provider ?? null,
        from: c ? asIsoDate(c.from_date) : null,
        to: c ? asIsoDate(c.to_date) : null,
      };
    });
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
