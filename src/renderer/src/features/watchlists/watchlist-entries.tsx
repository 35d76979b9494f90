import { useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Ticker } from '../../../../shared/brand';
import type { WatchlistDetail, WatchlistRow } from '../../../../shared/contract/watchlists';
import { formatPercent, formatPrice, signClass } from '../../ui/format';
import { useRovingTabStop } from '../../ui/list-keys';
import { ModalDialog } from '../../ui/modal-dialog';

/** The drag type of a list entry being reordered (a file drag carries "Files" instead). */
const ENTRY_DRAG_TYPE = 'application/x-catalyst-watchlist-entry';

export interface WatchlistEntriesProps {
  readonly list: WatchlistDetail;
  readonly selected: Ticker | null;
  /** A click on an entry; `add` when Ctrl/Cmd/Shift was held (add it to the comparison). */
  readonly onSelect: (symbol: Ticker, add: boolean) => void;
  /** The full new order of entry ids. */
  readonly onReorder: (order: number[]) => void;
  readonly onSetNote: (itemId: number, note: string | null) => void;
  readonly onRemove: (row: WatchlistRow) => void;
  readonly onRenameSection: (itemId: number, label: string) => void;
}

function moved(ids: readonly number[], id: number, to: number): number[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(rest.length, to)), 0, id);
  return rest;
}

/**
 * A list's entries in order: section headers and items with their last close and change, as a
 * listbox with one Tab stop (↑/↓, Home, End move). Click or Enter charts an item; drag entries
 * (or Alt+↑/↓) to reorder; F2 edits an item's note or a section's name (each in a dialog);
 * Delete removes the entry. The row's ✎ and × buttons do the same for the mouse.
 */
export function WatchlistEntries({
  list,
  selected,
  onSelect,
  onReorder,
  onSetNote,
  onRemove,
  onRenameSection,
}: WatchlistEntriesProps) {
  const ids = list.entries.map((e) => e.id);
  const dragging = useRef<number | null>(null);
  const [dropAt, setDropAt] = useState<{ id: number; after: boolean } | null>(null);
  const [editingNote, setEditingNote] = useState<number | null>(null);
  const [noteDraft, setNoteDraft] = useState('');
  const [editingSection, setEditingSection] = useState<number | null>(null);
  const [sectionDraft, setSectionDraft] = useState('');
  // One Tab stop for the entries: ↑/↓ move between them (the row buttons are for the mouse).
  const roving = useRovingTabStop<HTMLUListElement>({
    rows: ':scope > li',
    target: '.wl-section-label, .wl-item-main',
    current: '.selected',
  });

  if (list.entries.length === 0)
    return <p className="empty">This list is empty: add a symbol below, or import a file into it.</p>;

  const isEntryDrag = (e: DragEvent) => Array.from(e.dataTransfer.types).includes(ENTRY_DRAG_TYPE);

  function onDragOver(e: DragEvent<HTMLLIElement>, row: WatchlistRow) {
    if (!isEntryDrag(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    if (dropAt?.id !== row.id || dropAt.after !== after) setDropAt({ id: row.id, after });
  }

  function onDrop(e: DragEvent<HTMLLIElement>, row: WatchlistRow) {
    if (!isEntryDrag(e)) return;
    e.preventDefault();
    const id = dragging.current;
    const target = dropAt;
    dragging.current = null;
    setDropAt(null);
    if (id === null || !target || id === row.id) return;
    const rest = ids.filter((x) => x !== id);
    const index = rest.indexOf(target.id) + (target.after ? 1 : 0);
    const order = moved(ids, id, index);
    if (order.some((x, i) => x !== ids[i])) onReorder(order);
  }

  function editSection(row: WatchlistRow) {
    setSectionDraft(row.label ?? '');
    setEditingSection(row.id);
  }

  function editNote(row: WatchlistRow) {
    setNoteDraft(row.note ?? '');
    setEditingNote(row.id);
  }

  function onKeyDown(e: KeyboardEvent, row: WatchlistRow) {
    if (!e.altKey && !e.ctrlKey && !e.metaKey && e.key === 'Delete') {
      e.preventDefault();
      onRemove(row);
      return;
    }
    if (row.kind === 'item' && e.key === 'F2') {
      e.preventDefault();
      editNote(row);
      return;
    }
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const at = ids.indexOf(row.id);
    const to = e.key === 'ArrowUp' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return;
    onReorder(moved(ids, row.id, to));
  }

  function saveNote(row: WatchlistRow) {
    setEditingNote(null);
    const next = noteDraft.trim() === '' ? null : noteDraft;
    if (next !== row.note) onSetNote(row.id, next);
  }

  function saveSection(row: WatchlistRow) {
    setEditingSection(null);
    if (sectionDraft.trim() && sectionDraft.trim() !== row.label) onRenameSection(row.id, sectionDraft);
  }

  const noteRow = list.entries.find((r) => r.id === editingNote) ?? null;
  const sectionRow = list.entries.find((r) => r.id === editingSection) ?? null;
  return (
    <>
      <ul
        className="watchlist-entries"
        role="listbox"
        aria-label={`Entries of ${list.name}`}
        onDragEnd={() => setDropAt(null)}
        {...roving}
      >
        {list.entries.map((row) => {
          const drop = dropAt?.id === row.id ? (dropAt.after ? ' drop-after' : ' drop-before') : '';
          const common = {
            draggable: true,
            'data-entry-id': row.id,
            onDragStart: (e: DragEvent<HTMLLIElement>) => {
              dragging.current = row.id;
              e.dataTransfer.setData(ENTRY_DRAG_TYPE, String(row.id));
              e.dataTransfer.effectAllowed = 'move';
            },
            onDragOver: (e: DragEvent<HTMLLIElement>) => onDragOver(e, row),
            onDrop: (e: DragEvent<HTMLLIElement>) => onDrop(e, row),
          };
          if (row.kind === 'section') {
            return (
              <li key={row.id} className={`wl-section${drop}`} role="none" {...common}>
                <span
                  className="wl-section-label"
                  role="option"
                  aria-selected={false}
                  aria-label={`Section ${row.label ?? ''}`}
                  aria-keyshortcuts="F2 Delete Alt+ArrowUp Alt+ArrowDown"
                  tabIndex={0}
                  title="Double-click or F2 to rename; drag or Alt+↑/↓ to move; Delete removes the section"
                  onDoubleClick={() => editSection(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'F2' || e.key === 'Enter') {
                      e.preventDefault();
                      editSection(row);
                    }
                    onKeyDown(e, row);
                  }}
                >
                  {row.label}
                </span>
                <RowButton
                  label={`Remove section ${row.label}`}
                  title="Remove the section, its symbols stay (Delete)"
                  onClick={() => onRemove(row)}
                >
                  ×
                </RowButton>
              </li>
            );
          }
          const isSelected = row.symbol === selected;
          return (
            <li
              key={row.id}
              className={`wl-item${isSelected ? ' selected' : ''}${drop}`}
              data-symbol={row.symbol ?? ''}
              role="none"
              {...common}
            >
              <button
                type="button"
                className="wl-item-main"
                role="option"
                aria-selected={isSelected}
                aria-keyshortcuts="F2 Delete Alt+ArrowUp Alt+ArrowDown"
                title={[
                  row.note,
                  row.cached ? null : 'No cached prices yet',
                  'F2: note; Delete: remove; drag or Alt+↑/↓ to move',
                ]
                  .filter(Boolean)
                  .join('\n')}
                onClick={(e) => row.symbol && onSelect(row.symbol, e.ctrlKey || e.metaKey || e.shiftKey)}
                onKeyDown={(e) => onKeyDown(e, row)}
              >
                <span className="symbol">{row.symbol}</span>
                <span className="last">{row.cached ? formatPrice(row.lastClose) : 'not cached'}</span>
                <span className={`change ${signClass(row.lastChange)}`}>
                  {row.cached ? formatPercent(row.lastChange) : ''}
                </span>
                {row.note && editingNote !== row.id && <span className="wl-note">{row.note}</span>}
              </button>
              <span className="wl-row-actions">
                <RowButton
                  label={`Note for ${row.symbol}`}
                  title={row.note ? 'Edit the note (F2)' : 'Add a note (F2)'}
                  onClick={() => editNote(row)}
                >
                  ✎
                </RowButton>
                <RowButton
                  label={`Remove ${row.symbol}`}
                  title="Remove from the list (Delete)"
                  onClick={() => onRemove(row)}
                >
                  ×
                </RowButton>
              </span>
            </li>
          );
        })}
      </ul>
      {noteRow && (
        <ModalDialog
          title={`Note for ${noteRow.symbol ?? ''}`}
          onClose={() => setEditingNote(null)}
          testId="watchlist-note-dialog"
        >
          <textarea
            className="wl-note-input"
            aria-label={`Note for ${noteRow.symbol ?? ''}`}
            value={noteDraft}
            autoFocus
            rows={3}
            maxLength={2000}
            onChange={(e) => setNoteDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveNote(noteRow);
            }}
          />
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setEditingNote(null)}>
              Cancel
            </button>
            <button type="button" className="button primary" onClick={() => saveNote(noteRow)}>
              Save note
            </button>
          </div>
        </ModalDialog>
      )}
      {sectionRow && (
        // A dialog, like the note's: an input cannot live inside the listbox, and closing it gives
        // focus back to the section.
        <ModalDialog
          title={`Rename section ${sectionRow.label ?? ''}`}
          onClose={() => setEditingSection(null)}
          testId="watchlist-section-dialog"
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              saveSection(sectionRow);
            }}
          >
            <input
              className="wl-section-input"
              aria-label="Section name"
              value={sectionDraft}
              autoFocus
              required
              maxLength={100}
              onChange={(e) => setSectionDraft(e.target.value)}
            />
            <div className="modal-actions">
              <button type="button" className="button" onClick={() => setEditingSection(null)}>
                Cancel
              </button>
              <button type="submit" className="button primary" disabled={!sectionDraft.trim()}>
                Rename
              </button>
            </div>
          </form>
        </ModalDialog>
      )}
    </>
  );
}

/**
 * A row's button for the mouse (shown on hover): out of the tab order and hidden from assistive
 * technology, since the entry itself answers the same keys (F2, Delete) inside the listbox.
 */
function RowButton({
  label,
  title,
  onClick,
  children,
}: {
  label: string;
  title: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="wl-icon"
      aria-label={label}
      aria-hidden="true"
      tabIndex={-1}
      title={title}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
