import { useEffect, useRef, useState } from 'react';
import type { Ticker } from '../../../../shared/brand';
import { CatalystError } from '../../../../shared/contract/errors';
import type {
  ImportPreview,
  ImportResult,
  PreviewLine,
  WatchlistFileInput,
  WatchlistSummary,
} from '../../../../shared/contract/watchlists';
import { api } from '../../api/client';
import { ModalDialog, ModalFooter, ModalRefusal } from '../../ui/modal-dialog';
import { describeError } from '../../api/errors';

export interface ImportDialogProps {
  readonly file: WatchlistFileInput;
  readonly lists: readonly WatchlistSummary[];
  /** Preselects "merge into" this list (the one open in the panel). */
  readonly currentListId: number | null;
  readonly onCancel: () => void;
  /** After a confirmed import; `updatePrices` when the user asked to fetch the uncached symbols now. */
  readonly onImported: (result: ImportResult, updatePrices: boolean) => void;
}

const FORMAT_NAMES: Record<ImportPreview['format'], string> = {
  tradingview: 'TradingView list',
  csv: 'CSV',
  plain: 'plain text',
  json: 'Catalyst JSON',
};

function statusText(l: PreviewLine): string {
  if (l.status === 'error') return l.error ?? 'error';
  if (l.status === 'duplicate')
    return l.duplicateOf !== null
      ? `duplicate of line ${l.duplicateOf}${l.duplicateOfEntry !== null ? `, entry ${l.duplicateOfEntry}` : ''}`
      : 'already in the list';
  return l.kind === 'section' ? 'section' : 'ok';
}

/**
 * The import preview: every line of the file with its mapped symbol, section, status and cache
 * state; the list name, new list or merge; confirm or cancel. Nothing is written before
 * "Import"; then the main process writes every valid line in one transaction.
 */
export function ImportDialog({ file, lists, currentListId, onCancel, onImported }: ImportDialogProps) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [mode, setMode] = useState<'new' | 'merge'>('new');
  const [targetId, setTargetId] = useState<number | null>(currentListId ?? lists[0]?.id ?? null);
  const [updateNow, setUpdateNow] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const mergeTarget = mode === 'merge' ? targetId : null;

  // Previews again when the merge target changes: duplicates depend on it.
  useEffect(() => {
    let live = true;
    api.watchlists.preview({ file, ...(mergeTarget !== null ? { targetId: mergeTarget } : {}) }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setName((n) => n ?? p.defaultName);
      },
      (e: unknown) => live && setFileError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [file, mergeTarget]);

  const toImport = preview?.counts.ok ?? 0;
  const uncached = new Set(
    preview?.lines.filter((l) => l.kind === 'item' && l.status === 'ok' && !l.cached).map((l) => l.symbol as Ticker) ??
      [],
  );

  async function confirm() {
    if (!preview || name === null) return;
    setBusy(true);
    setError(null);
    try {
      const result =
        mode === 'merge' && targetId !== null
          ? await api.watchlists.import({ mode: 'merge', file, targetId })
          : await api.watchlists.import({ mode: 'new', file, name });
      onImported(result, updateNow && result.uncached.length > 0);
    } catch (e) {
      setError(describeError(e));
      if (e instanceof CatalystError && e.code === 'conflict') nameInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog
      title={`Import watchlist — ${file.fileName}`}
      onClose={onCancel}
      busy={busy}
      backdropCloses={false}
      className="wl-import"
      testId="watchlist-import-dialog"
    >
      {fileError ? (
        <ModalRefusal message={fileError} onClose={onCancel} />
      ) : !preview ? (
        <p className="empty">Reading the file…</p>
      ) : (
        <>
          <p className="wl-import-summary" data-testid="import-summary">
            {FORMAT_NAMES[preview.format]}
            {preview.encoding && preview.encoding !== 'utf-8' ? ` (${preview.encoding.toUpperCase()})` : ''}:{' '}
            {preview.counts.ok} to import
            {preview.counts.sections ? `, ${preview.counts.sections} section(s)` : ''}
            {preview.counts.duplicate ? `, ${preview.counts.duplicate} duplicate(s)` : ''}
            {preview.counts.error ? `, ${preview.counts.error} error(s) — those lines are skipped` : ''}.
          </p>
          {preview.notices.length || preview.ignoredColumns.length ? (
            <ul className="wl-import-notices" data-testid="import-notices">
              {preview.ignoredColumns.length ? (
                <li>Not kept (a watchlist holds symbols and notes): {preview.ignoredColumns.join(', ')}</li>
              ) : null}
              {preview.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <div className="wl-preview-scroll">
            <table className="wl-preview-table" aria-label="Lines of the file">
              <thead>
                <tr>
                  <th scope="col">{preview.lines.some((l) => l.entry !== null) ? 'Line:entry' : 'Line'}</th>
                  <th scope="col">Input</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">Section</th>
                  <th scope="col">Status</th>
                  <th scope="col">Cached</th>
                </tr>
              </thead>
              <tbody>
                {preview.lines.map((l, i) => (
                  <tr key={i} className={`status-${l.status} kind-${l.kind}`} data-status={l.status}>
                    <td className="num" title={l.entry !== null ? `line ${l.line}, entry ${l.entry}` : undefined}>
                      {l.entry !== null ? `${l.line}:${l.entry}` : l.line}
                    </td>
                    <td className="input" title={l.input}>
                      {l.input}
                    </td>
                    <td>{l.kind === 'section' ? '' : (l.symbol ?? '–')}</td>
                    <td>{l.section ?? ''}</td>
                    <td className="status">{statusText(l)}</td>
                    <td>{l.kind === 'item' && l.symbol ? (l.cached ? 'yes' : 'no') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="wl-import-options">
            <legend className="wl-visually-hidden">Where to import</legend>
            <label>
              <input
                type="radio"
                name="import-mode"
                aria-label="New list"
                checked={mode === 'new'}
                onChange={() => setMode('new')}
              />{' '}
              New list named{' '}
              <input
                ref={nameInput}
                type="text"
                aria-label="List name"
                value={name ?? ''}
                maxLength={100}
                disabled={mode !== 'new'}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <label>
              <input
                type="radio"
                name="import-mode"
                aria-label="Merge into an existing list"
                checked={mode === 'merge'}
                disabled={lists.length === 0}
                onChange={() => setMode('merge')}
              />{' '}
              Merge into{' '}
              <select
                aria-label="List to merge into"
                value={targetId ?? ''}
                disabled={mode !== 'merge'}
                onChange={(e) => setTargetId(Number(e.target.value))}
              >
                {lists.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            {uncached.size > 0 && (
              <label>
                <input type="checkbox" checked={updateNow} onChange={(e) => setUpdateNow(e.target.checked)} /> Update
                prices of the {uncached.size} symbol(s) not cached yet right after importing
              </label>
            )}
          </fieldset>
          <ModalFooter
            error={error}
            busy={busy}
            onCancel={onCancel}
            onConfirm={() => void confirm()}
            disabled={
              toImport === 0 || (mode === 'new' && !(name ?? '').trim()) || (mode === 'merge' && targetId === null)
            }
            confirmLabel={
              toImport === 0 ? 'Nothing to import' : `Import ${toImport} symbol${toImport === 1 ? '' : 's'}`
            }
          />
        </>
      )}
    </ModalDialog>
  );
}
