import type { Database } from 'better-sqlite3';
import { asTicker, type Ticker } from '../../../shared/brand';
import type { Page } from '../../../shared/contract/page';
import type { Instrument, InstrumentKind } from '../../../shared/domain/instrument';

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

  /** Every cached instrument by symbol, or one page of them (`page`: offset and limit). */
  list(page?: Page): Instrument[] {
    if (!page) {
      return this.db
        .prepare<[], InstrumentRow>(`SELECT ${COLUMNS} FROM instruments ORDER BY symbol`)
        .all()
        .map(toInstrument);
    }
    return this.db
      .prepare<[number, number], InstrumentRow>(`SELECT ${COLUMNS} FROM instruments ORDER BY symbol LIMIT ? OFFSET ?`)
      .all(page.limit, page.offset)
      .map(toInstrument);
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
