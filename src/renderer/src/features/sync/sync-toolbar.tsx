import { useEffect, useRef, useState } from 'react';
import type { Ticker } from '../../../../shared/brand';
import type { WatchlistSummary } from '../../../../shared/contract/watchlists';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { syncStore, useSyncView } from './sync-store';
import { useMenuKeys } from '../../ui/menu-keys';
import './sync.css';

/**
 * The toolbar's price-update control: "Update prices" for the selected symbol, a watchlist or
 * every cached symbol; while a run goes, its progress bar (counts, current symbol) and Cancel;
 * an Offline badge after a run that reached no provider. The menu commands (Data ▸ Update
 * Prices, Cancel Update) live in `useSyncCommands`, so they work with the toolbar hidden.
 */
export function SyncToolbar({
  startUpdate,
}: {
  /** Starts a run and reports it (`useSyncCommands`, mounted by the layout). */
  startUpdate(symbols?: readonly Ticker[]): Promise<void>;
}) {
  const view = useSyncView();
  const { selected, instruments, setStatus } = useAppState();
  const [menuOpen, setMenuOpen] = useState(false);
  const [lists, setLists] = useState<readonly WatchlistSummary[]>([]);
  const menu = useRef<HTMLDivElement>(null);
  const menuKeys = useMenuKeys(menuOpen, () => setMenuOpen(false), menu);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (e: MouseEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menuOpen]);

  async function openMenu() {
    setMenuOpen((v) => !v);
    try {
      setLists(await api.watchlists.list());
    } catch {
      setLists([]);
    }
  }

  async function update(symbols: () => Promise<readonly Ticker[] | undefined>) {
    setMenuOpen(false);
    try {
      await startUpdate(await symbols());
    } catch (e) {
      setStatus(describeError(e));
    }
  }

  const watchlistSymbols = async (id: number) => {
    const d = await api.watchlists.get({ id });
    return d.entries.flatMap((e) => (e.kind === 'item' && e.symbol ? [e.symbol] : []));
  };

  const r = view.running;
  return (
    <div className="sync-toolbar" data-testid="sync-toolbar">
      {view.offline && (
        <span
          className="sync-badge offline"
          data-testid="offline-badge"
          title="No price provider could be reached; the app works from the cache."
        >
          Offline
        </span>
      )}
      {r ? (
        <div className="sync-progress" role="group" aria-label="Price update">
          <progress max={Math.max(1, r.total)} value={r.done} aria-label="Price update progress" />
          <span className="sync-count" data-testid="sync-count">
            {r.done}/{r.total}
          </span>
          <span className="sync-current" data-testid="sync-current">
            {r.current.join(', ')}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => void syncStore.cancel().catch((e: unknown) => setStatus(describeError(e)))}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="sync-menu" ref={menu}>
          <button
            type="button"
            className="button"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => void openMenu()}
          >
            Update prices ▾
          </button>
          {menuOpen && (
            <div role="menu" className="sync-menu-list" aria-label="Update prices of" {...menuKeys}>
              <button
                type="button"
                role="menuitem"
                disabled={!selected}
                onClick={() => void update(async () => (selected ? [selected] : []))}
              >
                Selected symbol{selected ? ` (${selected})` : ''}
              </button>
              {lists.map((l) => (
                <button
                  key={l.id}
                  type="button"
                  role="menuitem"
                  disabled={l.itemCount === 0}
                  onClick={() => void update(() => watchlistSymbols(l.id))}
                >
                  Watchlist “{l.name}” ({l.itemCount})
                </button>
              ))}
              <button
                type="button"
                role="menuitem"
                disabled={instruments.length === 0}
                onClick={() => void update(async () => undefined)}
              >
                All cached symbols ({instruments.length})
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
