import type { Database } from 'better-sqlite3';
import type { Ticker } from '../../../shared/brand';
import type { Instrument } from '../../../shared/domain/instrument';

/** The instrument fields a seed owns, as it last wrote them. */
export type SeededMetadata = Omit<Instrument, 'symbol'>;

/**
 * All SQL on `seeded_instruments`: what the seed last wrote for each instrument it shipped.
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
}
