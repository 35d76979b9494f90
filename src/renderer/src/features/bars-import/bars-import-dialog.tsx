import { useEffect, useState } from 'react';
import { parseTicker, type Ticker } from '../../../../shared/brand';
import {
  BAR_FIELDS,
  type BarField,
  type BarsImportPreview,
  type DateOrder,
  type DifferingBar,
  type DifferingRows,
  type ImportBarsResult,
} from '../../../../shared/domain/bars-import';
import { api } from '../../api/client';
import { ModalDialog, ModalFooter } from '../../ui/modal-dialog';
import { describeError } from '../../api/errors';
import './bars-import.css';

/** A bars CSV as it travels to the main process: its name and its bytes, unchanged. */
export interface BarsFileInput {
  readonly fileName: string;
  readonly bytesBase64: string;
}

export interface BarsImportDialogProps {
  readonly file: BarsFileInput;
  readonly onCancel: () => void;
  /** After a confirmed import (the main process wrote everything in one transaction). */
  readonly onImported: (result: ImportBarsResult) => void;
}

const FIELD_LABELS: Record<BarField, string> = {
  date: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adjClose: 'adjusted close',
  volume: 'volume',
};

const ORDER_LABELS: Record<DateOrder, string> = { ymd: 'YYYY-MM-DD', mdy: 'MM/DD/YYYY', dmy: 'DD/MM/YYYY' };

/** A symbol guessed from the file name (`^HSI.csv`, `BABA-daily.csv`), or empty. */
export function symbolFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').split(/[\s_]/)[0] ?? '';
  const t = parseTicker(stem.toUpperCase());
  return t ?? '';
}

const fmt = (v: number | null) => (v === null ? '–' : String(v));

const COMPARED = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;

/** "volume 2100000 cached, 845200000 in the file; open …": only the values that differ. */
export function describeDifference(d: DifferingBar): string {
  return COMPARED.filter((k) => d.cached[k] !== d.file[k])
    .map((k) => `${FIELD_LABELS[k]} ${fmt(d.cached[k])} cached, ${fmt(d.file[k])} in the file`)
    .join('; ');
}

/**
 * The preview of a dropped or opened daily-bars CSV: detected format, the column mapping
 * (changeable), date range, rows to add, rows that differ from the cache (keep cached or
 * replace; keep by default), skipped rows with reasons and every problem. Nothing is written
 * before "Import"; then the main process writes all of it in one transaction.
 */
export function BarsImportDialog({ file, onCancel, onImported }: BarsImportDialogProps) {
  const [symbol, setSymbol] = useState(() => symbolFromFileName(file.fileName));
  const [mapping, setMapping] = useState<Partial<Record<BarField, string | null>>>({});
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(null);
  const [differing, setDiffering] = useState<DifferingRows>('keep');
  const [preview, setPreview] = useState<BarsImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ticker: Ticker | null = parseTicker(symbol.trim().toUpperCase());

  useEffect(() => {
    if (!ticker) return;
    let live = true;
    const q = {
      symbol: ticker,
      file,
      ...(Object.keys(mapping).length ? { mapping } : {}),
      ...(dateOrder ? { dateOrder } : {}),
    };
    api.barsImport.preview(q).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
      },
      (e: unknown) => {
        if (!live) return;
        setPreview(null);
        setError(describeError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [ticker, file, mapping, dateOrder]);

  function mapColumn(column: string, field: BarField | '') {
    setMapping((m) => {
      const next: Partial<Record<BarField, string | null>> = { ...m };
      // The field this column fed until now loses it; the chosen field takes the column.
      const was = preview?.columns.find((c) => c.name === column)?.field ?? null;
      if (was) next[was] = null;
      if (field) next[field] = column;
      return next;
    });
  }

  async function confirm() {
    if (!preview || !ticker) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.barsImport.import({
        symbol: ticker,
        file,
        differing,
        ...(Object.keys(mapping).length ? { mapping } : {}),
        ...(dateOrder ? { dateOrder } : {}),
      });
      onImported(result);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const problems = preview?.problems ?? [];
  const writes = preview ? preview.toAdd + (differing === 'replace' ? preview.differingCount : 0) : 0;
  const numericDates = preview?.dateOrder !== 'ymd' || dateOrder !== null;

  return (
    <ModalDialog
      title={`Import daily prices — ${file.fileName}`}
      onClose={onCancel}
      busy={busy}
      backdropCloses={false}
      className="bars-import"
      testId="bars-import-dialog"
    >
      <label className="bars-import-symbol">
        Symbol{' '}
        <input
          aria-label="Symbol"
          value={symbol}
          autoFocus
          onChange={(e) => setSymbol(e.target.value)}
          placeholder="e.g. ^HSI, 9988.HK, BABA"
        />
        {!ticker && symbol.trim() !== '' && <span className="modal-error"> not a symbol</span>}
      </label>
      {!ticker ? (
        <p className="empty">Enter the symbol these prices belong to.</p>
      ) : !preview ? (
        error ? null : (
          <p className="empty">Reading the file…</p>
        )
      ) : (
        <>
          <p className="wl-import-summary" data-testid="bars-import-summary">
            {preview.formatLabel}: {preview.rows} session{preview.rows === 1 ? '' : 's'}
            {preview.from ? ` ${preview.from} → ${preview.to}` : ''} — {preview.toAdd} to add, {preview.unchanged}{' '}
            already cached, {preview.differingCount} differ from the cache
            {preview.skipped.length ? `, ${preview.skipped.length} skipped` : ''}.
            {preview.instrumentExists ? '' : ` ${preview.symbol} is new to the cache.`}
          </p>
          <div className="bars-import-mapping" data-testid="bars-import-mapping">
            <table className="wl-preview-table" aria-label="Column mapping">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Used as</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => (
                  <tr key={c.name} data-column={c.name}>
                    <td>{c.name}</td>
                    <td>
                      <select
                        aria-label={`Use column ${c.name} as`}
                        value={c.field ?? ''}
                        onChange={(e) => mapColumn(c.name, e.target.value as BarField | '')}
                      >
                        <option value="">ignored</option>
                        {BAR_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {numericDates && (
            <label>
              Dates are{' '}
              <select
                aria-label="Date format"
                value={dateOrder ?? ''}
                onChange={(e) => setDateOrder((e.target.value || null) as DateOrder | null)}
              >
                <option value="">
                  detected{preview.dateOrder ? ` (${ORDER_LABELS[preview.dateOrder]})` : ': ambiguous'}
                </option>
                <option value="mdy">{ORDER_LABELS.mdy}</option>
                <option value="dmy">{ORDER_LABELS.dmy}</option>
              </select>
            </label>
          )}
          {preview.differingCount > 0 && (
            <fieldset className="wl-import-options" data-testid="bars-import-differing">
              <legend>
                {preview.differingCount} session{preview.differingCount === 1 ? '' : 's'} differ from the cached values
              </legend>
              <label>
                <input
                  type="radio"
                  name="bars-differing"
                  checked={differing === 'keep'}
                  onChange={() => setDiffering('keep')}
                />{' '}
                Keep the cached values
              </label>
              <label>
                <input
                  type="radio"
                  name="bars-differing"
                  checked={differing === 'replace'}
                  onChange={() => setDiffering('replace')}
                />{' '}
                Replace them with the file's
              </label>
              <ul className="bars-import-list">
                {preview.differing.slice(0, 5).map((d) => (
                  <li key={d.date}>
                    {d.date}: {describeDifference(d)}
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          {preview.skipped.length > 0 && (
            <details className="bars-import-skipped">
              <summary>
                {preview.skipped.length} row{preview.skipped.length === 1 ? '' : 's'} skipped
              </summary>
              <ul className="bars-import-list">
                {preview.skipped.map((s) => (
                  <li key={s.line}>
                    line {s.line}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {problems.length > 0 && (
            <div className="modal-error" role="alert" data-testid="bars-import-problems">
              <p>The file cannot be imported as it is; nothing will be written:</p>
              <ul className="bars-import-list">
                {problems.slice(0, 50).map((p, i) => (
                  <li key={i}>{p.line > 0 ? `line ${p.line}: ${p.reason}` : p.reason}</li>
                ))}
                {problems.length > 50 && <li>… and {problems.length - 50} more</li>}
              </ul>
            </div>
          )}
        </>
      )}
      <ModalFooter
        error={error}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
        disabled={!preview || problems.length > 0 || writes === 0}
        confirmLabel={
          !preview || problems.length > 0 || writes === 0
            ? 'Nothing to import'
            : `Import ${writes} session${writes === 1 ? '' : 's'}`
        }
      />
    </ModalDialog>
  );
}
