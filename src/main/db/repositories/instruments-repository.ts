import type { Database } from 'better-sqlite3';
import { asTicker, type Ticker } from '../../../shared/brand';
import type { Instrument, InstrumentKind, InstrumentSummary } from '../../../shared/domain/instrument';

interface InstrumentRow {
  symbol: string;
  name: string | null;
  exchange: string | null;
  currency: string | null;
  timezone: string;
  kind: InstrumentKind;
  close_only: number;
  provenance: string | null;
  adjustment_note: string | null;
}

interface SummaryRow extends InstrumentRow {
  bar_count: number;
  first_date: string | null;
  last_date: string | null;
  last_close: number | null;
  prev_close: number | null;
}

const COLUMNS = 'symbol, name, exchange, currency, timezone, kind, close_only, provenance, adjustment_note';

const FIELD_COLUMN: Record<keyof Omit<Instrument, 'symbol'>, string> = {
  name: 'name',
  exchange: 'exchange',
  currency: 'currency',
  timezone: 'timezone',
  kind: 'kind',
  closeOnly: 'close_only',
  provenance: 'provenance',
  adjustmentNote: 'adjustment_note',
};

function toInstrument(r: InstrumentRow): Instrument {
  return {
    symbol: asTicker(r.symbol),
    name: r.name,
    exchange: r.exchange,
    currency: r.currency,
    timezone: r.timezone,
    kind: r.kind,
    closeOnly: r.close_only === 1,
    provenance: r.provenance,
    adjustmentNote: r.adjustment_note,
  };
}

function params(i: Instrument) {
  return {
    symbol: i.symbol,
    name: i.name,
    exchange: i.exchange,
    currency: i.currency,
    timezone: i.timezone,
    kind: i.kind,
    close_only: i.closeOnly ? 1 : 0,
    provenance: i.provenance,
    adjustment_note: i.adjustmentNote,
  };
}

/** All SQL on `instruments`. */
export class InstrumentsRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  get(symbol: Ticker): Instrument | null {
    const row = this.db
      .prepare<[string], InstrumentRow>(`SELECT ${COLUMNS} FROM instruments WHERE symbol = ?`)
      .get(symbol);
    return row ? toInstrument(row) : null;
  }

  list(): Instrument[] {
    return this.db
      .prepare<[], InstrumentRow>(`SELECT ${COLUMNS} FROM instruments ORDER BY symbol`)
      .all()
      .map(toInstrument);
  }

  /**
   * Every instrument with its bar count, first/last date, last valid close and the change
   * from the previous valid close (placeholders skipped). Reads `bar_summary` (kept by the
   * bars repository in its write transactions): one row per instrument, whatever the cache holds.
   */
  listSummaries(): InstrumentSummary[] {
    const rows = this.db
      .prepare<[], SummaryRow>(
        `SELECT i.${COLUMNS.split(', ').join(', i.')}, coalesce(s.bar_count, 0) AS bar_count,
           s.first_date, s.last_date, s.last_close, s.prev_close
         FROM instruments i LEFT JOIN bar_summary s ON s.symbol = i.symbol ORDER BY i.symbol`,
      )
      .all();
    return rows.map((r) => ({
      ...toInstrument(r),
      barCount: r.bar_count,
      firstDate: r.first_date,
      lastDate: r.last_date,
      lastClose: r.last_close,
      lastChange: r.last_close !== null && r.prev_close ? r.last_close / r.prev_close - 1 : null,
    }));
  }

  /** Inserts or replaces an instrument's metadata (its bars are untouched). */
  upsert(instrument: Instrument): void {
    this.db
      .prepare(
        `INSERT INTO instruments (${COLUMNS}) VALUES (@symbol, @name, @exchange, @currency, @timezone, @kind, @close_only, @provenance, @adjustment_note)
         ON CONFLICT(symbol) DO UPDATE SET name = excluded.name, exchange = excluded.exchange, currency = excluded.currency,
           timezone = excluded.timezone, kind = excluded.kind, close_only = excluded.close_only, provenance = excluded.provenance,
           adjustment_note = excluded.adjustment_note, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(params(instrument));
  }

  /** Sets the given metadata fields (only those) of a cached instrument. Returns the rows changed. */
  updateFields(symbol: Ticker, fields: Partial<Omit<Instrument, 'symbol'>>): number {
    const keys = Object.keys(fields) as Array<keyof Omit<Instrument, 'symbol'>>;
    if (keys.length === 0) return 0;
    const sets = keys.map((k) => `${FIELD_COLUMN[k]} = @${k}`).join(', ');
    const values: Record<string, string | number | null> = { symbol };
    for (const k of keys) {
      const v = fields[k];
      values[k] = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    }
    return this.db
      .prepare(
        `UPDATE instruments SET ${sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE symbol = @symbol`,
      )
      .run(values).changes;
  }

  /** Inserts the instrument only when the symbol is not cached yet; returns true when it inserted. */
  insertIfMissing(instrument: Instrument): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO instruments (${COLUMNS}) VALUES (@symbol, @name, @exchange, @currency, @timezone, @kind, @close_only, @provenance, @adjustment_note)
         ON CONFLICT(symbol) DO NOTHING`,
      )
      .run(params(instrument));
    return r.changes === 1;
  }
}

/** A minimal instrument for a symbol we know nothing else about yet. */
export function bareInstrument(symbol: Ticker, overrides: Partial<Instrument> = {}): Instrument {
  return {
    symbol,
    name: null,
    exchange: null,
    currency: null,
    timezone: 'UTC',
    kind: symbol.startsWith('^') ? 'index' : 'equity',
    closeOnly: false,
    provenance: null,
    adjustmentNote: null,
    ...overrides,
  };
}
