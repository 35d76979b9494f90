import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ImportResult,
  WatchlistDetail,
  WatchlistFileInput,
  WatchlistRow,
  WatchlistSummary,
} from '../../../../shared/contract/watchlists';
import type { WatchlistExportFormat } from '../../../../shared/domain/watchlist/model';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { useDataVersions } from '../../app/data-versions-context';
import { useWorkspace } from '../../app/workspace-context';
import { notSupportedMessage, readDroppedFile, routeFile, useFileDragging, useFileKind } from '../../app/file-open';
import { saveTextFile } from './file-transfer';
import { ImportDialog } from './import-dialog';
import { useAddToComparison } from '../compare/use-add-to-comparison';
import { WatchlistEntries } from './watchlist-entries';
import { useMenuKeys } from '../../ui/menu-keys';
import './watchlists.css';

const UNDO_MS = 10_000;

const EXPORTS: ReadonlyArray<{ format: WatchlistExportFormat; label: string }> = [
  { format: 'tradingview', label: 'TradingView (.txt)' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'Catalyst JSON' },
];

/**
 * The sidebar's Watchlists section: pick a list, see its symbols with last close and change
 * (click to chart), reorder, annotate, rename, delete with undo, export; import files by the
 * button, by dropping them on the window, or from the native menu.
 */
export function WatchlistsPanel() {
  const { selected, select, setStatus } = useAppState();
  const addToComparison = useAddToComparison();
  const versions = useDataVersions();
  // Rows show last close and change: re-read on a change of the lists or of any bars.
  const dataVersion = [versions.kinds.watchlists, versions.kinds.bars].join(',');
  const [lists, setLists] = useState<readonly WatchlistSummary[]>([]);
  const { initial, remember } = useWorkspace();
  const [openId, setOpenId] = useState<number | null>(initial.watchlistId ?? null);
  const [loaded, setDetail] = useState<WatchlistDetail | null>(null);
  const [pendingFile, setPendingFile] = useState<WatchlistFileInput | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const [newSymbol, setNewSymbol] = useState('');
  const [newSection, setNewSection] = useState<string | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [undo, setUndo] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const exportMenu = useRef<HTMLSpanElement>(null);
  const exportMenuKeys = useMenuKeys(exportOpen, () => setExportOpen(false), exportMenu);
  // The detail on screen belongs to the open list (a stale one is never shown).
  const detail = loaded && loaded.id === openId ? loaded : null;

  const fail = useCallback(
    (e: unknown) => {
      const message = describeError(e);
      setError(message);
      setStatus(message);
    },
    [setStatus],
  );

  /** Shows the lists, keeping `open` (or the current list) open when it still exists. */
  const applyLists = useCallback((all: readonly WatchlistSummary[], open?: number | null) => {
    setLists(all);
    setOpenId((cur) => {
      const wanted = open !== undefined ? open : cur;
      return wanted !== null && all.some((l) => l.id === wanted) ? wanted : (all[0]?.id ?? null);
    });
  }, []);

  const reloadLists = useCallback(
    async (open?: number | null) => applyLists(await api.watchlists.list(), open),
    [applyLists],
  );

  // The lists, re-read when any list changed (here, from the CLI or another window).
  const listsVersion = versions.kinds.watchlists;
  useEffect(() => {
    let live = true;
    api.watchlists.list().then(
      (all) => live && applyLists(all),
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [applyLists, fail, listsVersion]);

  // The open list, re-read when prices may have changed (a sync, an import of bars).
  useEffect(() => {
    if (openId === null) return;
    remember({ watchlistId: openId });
    let live = true;
    api.watchlists.get({ id: openId }).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [openId, dataVersion, fail, remember]);

  const openFiles = useCallback(
    (files: File[]) => {
      const file = files[0]!;
      if (files.length > 1)
        setStatus(`Importing ${file.name} (one file at a time; ${files.length - 1} other file(s) ignored).`);
      // The button takes what a drop takes: a price CSV goes to its preview, a watchlist here.
      void readDroppedFile(file).then((f) =>
        routeFile(f, (x) => fail(new Error('error' in x ? x.error : notSupportedMessage(x)))),
      );
    },
    [fail, setStatus],
  );
  // Files dropped on the window or opened from the OS or the menu that are watchlists (app/file-open).
  useFileKind('watchlist', (f) =>
    'error' in f ? fail(new Error(f.error)) : setPendingFile({ fileName: f.fileName, bytesBase64: f.bytesBase64 }),
  );
  const dragging = useFileDragging();

  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [undo]);

  /** Runs a change that answers with the updated list. */
  async function change(run: () => Promise<WatchlistDetail>) {
    setError(null);
    try {
      const d = await run();
      setDetail(d);
      setLists((all) =>
        all.map((l) =>
          l.id === d.id
            ? { ...l, name: d.name, itemCount: d.itemCount, sectionCount: d.sectionCount, updatedAt: d.updatedAt }
            : l,
        ),
      );
    } catch (e) {
      fail(e);
    }
  }

  async function updatePrices(symbols: readonly string[]) {
    try {
      const run = await api.sync.start({ symbols: [...symbols] });
      setStatus(`Updating prices of ${run.total} symbol(s)…`);
    } catch (e) {
      fail(e);
    }
  }

  async function onImported(result: ImportResult, updateNow: boolean) {
    setPendingFile(null);
    const target = result.watchlist;
    if (!target) {
      setStatus('Nothing was imported: no line of the file was valid.');
      return;
    }
    await reloadLists(target.id).catch(fail);
    const uncached = result.uncached.length ? `; ${result.uncached.length} without cached prices` : '';
    setStatus(`Imported ${result.imported} symbol(s) into “${target.name}”${uncached}.`);
    if (updateNow) await updatePrices(result.uncached);
  }

  async function createList() {
    if (creating === null) return;
    try {
      const d = await api.watchlists.create({ name: creating });
      setCreating(null);
      await reloadLists(d.id);
    } catch (e) {
      fail(e);
    }
  }

  async function deleteList() {
    if (!detail) return;
    try {
      const gone = await api.watchlists.delete({ id: detail.id });
      setUndo(gone);
      await reloadLists(null);
      setStatus(`Deleted “${gone.name}”.`);
    } catch (e) {
      fail(e);
    }
  }

  async function restoreList() {
    if (!undo) return;
    try {
      const d = await api.watchlists.restore({ id: undo.id });
      setUndo(null);
      await reloadLists(d.id);
      setStatus(d.name === undo.name ? `Restored “${d.name}”.` : `Restored as “${d.name}” (the name was taken).`);
    } catch (e) {
      fail(e);
    }
  }

  async function exportList(format: WatchlistExportFormat) {
    if (!detail) return;
    setExportOpen(false);
    try {
      const file = await api.watchlists.export({ id: detail.id, format });
      saveTextFile(file.fileName, file.mimeType, file.content);
      setStatus([`Exported “${detail.name}” as ${file.fileName}.`, ...file.warnings].join(' '));
    } catch (e) {
      fail(e);
    }
  }

  function removeEntry(row: WatchlistRow) {
    void change(() => api.watchlists.removeItem({ itemId: row.id }));
  }

  const uncached = detail?.entries.filter((e) => e.kind === 'item' && !e.cached).map((e) => e.symbol!) ?? [];

  return (
    <section className="watchlists" aria-labelledby="watchlists-heading" data-testid="watchlists-panel">
      <div className="wl-header">
        <h2 id="watchlists-heading">Watchlists</h2>
        <button
          type="button"
          className="wl-icon"
          title="New empty list"
          aria-label="New watchlist"
          onClick={() => setCreating('')}
        >
          +
        </button>
        <button
          type="button"
          className="button wl-small"
          onClick={() => fileInput.current?.click()}
          title="Import a TradingView, CSV, text or Catalyst JSON file (or drop it on the window)"
        >
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".txt,.csv,.tsv,.json,text/plain,text/csv,application/json"
          aria-label="Watchlist file to import"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) openFiles(files);
          }}
        />
      </div>

      {creating !== null && (
        <form
          className="wl-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void createList();
          }}
        >
          <input
            className="wl-inline-input"
            aria-label="New list name"
            placeholder="List name"
            value={creating}
            autoFocus
            maxLength={100}
            onChange={(e) => setCreating(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setCreating(null)}
          />
          <button type="submit" className="button wl-small" disabled={!creating.trim()}>
            Create
          </button>
        </form>
      )}

      {lists.length === 0 && creating === null ? (
        <p className="empty">
          No watchlists yet. Import a TradingView export, a CSV or a text list — or drop the file on the window.
        </p>
      ) : (
        detail && (
          <>
            <div className="wl-list-bar">
              {renaming !== null ? (
                <form
                  className="wl-inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const name = renaming;
                    setRenaming(null);
                    void change(() => api.watchlists.rename({ id: detail.id, name }));
                  }}
                >
                  <input
                    className="wl-inline-input"
                    aria-label="List name"
                    value={renaming}
                    autoFocus
                    maxLength={100}
                    onChange={(e) => setRenaming(e.target.value)}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                  />
                </form>
              ) : (
                <select
                  aria-label="Watchlist"
                  className="wl-select"
                  value={detail.id}
                  onChange={(e) => setOpenId(Number(e.target.value))}
                >
                  {lists.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name} ({l.itemCount})
                    </option>
                  ))}
                </select>
              )}
              <button
                type="button"
                className="wl-icon"
                aria-label="Rename the list"
                title="Rename"
                onClick={() => setRenaming(detail.name)}
              >
                ✎
              </button>
              <span className="wl-menu" ref={exportMenu}>
                <button
                  type="button"
                  className="wl-icon"
                  aria-label="Export the list"
                  aria-haspopup="menu"
                  aria-expanded={exportOpen}
                  title="Export"
                  onClick={() => setExportOpen((v) => !v)}
                >
                  ⤓
                </button>
                {exportOpen && (
                  <span className="wl-menu-items" role="menu" {...exportMenuKeys}>
                    {EXPORTS.map((x) => (
                      <button key={x.format} type="button" role="menuitem" onClick={() => void exportList(x.format)}>
                        Export {x.label}
                      </button>
                    ))}
                  </span>
                )}
              </span>
              <button
                type="button"
                className="wl-icon"
                aria-label="Delete the list"
                title="Delete (can be undone)"
                onClick={() => void deleteList()}
              >
                <svg viewBox="0 0 12 12" aria-hidden="true">
                  <path d="M1.5 3h9M4.5 3V1.5h3V3M2.5 3l.6 7.5h5.8L9.5 3M5 5v4M7 5v4" />
                </svg>
              </button>
            </div>

            {uncached.length > 0 && (
              <p className="wl-banner">
                {uncached.length} symbol(s) without cached prices.{' '}
                <button type="button" className="wl-link" onClick={() => void updatePrices(uncached)}>
                  Update prices
                </button>
              </p>
            )}

            <WatchlistEntries
              list={detail}
              selected={selected}
              onSelect={(symbol, add) => (add ? addToComparison(symbol) : select(symbol))}
              onReorder={(order) => void change(() => api.watchlists.reorder({ id: detail.id, order }))}
              onSetNote={(itemId, note) => void change(() => api.watchlists.setNote({ itemId, note }))}
              onRemove={removeEntry}
              onRenameSection={(itemId, label) => void change(() => api.watchlists.renameSection({ itemId, label }))}
            />

            <form
              className="wl-inline-form wl-add"
              onSubmit={(e) => {
                e.preventDefault();
                const symbol = newSymbol;
                void change(async () => {
                  const d = await api.watchlists.addItem({ id: detail.id, symbol });
                  setNewSymbol('');
                  return d;
                });
              }}
            >
              <input
                className="wl-inline-input"
                aria-label="Symbol to add"
                placeholder="Add symbol (9988.HK, HKEX:700)"
                value={newSymbol}
                maxLength={64}
                onChange={(e) => setNewSymbol(e.target.value)}
              />
              <button type="submit" className="button wl-small" disabled={!newSymbol.trim()}>
                Add
              </button>
            </form>
            {newSection === null ? (
              <button type="button" className="wl-link wl-add-section" onClick={() => setNewSection('')}>
                + Section
              </button>
            ) : (
              <form
                className="wl-inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const label = newSection;
                  setNewSection(null);
                  void change(() => api.watchlists.addSection({ id: detail.id, label }));
                }}
              >
                <input
                  className="wl-inline-input"
                  aria-label="Section name"
                  placeholder="Section name"
                  value={newSection}
                  autoFocus
                  maxLength={100}
                  onChange={(e) => setNewSection(e.target.value)}
                  onKeyDown={(e) => e.key === 'Escape' && setNewSection(null)}
                />
                <button type="submit" className="button wl-small" disabled={!newSection.trim()}>
                  Add
                </button>
              </form>
            )}
          </>
        )
      )}

      {error && (
        <p className="wl-error-text wl-error" role="alert">
          {error}{' '}
          <button type="button" className="wl-link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}

      {dragging && (
        <div className="wl-drop-overlay" data-testid="watchlist-drop-overlay">
          <p>Drop to import a watchlist</p>
        </div>
      )}

      {pendingFile && (
        <ImportDialog
          file={pendingFile}
          lists={lists}
          currentListId={detail?.id ?? null}
          onCancel={() => setPendingFile(null)}
          onImported={(result, updateNow) => {
            void onImported(result, updateNow);
          }}
        />
      )}

      {undo && (
        <div className="wl-toast" role="status" data-testid="watchlist-undo-toast">
          Deleted “{undo.name}”.{' '}
          <button type="button" className="wl-link" onClick={() => void restoreList()}>
            Undo
          </button>
        </div>
      )}
    </section>
  );
}
