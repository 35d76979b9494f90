import type { Ticker } from '../../../shared/brand';
import type { Page } from '../../../shared/contract/page';
import { CatalystError } from '../../../shared/contract/errors';
import { daysBeforeInstant } from '../../../shared/dates';
import type {
  ImportPreview,
  ImportResult,
  PreviewLine,
  WatchlistDetail,
  WatchlistFileInput,
  WatchlistImportMode,
  WatchlistRow,
  WatchlistSummary,
} from '../../../shared/contract/watchlists';
import { exportWatchlist, type WatchlistExportFile } from '../../../shared/domain/watchlist/export';
import { markExisting, mergeEntries } from '../../../shared/domain/watchlist/merge';
import {
  MAX_WATCHLIST_ENTRIES,
  normaliseNote,
  normaliseSectionLabel,
  normaliseWatchlistName,
  sectionsOf,
  watchlistNameKey,
  type WatchlistDocument,
  type WatchlistEntry,
  type WatchlistExportFormat,
} from '../../../shared/domain/watchlist/model';
import {
  entriesOfLines,
  parseWatchlistFile,
  parseWatchlistText,
  type ParsedLine,
  type ParsedWatchlist,
} from '../../../shared/domain/watchlist/parse';
import { normaliseSymbolInput } from '../../../shared/domain/watchlist/symbol-map';
import type { Clock } from '../clock';
import type { Logger } from '../../log/logger';
import { dataChange, type NotifyChange } from '../data-changes';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import type { WriteTransaction } from '../../db/transaction';
import type { StoredEntry, WatchlistRecord, WatchlistsRepository } from '../../db/repositories/watchlists-repository';

export interface WatchlistsServiceDeps {
  readonly repo: WatchlistsRepository;
  /** The price cache's view of each symbol (cached or not, last close). */
  readonly bars: BarsRepository;
  /** The one write transaction helper (src/main/db/transaction.ts). */
  readonly transact: WriteTransaction;
  readonly clock: Clock;
  /** Told after each committed change of a list (`watchlists`). */
  readonly notify: NotifyChange;
  readonly log?: Logger;
}

/** A file from the renderer (base64 or text, see the contract) or from the CLI (raw bytes). */
export type ImportFile = WatchlistFileInput | { readonly fileName: string; readonly bytes: Uint8Array };

/** How an import writes: the `watchlists.import` channel's parsed input without the file. */
export type ImportOptions = WatchlistImportMode;

/** How long a deleted list can still be restored before a later delete purges it. */
export const RESTORE_WINDOW_DAYS = 30;

function toSummary(r: WatchlistRecord): WatchlistSummary {
  return {
    id: r.id,
    name: r.name,
    itemCount: r.itemCount,
    sectionCount: r.sectionCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Watchlists: import (a preview that writes nothing, then one transaction), management,
 * export. Every change validates its input first and writes all or nothing.
 */
export class WatchlistsService {
  private readonly deps: WatchlistsServiceDeps;
  constructor(deps: WatchlistsServiceDeps) {
    this.deps = deps;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Runs a change in one transaction, then tells the views once it is committed. */
  private write<T>(fn: () => T): T {
    const result = this.deps.transact(fn);
    this.deps.notify(dataChange(['watchlists']));
    return result;
  }

  // ── import ────────────────────────────────────────────────────────────────

  private parse(file: ImportFile): ParsedWatchlist {
    let result;
    if ('bytes' in file) result = parseWatchlistFile(file.fileName, file.bytes);
    else if ('bytesBase64' in file)
      result = parseWatchlistFile(file.fileName, new Uint8Array(Buffer.from(file.bytesBase64, 'base64')));
    else result = parseWatchlistText(file.fileName, file.text);
    if (!result.ok) {
      throw new CatalystError(
        'invalid-input',
        `Cannot import ${file.fileName}: ${result.reason}. Nothing was imported.`,
        {
          fileName: file.fileName,
          reason: result.reason,
        },
      );
    }
    return result.value;
  }

  private buildPreview(fileName: string, parsed: ParsedWatchlist, target: WatchlistRecord | null): ImportPreview {
    let lines: readonly ParsedLine[] = parsed.lines;
    if (target) {
      const existing = new Set(
        this.deps.repo.entries(target.id).flatMap((s) => (s.entry.kind === 'item' ? [s.entry.symbol] : [])),
      );
      lines = markExisting(lines, existing);
    }
    const cached = this.deps.bars.cachedSymbols([...new Set(lines.flatMap((l) => (l.symbol ? [l.symbol] : [])))]);
    const withCache: PreviewLine[] = lines.map((l) => ({ ...l, cached: l.symbol !== null && cached.has(l.symbol) }));
    const count = (f: (l: PreviewLine) => boolean) => withCache.filter(f).length;
    return {
      fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      defaultName: parsed.defaultName,
      target: target ? { id: target.id, name: target.name } : null,
      lines: withCache,
      notices: parsed.notices,
      ignoredColumns: parsed.ignoredColumns,
      counts: {
        ok: count((l) => l.kind === 'item' && l.status === 'ok'),
        duplicate: count((l) => l.status === 'duplicate'),
        error: count((l) => l.status === 'error'),
        sections: count((l) => l.kind === 'section' && l.status === 'ok'),
      },
    };
  }

  /**
   * Parses a file and reports every line (symbol, section, ok / duplicate / error with the
   * reason, cached or not) without writing. With `targetId`, symbols already in that list are
   * duplicates. Throws invalid-input with the reason when the file itself is rejected.
   */
  preview(file: ImportFile, targetId?: number): ImportPreview {
    const target = targetId === undefined ? null : this.live(targetId);
    return this.buildPreview(file.fileName, this.parse(file), target);
  }

  /**
   * Imports a file: as a new list (name: the given one, else the file's default; a clash is a
   * conflict) or merged into a live list (see {@link mergeEntries}: nothing removed, existing
   * symbols are duplicates). The file is parsed again here, so exactly what a preview of
   * the same bytes shows is written, in one transaction. When no line is valid nothing is
   * written and `watchlist` is null for a new list.
   */
  import(file: ImportFile, options: ImportOptions): ImportResult {
    const parsed = this.parse(file);
    const result = this.importParsed(file, parsed, options);
    this.deps.log?.info(
      `imported ${file.fileName} (${parsed.format}, ${result.mode}) into "${result.watchlist?.name ?? '-'}": ` +
        `${result.imported} symbol(s), ${result.counts.error} error line(s), ${result.counts.duplicate} duplicate(s)`,
    );
    return result;
  }

  private importParsed(file: ImportFile, parsed: ParsedWatchlist, options: ImportOptions): ImportResult {
    return this.write(() => {
      const target = options.mode === 'merge' ? this.live(options.targetId) : null;
      const preview = this.buildPreview(file.fileName, parsed, target);
      const incoming = entriesOfLines(parsed.lines);
      const now = this.now();
      if (options.mode === 'new') {
        const name = this.checkName(options.name ?? parsed.defaultName, null);
        // A Catalyst JSON list of only sections is a list (round trip); elsewhere sections alone are not.
        if (!incoming.some((e) => e.kind === 'item' || parsed.format === 'json'))
          return { ...preview, watchlist: null, mode: 'new', imported: 0, uncached: [] };
        const id = this.insertList(name, now);
        incoming.forEach((e, i) => this.deps.repo.insertEntry(id, i, e));
        const added = incoming.flatMap((e) => (e.kind === 'item' ? [e.symbol] : []));
        return {
          ...preview,
          watchlist: toSummary(this.deps.repo.get(id)!),
          mode: 'new',
          imported: added.length,
          uncached: this.uncached(added),
        };
      }
      const stored = this.deps.repo.entries(target!.id);
      const { merged, added } = mergeEntries(
        stored.map((s) => ({ id: s.id, entry: s.entry })),
        incoming,
      );
      if (merged.length > MAX_WATCHLIST_ENTRIES) {
        throw new CatalystError(
          'invalid-input',
          `Merging would make "${target!.name}" ${merged.length} entries long; a watchlist holds at most ${MAX_WATCHLIST_ENTRIES}. Nothing was imported.`,
        );
      }
      if (merged.length > stored.length) {
        this.deps.repo.writeOrder(target!.id, merged);
        this.deps.repo.touch(target!.id, now);
      }
      return {
        ...preview,
        watchlist: toSummary(this.deps.repo.get(target!.id)!),
        mode: 'merge',
        imported: added.length,
        uncached: this.uncached(added),
      };
    });
  }

  private uncached(symbols: readonly Ticker[]): Ticker[] {
    const cached = this.deps.bars.cachedSymbols(symbols);
    return symbols.filter((s) => !cached.has(s));
  }

  // ── reading ───────────────────────────────────────────────────────────────

  /** Live lists, sorted by name. */
  /** Live lists by name; `page` narrows to one page (the channel always passes one). */
  list(page?: Page): WatchlistSummary[] {
    return this.deps.repo.listLive(page).map(toSummary);
  }

  /** The live list with this name (case-insensitive), or null. */
  findByName(name: string): WatchlistSummary | null {
    const r = this.deps.repo.findLiveByKey(watchlistNameKey(name));
    return r ? toSummary(r) : null;
  }

  /** A live list with its entries, each item with its last cached close and change. */
  get(id: number): WatchlistDetail {
    const record = this.live(id);
    const rows = this.deps.repo.entries(id).map((r) => {
      const quote = r.entry.kind === 'item' ? this.deps.bars.latestClose(r.entry.symbol) : null;
      return {
        ...r,
        cached: quote !== null,
        lastDate: quote?.lastDate ?? null,
        lastClose: quote?.lastClose ?? null,
        prevClose: quote?.prevClose ?? null,
      };
    });
    const sections = sectionsOf(rows.map((r) => r.entry));
    const entries: WatchlistRow[] = rows.map((r, i) => ({
      id: r.id,
      kind: r.entry.kind,
      symbol: r.entry.kind === 'item' ? r.entry.symbol : null,
      label: r.entry.kind === 'section' ? r.entry.label : null,
      section: sections[i] ?? null,
      note: r.entry.kind === 'item' ? r.entry.note : null,
      exchange: r.entry.kind === 'item' ? r.entry.exchange : null,
      cached: r.entry.kind === 'item' && r.cached,
      lastDate: r.lastDate,
      lastClose: r.lastClose,
      lastChange: r.lastClose !== null && r.prevClose ? r.lastClose / r.prevClose - 1 : null,
    }));
    return { ...toSummary(record), entries };
  }

  /** A live list as a document (what the exporters take). */
  document(id: number): WatchlistDocument {
    const record = this.live(id);
    return { name: record.name, entries: this.deps.repo.entries(id).map((s) => s.entry) };
  }

  /** A live list as a file in one of the export formats. */
  export(id: number, format: WatchlistExportFormat): WatchlistExportFile {
    return exportWatchlist(this.document(id), format, this.now());
  }

  // ── lists ─────────────────────────────────────────────────────────────────

  /** Creates an empty list. */
  create(rawName: string): WatchlistDetail {
    const id = this.write(() => {
      return this.insertList(this.checkName(rawName, null), this.now());
    });
    return this.get(id);
  }

  rename(id: number, rawName: string): WatchlistDetail {
    this.write(() => {
      this.live(id);
      const name = this.checkName(rawName, id);
      this.unique(name, () => this.deps.repo.rename(id, name, watchlistNameKey(name), this.now()));
    });
    return this.get(id);
  }

  /**
   * Deletes a list so that {@link restore} can bring it back; lists deleted more than
   * {@link RESTORE_WINDOW_DAYS} days ago are purged for good at the same time.
   */
  delete(id: number): { id: number; name: string } {
    return this.write(() => {
      const record = this.live(id);
      const now = this.deps.clock.now();
      this.deps.repo.purgeDeletedBefore(daysBeforeInstant(now, RESTORE_WINDOW_DAYS).toISOString());
      this.deps.repo.markDeleted(id, now.toISOString());
      return { id, name: record.name };
    });
  }

  /** Brings back a deleted list (a no-op for a live one); renamed "NAME (restored)" if its name was taken meanwhile. */
  restore(id: number): WatchlistDetail {
    this.write(() => {
      const record = this.deps.repo.get(id);
      if (!record)
        throw new CatalystError(
          'not-found',
          `There is no watchlist ${id} to restore (deleted lists are kept ${RESTORE_WINDOW_DAYS} days).`,
        );
      if (record.deletedAt === null) return;
      let name = record.name;
      for (let n = 1; this.deps.repo.findLiveByKey(watchlistNameKey(name)); n++) {
        const suffix = n === 1 ? ' (restored)' : ` (restored ${n})`;
        name = `${record.name.slice(0, 100 - suffix.length).trimEnd()}${suffix}`;
      }
      this.deps.repo.markRestored(id, name, watchlistNameKey(name), this.now());
    });
    return this.get(id);
  }

  // ── entries ───────────────────────────────────────────────────────────────

  /** Sets the order: `order` must hold every entry id of the list exactly once. */
  reorder(id: number, order: readonly number[]): WatchlistDetail {
    this.write(() => {
      this.live(id);
      const stored = this.deps.repo.entries(id);
      const byId = new Map(stored.map((s) => [s.id, s]));
      const seen = new Set<number>();
      const repeated = order.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
      const unknown = order.filter((x) => !byId.has(x));
      const missing = stored.filter((s) => !seen.has(s.id)).map((s) => s.id);
      if (repeated.length || unknown.length || missing.length) {
        const parts = [
          repeated.length ? `repeated: ${repeated.join(', ')}` : '',
          unknown.length ? `not in the list: ${unknown.join(', ')}` : '',
          missing.length ? `missing: ${missing.join(', ')}` : '',
        ].filter(Boolean);
        throw new CatalystError(
          'invalid-input',
          `The order must list each of the ${stored.length} entries exactly once (${parts.join('; ')}).`,
        );
      }
      this.deps.repo.writeOrder(
        id,
        order.map((x) => ({ id: x, entry: byId.get(x)!.entry })),
      );
      this.deps.repo.touch(id, this.now());
    });
    return this.get(id);
  }

  /** Sets an item's note; null or blank clears it. */
  setNote(itemId: number, rawNote: string | null): WatchlistDetail {
    const note = normaliseNote(rawNote);
    if (!note.ok) throw new CatalystError('invalid-input', note.reason);
    const listId = this.write(() => {
      const stored = this.liveEntry(itemId);
      if (stored.entry.kind !== 'item')
        throw new CatalystError('invalid-input', `Entry ${itemId} is a section; only symbols have notes.`);
      this.deps.repo.setNote(itemId, note.value);
      this.deps.repo.touch(stored.watchlistId, this.now());
      return stored.watchlistId;
    });
    return this.get(listId);
  }

  /** Adds a symbol at `position` (default: the end). Accepts Yahoo style or TradingView `EXCHANGE:TICKER`. */
  addItem(id: number, rawSymbol: string, rawNote?: string | null, position?: number): WatchlistDetail {
    const mapped = normaliseSymbolInput(rawSymbol);
    if (!mapped.ok) throw new CatalystError('invalid-input', mapped.reason);
    const note = normaliseNote(rawNote);
    if (!note.ok) throw new CatalystError('invalid-input', note.reason);
    this.insertAt(id, { kind: 'item', symbol: mapped.symbol, note: note.value, exchange: mapped.exchange }, position);
    return this.get(id);
  }

  /** Adds a section marker at `position` (default: the end). */
  addSection(id: number, rawLabel: string, position?: number): WatchlistDetail {
    const label = normaliseSectionLabel(rawLabel);
    if (!label.ok) throw new CatalystError('invalid-input', label.reason);
    this.insertAt(id, { kind: 'section', label: label.value }, position);
    return this.get(id);
  }

  renameSection(itemId: number, rawLabel: string): WatchlistDetail {
    const label = normaliseSectionLabel(rawLabel);
    if (!label.ok) throw new CatalystError('invalid-input', label.reason);
    const listId = this.write(() => {
      const stored = this.liveEntry(itemId);
      if (stored.entry.kind !== 'section')
        throw new CatalystError('invalid-input', `Entry ${itemId} is a symbol, not a section.`);
      this.deps.repo.setLabel(itemId, label.value);
      this.deps.repo.touch(stored.watchlistId, this.now());
      return stored.watchlistId;
    });
    return this.get(listId);
  }

  /** Removes a symbol or a section marker (a section's items then fall into the section before). */
  removeItem(itemId: number): WatchlistDetail {
    const listId = this.write(() => {
      const stored = this.liveEntry(itemId);
      this.deps.repo.deleteEntry(itemId);
      this.deps.repo.writeOrder(
        stored.watchlistId,
        this.deps.repo.entries(stored.watchlistId).map((s) => ({ id: s.id, entry: s.entry })),
      );
      this.deps.repo.touch(stored.watchlistId, this.now());
      return stored.watchlistId;
    });
    return this.get(listId);
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private insertAt(id: number, entry: WatchlistEntry, position?: number): void {
    this.write(() => {
      this.live(id);
      const stored = this.deps.repo.entries(id);
      if (entry.kind === 'item' && stored.some((s) => s.entry.kind === 'item' && s.entry.symbol === entry.symbol)) {
        throw new CatalystError('conflict', `${entry.symbol} is already in this watchlist.`);
      }
      if (stored.length >= MAX_WATCHLIST_ENTRIES)
        throw new CatalystError('invalid-input', `A watchlist holds at most ${MAX_WATCHLIST_ENTRIES} entries.`);
      if (position !== undefined && position > stored.length) {
        throw new CatalystError(
          'invalid-input',
          `Position ${position} is past the end of the list (${stored.length} entries).`,
        );
      }
      const placed: Array<{ id: number | null; entry: WatchlistEntry }> = stored.map((s: StoredEntry) => ({
        id: s.id,
        entry: s.entry,
      }));
      placed.splice(position ?? placed.length, 0, { id: null, entry });
      this.deps.repo.writeOrder(id, placed);
      this.deps.repo.touch(id, this.now());
    });
  }

  private insertList(name: string, now: string): number {
    return this.unique(name, () => this.deps.repo.insert(name, watchlistNameKey(name), now));
  }

  /** Runs a write that the unique name index guards (another process may have taken the name since the check). */
  private unique<T>(name: string, write: () => T): T {
    try {
      return write();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new CatalystError(
          'conflict',
          `A watchlist named "${name}" already exists: choose another name, or merge into it.`,
        );
      throw e;
    }
  }

  /** A live list, or not-found. */
  private live(id: number): WatchlistRecord {
    const r = this.deps.repo.get(id);
    if (!r || r.deletedAt !== null)
      throw new CatalystError('not-found', `There is no watchlist ${id}${r ? ' (it was deleted)' : ''}.`);
    return r;
  }

  /** An entry of a live list, or not-found. */
  private liveEntry(itemId: number): StoredEntry {
    const stored = this.deps.repo.entry(itemId);
    if (!stored) throw new CatalystError('not-found', `There is no watchlist entry ${itemId}.`);
    this.live(stored.watchlistId);
    return stored;
  }

  /** A valid, unused name (the list `selfId` may keep its own). */
  private checkName(raw: string, selfId: number | null): string {
    const name = normaliseWatchlistName(raw);
    if (!name.ok) throw new CatalystError('invalid-input', name.reason);
    const clash = this.deps.repo.findLiveByKey(watchlistNameKey(name.value));
    if (clash && clash.id !== selfId) {
      throw new CatalystError(
        'conflict',
        `A watchlist named "${clash.name}" already exists: choose another name, or merge into it.`,
        { existingId: clash.id },
      );
    }
    return name.value;
  }
}
