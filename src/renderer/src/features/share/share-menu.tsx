import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CsvExportInput } from '../../../../shared/contract/export';
import { EMBEDDED_STUDY_ID } from '../../../../shared/contract/study';
import { CatalystError } from '../../../../shared/contract/errors';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { useStudy } from '../study/study-state';
import { saveTextFile } from '../watchlists/file-transfer';
import { NewStudyDialog } from './new-study-dialog';
import { makeReportPdf, saveBlob, type ReportStep } from './report-pdf';
import { canvasPng } from './chart-image';
import { useChartPicture, type PictureOptions } from './use-chart-picture';
import { useCommand } from '../../app/commands-context';
import { useChart } from '../chart/chart-context';
import { useFileKind } from '../../app/file-open';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/base64';
import { fileTooLargeMessage, maxFileBytes } from '../../../../shared/file-kind';
import type { PageSize } from '../../../../shared/contract/export';
import type { ReportImage } from '../../../../shared/domain/report/study-report';
import { StudyImportDialog } from './study-import-dialog';
import { useMenuKeys } from '../../ui/menu-keys';
import { ModalDialog } from '../../ui/modal-dialog';
import { useSettings } from '../../app/settings-context';
import './share.css';

/** Study files are JSON; anything larger than this is refused before it is read. */

type Dialog = { readonly kind: 'import'; readonly fileName: string; readonly text: string } | { readonly kind: 'new' };

const STEP_TEXT: Record<ReportStep, string> = {
  reading: 'Reading the study and evaluating its claims…',
  measuring: 'Running the event study and the claims’ sensitivity…',
  charts: 'Drawing the chart…',
  printing: 'Printing the pages…',
  saving: 'Saving…',
};

const STEPS = Object.keys(STEP_TEXT) as ReportStep[];

/**
 * The toolbar's "Share" menu: export the open study as a `.catalyst.json` file, import one
 * (through the preview), start a new study, and save as CSV the events, the claims, the
 * study's event study, the comparison on the chart, or the selected symbol's bars (the visible
 * range or all).
 */
export function ShareMenu() {
  const { selected, selection, setStatus } = useAppState();
  const { controller } = useChart();
  const { study, openStudy, selectedEvent } = useStudy();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [report, setReport] = useState<{ readonly step: ReportStep; readonly abort: AbortController } | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const menuKeys = useMenuKeys(open, () => setOpen(false), menu);
  const picker = useRef<HTMLInputElement>(null);
  const studyId = study?.id ?? EMBEDDED_STUDY_ID;
  const picture = useChartPicture();
  // Settings ▸ Export: the picture's resolution and colours and the report's paper, used by the
  // Save chart button, Ctrl/⌘+Shift+S, Copy and Ctrl/⌘+P (the menu's explicit items override them).
  const { settings } = useSettings();
  const paper = settings.paperSize;
  const pictureDefaults: PictureOptions = { scale: settings.pngScale, forceLight: settings.pngTheme === 'light' };
  const defaultScale = pictureDefaults.scale;
  const defaultLight = pictureDefaults.forceLight;

  const savePng = useCallback(
    async (options: PictureOptions = { scale: defaultScale, forceLight: defaultLight }) => {
      setOpen(false);
      try {
        const p = await picture(options);
        if (!p) {
          setStatus('No chart on screen to save');
          return;
        }
        saveBlob(p.fileName, await canvasPng(p.canvas));
        setStatus(`Saved the chart as ${p.fileName} (${p.canvas.width}×${p.canvas.height})`);
      } catch (e) {
        setStatus(`Chart picture failed: ${describeError(e)}`);
      }
    },
    [picture, setStatus, defaultScale, defaultLight],
  );

  async function copyPng() {
    setOpen(false);
    try {
      const p = await picture(pictureDefaults);
      if (!p) return setStatus('No chart on screen to copy');
      const png = await canvasPng(p.canvas);
      try {
        // The app: main's system clipboard (the window's own clipboard permission is denied).
        await api.export.copyImage({ pngBase64: bytesToBase64(new Uint8Array(await png.arrayBuffer())) });
      } catch (e) {
        // The browser (npm run web): no system clipboard in main; the page's own clipboard.
        if (!(e instanceof CatalystError && e.code === 'unavailable')) throw e;
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      }
      setStatus('Copied the chart picture to the clipboard');
    } catch (e) {
      setStatus(`Copy failed: ${describeError(e)}`);
    }
  }

  const reportImages = async (): Promise<readonly ReportImage[]> => {
    const p = await picture({ scale: 2, forceLight: true });
    return p ? [{ title: p.title, dataUrl: p.canvas.toDataURL('image/png') }] : [];
  };

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  async function run(what: string, fn: () => Promise<string>) {
    setOpen(false);
    try {
      setStatus(await fn());
    } catch (e) {
      setStatus(`${what} failed: ${describeError(e)}`);
    }
  }

  const exportStudy = () =>
    run('Study export', async () => {
      const f = await api.studies.export({ id: studyId });
      saveTextFile(f.fileName, f.mimeType, f.content);
      return `Saved the study as ${f.fileName}`;
    });

  const exportCsv = (input: CsvExportInput) =>
    run('CSV export', async () => {
      const f = await api.export.csv({ ...input, bom: settings.csvBom });
      saveTextFile(f.fileName, f.mimeType, f.content);
      return `Saved ${f.rows} row(s) as ${f.fileName}`;
    });

  async function exportReport(pageSize: PageSize, eventId?: string) {
    setOpen(false);
    const abort = new AbortController();
    setReport({ step: 'reading', abort });
    try {
      const { fileName, pdf } = await makeReportPdf({
        studyId,
        eventId,
        pageSize,
        images: reportImages,
        onStep: (step) => setReport((r) => (r && r.abort === abort ? { ...r, step } : r)),
        signal: abort.signal,
      });
      saveBlob(fileName, pdf);
      setStatus(`Saved the report as ${fileName}`);
    } catch (e) {
      setStatus(abort.signal.aborted ? 'The report was cancelled' : `Report failed: ${describeError(e)}`);
    } finally {
      setReport((r) => (r && r.abort === abort ? null : r));
    }
  }

  // File ▸ Export and File ▸ Import Study (menu, Ctrl/⌘+Shift+S, Ctrl/⌘+P) act here.
  useCommand('export.png', () => void savePng());
  useCommand('export.pdf', () => void exportReport(paper), report === null);
  useCommand('export.csv', () => setOpen(true));
  useCommand('file.importStudy', () => picker.current?.click());

  async function pickFile(files: FileList | null) {
    const file = files?.[0];
    if (picker.current) picker.current.value = '';
    if (!file) return;
    if (file.size > maxFileBytes.study) {
      setStatus(fileTooLargeMessage(file.name, 'study', file.size));
      return;
    }
    setDialog({ kind: 'import', fileName: file.name, text: await file.text() });
  }
  // Study files dropped on the window, opened from the OS or File ▸ Open… (app/file-open).
  useFileKind('study', (f) => {
    if ('error' in f) setStatus(f.error);
    else
      setDialog({ kind: 'import', fileName: f.fileName, text: new TextDecoder().decode(base64ToBytes(f.bytesBase64)) });
  });

  return (
    <div className="share-menu" ref={menu}>
      <button
        type="button"
        className="button"
        title="Save the chart as a PNG picture (File ▸ Export Chart as PNG, Ctrl/⌘+Shift+S)"
        onClick={() => void savePng()}
        data-testid="save-chart-button"
      >
        Save chart
      </button>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        data-testid="share-menu-button"
      >
        Share ▾
      </button>
      {open && (
        <div className="share-popover" role="menu" id={menuId} {...menuKeys}>
          <button type="button" role="menuitem" onClick={() => void exportStudy()}>
            Export study file (.catalyst.json)
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              picker.current?.click();
            }}
          >
            Import study file…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              setDialog({ kind: 'new' });
            }}
          >
            New study…
          </button>
          <hr />
          <button type="button" role="menuitem" onClick={() => void savePng({ scale: 2 })}>
            Chart as PNG (2×)
          </button>
          <button type="button" role="menuitem" onClick={() => void savePng({ scale: 1 })}>
            Chart as PNG (1×)
          </button>
          <button type="button" role="menuitem" onClick={() => void savePng({ scale: 2, forceLight: true })}>
            Chart as PNG for print (light)
          </button>
          <button type="button" role="menuitem" onClick={() => void copyPng()}>
            Copy chart picture
          </button>
          <hr />
          <button type="button" role="menuitem" onClick={() => void exportReport('A4')}>
            Report as PDF (A4)
          </button>
          <button type="button" role="menuitem" onClick={() => void exportReport('Letter')}>
            Report as PDF (Letter)
          </button>
          {selectedEvent && (
            <button type="button" role="menuitem" onClick={() => void exportReport(paper, selectedEvent.id)}>
              Report of “{selectedEvent.title}” as PDF ({paper})
            </button>
          )}
          <hr />
          <button type="button" role="menuitem" onClick={() => void exportCsv({ table: 'events', studyId })}>
            Events as CSV
          </button>
          <button type="button" role="menuitem" onClick={() => void exportCsv({ table: 'claims', studyId })}>
            Claims as CSV
          </button>
          <button type="button" role="menuitem" onClick={() => void exportCsv({ table: 'event-study', studyId })}>
            Event study as CSV
          </button>
          {selection?.kind === 'compare' && (
            <button
              type="button"
              role="menuitem"
              onClick={() =>
                void exportCsv({
                  table: 'compare',
                  symbols: [...selection.symbols],
                  anchor:
                    selection.anchor.kind === 'event'
                      ? { eventId: selection.anchor.eventId }
                      : { date: selection.anchor.date },
                  // In the currency the chart shows ("all in USD"), else each in its own.
                  ...(selection.currency ? { currency: selection.currency } : {}),
                  ...(controller?.visibleDates() ?? {}),
                })
              }
            >
              Comparison as CSV (visible range)
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            disabled={!selected}
            onClick={() =>
              selected && void exportCsv({ table: 'bars', symbol: selected, ...(controller?.visibleDates() ?? {}) })
            }
          >
            {selected ? `${selected} bars of the visible range as CSV` : 'Bars as CSV (select a symbol)'}
          </button>
          <button
            type="button"
            role="menuitem"
            disabled={!selected}
            onClick={() => selected && void exportCsv({ table: 'bars', symbol: selected })}
          >
            {selected ? `All ${selected} bars as CSV` : 'All bars as CSV (select a symbol)'}
          </button>
        </div>
      )}
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="study-file-input"
        onChange={(e) => void pickFile(e.target.files)}
      />
      {dialog?.kind === 'import' && (
        <StudyImportDialog
          fileName={dialog.fileName}
          text={dialog.text}
          onCancel={() => setDialog(null)}
          onImported={(r) => {
            setDialog(null);
            const message =
              r.counts.written === 0
                ? `Nothing imported: “${r.title}” is already here`
                : `Imported “${r.study?.title ?? r.title}” (${r.counts.written} item(s)) as “${r.studyId}”`;
            // The imported study opens on the chart (the study picker switches back); the
            // result stays in the status bar once it has loaded.
            if (r.study) openStudy(r.study.id, { status: message });
            else setStatus(message);
          }}
        />
      )}
      {report && <ReportProgress step={report.step} onCancel={() => report.abort.abort()} />}
      {dialog?.kind === 'new' && (
        <NewStudyDialog
          onCancel={() => setDialog(null)}
          onCreated={(s) => {
            setDialog(null);
            openStudy(s.id, { status: `Created study “${s.title}” (${s.id})` });
          }}
        />
      )}
    </div>
  );
}

/**
 * The report's progress while it is made: a modal dialog (focus moves to Cancel and stays in
 * the dialog, Escape cancels as Cancel does, focus returns where it was once the report is
 * saved or cancelled) naming the step.
 */
function ReportProgress({ step, onCancel }: { step: ReportStep; onCancel: () => void }) {
  return (
    <ModalDialog
      title="Making the report"
      onClose={onCancel}
      backdropCloses={false}
      className="share-progress"
      testId="report-progress"
    >
      <p role="status">{STEP_TEXT[step]}</p>
      <progress max={STEPS.length} value={STEPS.indexOf(step) + 1} aria-label="Report progress" />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
