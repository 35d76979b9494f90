import type { Database, Statement } from 'better-sqlite3';
import type { Page } from '../../../shared/contract/page';
import { asTicker } from '../../../shared/brand';
import type { WatchlistEntry } from '../../../shared/domain/watchlist/model';

/** A list row. Times are ISO instants. */
export interface WatchlistRecord {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
  readonly itemCount: number;
  readonly sectionCount: number;
}

/** One stored entry, in list order. */
export interface StoredEntry {
  readonly id: number;
  readonly watchlistId: number;
  readonly position: number;
  readonly entry: WatchlistEntry;
}

interface ListRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  item_count: number;
  section_count: number;
}

interface EntryRow {
  id: number;
  watchlist_id: number;
  position: number;
  kind: 'item' | 'section';
  symbol: string | null;
  label: string | null;
  note: string | null;
  exchange: string | null;
}

const LIST_COLUMNS = `w.id, w.name, w.created_at, w.updated_at, w.deleted_at,
  (SELECT count(*) FROM watchlist_items i WHERE i.watchlist_id = w.id AND i.kind = 'item') AS item_count,
  (SELECT count(*) FROM watchlist_items i WHERE i.watchlist_id = w.id AND i.kind = 'section') AS section_count`;

const ENTRY_COLUMNS = 'id, watchlist_id, position, kind, symbol, label, note, exchange';

function toRecord(r: ListRow): WatchlistRecord {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    itemCount: r.item_count,
    sectionCount: r.section_count,
  };
}

function toEntry(r: EntryRow): StoredEntry {
  const entry: WatchlistEntry =
    r.kind === 'section'
      ? { kind: 'section', label: r.label! }
      : { kind: 'item', symbol: asTicker(r.symbol!), note: r.note, exchange: r.exchange };
  return { id: r.id, watchlistId: r.watchlist_id, position: r.position, entry };
}

function entryParams(watchlistId: number, position: number, e: WatchlistEntry) {
  return e.kind === 'section'
    ? { watchlist_id: watchlistId, position, kind: 'section', symbol: null, label: e.label, note: null, exchange: null }
    : {
        watchlist_id: watchlistId,
        position,
        kind: 'item',
        symbol: e.symbol,
        label: null,
        note: e.note,
        exchange: e.exchange,
      };
}

/**
 * All SQL on `watchlists` and `watchlist_items`, plus one read over `bars` (last close and
 * change of each listed symbol). Callers wrap multi-statement changes in a transaction.
 */
export class WatchlistsRepository {
  private readonly db: Database;
  private readonly insertStmt: Statement;
  constructor(db: Database) {
    this.db = db;
    this.insertStmt = db.prepare(
      `INSERT INTO watchlist_items (watchlist_id, position, kind, symbol, label, note, exchange)
       VALUES (@watchlist_id, @position, @kind, @symbol, @label, @note, @exchange)`,
    );
  }

  /** Live lists, sorted by name (case-insensitive), or one page of them. */
  listLive(page?: Page): WatchlistRecord[] {
    const sql = `SELECT ${LIST_COLUMNS} FROM watchlists w WHERE w.deleted_at IS NULL ORDER BY w.name_key, w.id`;
    const rows = page
      ? this.db.prepare<[number, number], ListRow>(`${sql} LIMIT ? OFFSET ?`).all(page.limit, page.offset)
      : this.db.prepare<[], ListRow>(sql).all();
    return rows.map(toRecord);
  }

  /** A list by id, deleted or not. */
  get(id: number): WatchlistRecord | null {
    const r = this.db.prepare<[number], ListRow>(`SELECT ${LIST_COLUMNS} FROM watchlists w WHERE w.id = ?`).get(id);
    return r ? toRecord(r) : null;
  }

  /** The live list whose name key equals `nameKey`, if any. */
  findLiveByKey(nameKey: string): WatchlistRecord | null {
    const r = this.db
      .prepare<[string], ListRow>(
        `SELECT ${LIST_COLUMNS} FROM watchlists w WHERE w.name_key = ? AND w.deleted_at IS NULL`,
      )
      .get(nameKey);
    return r ? toRecord(r) : null;
  }

  insert(name: string, nameKey: string, now: string): number {
    const r = this.db
      .prepare('INSERT INTO watchlists (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, nameKey, now, now);
    return Number(r.lastInsertRowid);
  }

  rename(id: number, name: string, nameKey: string, now: string): void {
    this.db
      .prepare('UPDATE watchlists SET name = ?, name_key = ?, updated_at = ? WHERE id = ?')
      .run(name, nameKey, now, id);
  }

  touch(id: number, now: string): void {
    this.db.prepare('UPDATE watchlists SET updated_at = ? WHERE id = ?').run(now, id);
  }

  markDeleted(id: number, now: string): void {
    this.db.prepare('UPDATE watchlists SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id);
  }

  markRestored(id: number, name: string, nameKey: string, now: string): void {
    this.db
      .prepare('UPDATE watchlists SET deleted_at = NULL, name = ?, name_key = ?, updated_at = ? WHERE id = ?')
      .run(name, nameKey, now, id);
  }

  /** Removes for good the lists deleted before `before` (ISO instant); their entries cascade. Returns how many. */
  purgeDeletedBefore(before: string): number {
    return this.db.prepare('DELETE FROM watchlists WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(before)
      .changes;
  }

  /** The entries of a list in order. */
  entries(watchlistId: number): StoredEntry[] {
    return this.db
      .prepare<[number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM watchlist_items WHERE watchlist_id = ? ORDER BY position, id`,
      )
      .all(watchlistId)
      .map(toEntry);
  }

  /** One entry by id, with its list. */
  entry(itemId: number): StoredEntry | null {
    const r = this.db
      .prepare<[number], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM watchlist_items WHERE id = ?`)
      .get(itemId);
    return r ? toEntry(r) : null;
  }

  /** Inserts one entry; returns its id. */
  insertEntry(watchlistId: number, position: number, entry: WatchlistEntry): number {
    const r = this.insertStmt.run(entryParams(watchlistId, position, entry));
    return Number(r.lastInsertRowid);
  }

  /**
   * Writes a list's order: stored entries (`id` set) move to their index, new ones
   * (`id` null) are inserted there. Positions end up 0…n-1.
   */
  writeOrder(
    watchlistId: number,
    placed: ReadonlyArray<{ readonly id: number | null; readonly entry: WatchlistEntry }>,
  ): void {
    const move = this.db.prepare('UPDATE watchlist_items SET position = ? WHERE id = ? AND watchlist_id = ?');
    placed.forEach((p, position) => {
      if (p.id === null) this.insertEntry(watchlistId, position, p.entry);
      else move.run(position, p.id, watchlistId);
    });
  }

  setNote(itemId: number, note: string | null): void {
    this.db.prepare("UPDATE watchlist_items SET note = ? WHERE id = ? AND kind = 'item'").run(note, itemId);
  }

  setLabel(itemId: number, label: string): void {
    this.db.prepare("UPDATE watchlist_items SET label = ? WHERE id = ? AND kind = 'section'").run(label, itemId);
  }

  deleteEntry(itemId: number): void {
    this.db.prepare('DELETE FROM watchlist_items WHERE id = ?').run(itemId);
  }
}
