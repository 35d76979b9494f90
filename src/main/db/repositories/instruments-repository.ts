import type { Database, Statement } from 'better-sqlite3';
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

/** All SQL on `instruments`. Statements are prepared once, in the constructor. */
export class InstrumentsRepository {
  private readonly db: Database;
  private readonly getStmt: Statement<[string], InstrumentRow>;
  private readonly listStmt: Statement<[], InstrumentRow>;
  private readonly pageStmt: Statement<[number, number], InstrumentRow>;
  private readonly upsertStmt: Statement<[ReturnType<typeof params>]>;
  private readonly insertIfMissingStmt: Statement<[ReturnType<typeof params>]>;
  /** `updateFields` statements by the set of fields they set (at most one per combination used). */
  private readonly updateStmts = new Map<string, Statement>();
  constructor(db: Database) {
    this.db = db;
    this.getStmt = db.prepare(`SELECT ${COLUMNS} FROM instruments WHERE symbol = ?`);
    this.listStmt = db.prepare(`SELECT ${COLUMNS} FROM instruments ORDER BY symbol`);
    this.pageStmt = db.prepare(`SELECT ${COLUMNS} FROM instruments ORDER BY symbol LIMIT ? OFFSET ?`);
    const insert = `INSERT INTO instruments (${COLUMNS}) VALUES (@symbol, @name, @exchange, @currency, @timezone, @kind, @close_only, @provenance, @adjustment_note)`;
    this.upsertStmt = db.prepare(
      `${insert}
       ON CONFLICT(symbol) DO UPDATE SET name = excluded.name, exchange = excluded.exchange, currency = excluded.currency,
         timezone = excluded.timezone, kind = excluded.kind, close_only = excluded.close_only, provenance = excluded.provenance,
         adjustment_note = excluded.adjustment_note, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    this.insertIfMissingStmt = db.prepare(`${insert} ON CONFLICT(symbol) DO NOTHING`);
  }

  get(symbol: Ticker): Instrument | null {
    const row = this.getStmt.get(symbol);
    return row ? toInstrument(row) : null;
  }

  /** Every cached instrument by symbol, or one page of them (`page`: offset and limit). */
  list(page?: Page): Instrument[] {
    if (!page) return this.listStmt.all().map(toInstrument);
    return this.pageStmt.all(page.limit, page.offset).map(toInstrument);
  }

  /** Inserts or replaces an instrument's metadata (its bars are untouched). */
  upsert(instrument: Instrument): void {
    this.upsertStmt.run(params(instrument));
  }

  /** Sets the given metadata fields (only those) of a cached instrument. Returns the rows changed. */
  updateFields(symbol: Ticker, fields: Partial<Omit<Instrument, 'symbol'>>): number {
    const keys = Object.keys(fields) as Array<keyof Omit<Instrument, 'symbol'>>;
    if (keys.length === 0) return 0;
    keys.sort();
    const values: Record<string, string | number | null> = { symbol };
    for (const k of keys) {
      const v = fields[k];
      values[k] = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    }
    const signature = keys.join(',');
    let stmt = this.updateStmts.get(signature);
    if (!stmt) {
      const sets = keys.map((k) => `${FIELD_COLUMN[k]} = @${k}`).join(', ');
      stmt = this.db.prepare(
        `UPDATE instruments SET ${sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE symbol = @symbol`,
      );
      this.updateStmts.set(signature, stmt);
    }
    return stmt.run(values).changes;
  }

  /** Inserts the instrument only when the symbol is not cached yet; returns true when it inserted. */
  insertIfMissing(instrument: Instrument): boolean {
    return this.insertIfMissingStmt.run(params(instrument)).changes === 1;
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
