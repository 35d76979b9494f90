import type { Database } from 'better-sqlite3';
import type { Ticker } from '../../../shared/brand';
import type { Instrument } from '../../../shared/domain/instrument';

/** The instrument fields a seed owns, as it last wrote them. */
export type SeededMetadata = Omit<Instrument, 'symbol'>;

const COLUMN: Record<keyof SeededMetadata, string> = {
  name: 'name',
  exchange: 'exchange',
  currency: 'currency',
  timezone: 'timezone',
  kind: 'kind',
  closeOnly: 'close_only',
  provenance: 'provenance',
  adjustmentNote: 'adjustment_note',
};

/**
 * The SQL a seed needs on the price cache beyond the market repositories: update chosen
 * instrument fields, and remember what the seed wrote (`seeded_instruments`).
 */
export class StudySeedRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  /** What the last seed wrote for the instrument, or null when no seed wrote it. */
  seededMetadata(symbol: Ticker): SeededMetadata | null {
    const r = this.db
      .prepare<[string], { metadata_json: string }>('SELECT metadata_json FROM seeded_instruments WHERE symbol = ?')
      .get(symbol);
    return r ? (JSON.parse(r.metadata_json) as SeededMetadata) : null;
  }

  /** Records what the seed wrote; a no-op (0 changes) when it is already recorded. */
  recordSeededMetadata(symbol: Ticker, meta: SeededMetadata): number {
    return this.db
      .prepare(
        `INSERT INTO seeded_instruments (symbol, metadata_json) VALUES (?, ?)
         ON CONFLICT(symbol) DO UPDATE SET metadata_json = excluded.metadata_json WHERE metadata_json IS NOT excluded.metadata_json`,
      )
      .run(symbol, JSON.stringify(meta)).changes;
  }

  /** Sets the given instrument fields (only those). Returns the rows changed. */
  updateInstrumentFields(symbol: Ticker, fields: Partial<SeededMetadata>): number {
    const keys = Object.keys(fields) as Array<keyof SeededMetadata>;
    if (keys.length === 0) return 0;
    const sets = keys.map((k) => `${COLUMN[k]} = @${k}`).join(', ');
    const params: Record<string, string | number | null> = { symbol };
    for (const k of keys) {
      const v = fields[k];
      params[k] = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    }
    return this.db
      .prepare(
        `UPDATE instruments SET ${sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE symbol = @symbol`,
      )
      .run(params).changes;
  }
}
