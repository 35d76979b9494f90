import { useEffect, useState } from 'react';
import type { EventsImportPreview, EventsImportResult } from '../../../../shared/contract/research';
import { eventsLineStatus, eventsPreviewSummary, type EventsFileInput } from './events-file';
import type { StudySummary } from '../../../../shared/domain/study';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { ModalDialog, ModalFooter } from '../../ui/modal-dialog';
import './events-import.css';

export interface EventsImportDialogProps {
  readonly file: EventsFileInput;
  /** Every stored study; the events are filed under the one chosen (the open study by default). */
  readonly studies: readonly StudySummary[];
  readonly openStudyId: string | null;
  readonly onCancel: () => void;
  /** After a confirmed import (main wrote every `ok` line in one transaction). */
  readonly onImported: (result: EventsImportResult, studyId: string | null) => void;
}

/** "no study" in the target list: the event is on no study's chart (the CLI lists it). */
const NO_STUDY = '';

/**
 * The preview of an events CSV (`date,time,timezone,title,category,symbols,note,url`) dropped on
 * the window or opened from the OS or File ▸ Open…: every line with its status and reason, the
 * study the events are filed under, confirm or cancel. The same rules as the CLI's
 * `events import`: nothing is written before "Import"; a file with any error line imports
 * nothing (all or nothing); duplicates of stored events are skipped.
 */
export function EventsImportDialog({ file, studies, openStudyId, onCancel, onImported }: EventsImportDialogProps) {
  const [studyId, setStudyId] = useState<string>(openStudyId ?? NO_STUDY);
  const [preview, setPreview] = useState<EventsImportPreview | null>(null);
  const [error, setError] = useState<string | null>('error' in file ? file.error : null);
  const [busy, setBusy] = useState(false);
  const text = 'text' in file ? file.text : null;
  const target = studyId === NO_STUDY ? null : studyId;

  // Previews again when the target study changes: which lines are duplicates depends on it only
  // through the stored events, but the study must exist.
  useEffect(() => {
    if (text === null) return;
    let live = true;
    api.events.importPreview({ text, studyId: target }).then(
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
  }, [text, target]);

  async function confirm() {
    if (text === null || !preview) return;
    setBusy(true);
    setError(null);
    try {
      onImported(await api.events.importConfirm({ text, studyId: target }), target);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  }

  const blocked = !preview || preview.errors > 0 || preview.ok === 0;
  return (
    <ModalDialog
      title={`Import events — ${file.fileName}`}
      onClose={onCancel}
      busy={busy}
      backdropCloses={false}
      className="events-import"
      testId="events-import-dialog"
    >
      {text !== null && (
        <label className="events-import-target">
          File the events under{' '}
          <select aria-label="Study" value={studyId} onChange={(e) => setStudyId(e.target.value)} disabled={busy}>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
            <option value={NO_STUDY}>No study (then shown on no study’s chart)</option>
          </select>
        </label>
      )}
      {preview && (
        <>
          <p className="wl-import-summary" data-testid="events-import-summary">
            {eventsPreviewSummary(preview)}
          </p>
          {preview.errors > 0 && (
            <p className="modal-error" role="alert" data-testid="events-import-blocked">
              Nothing will be imported while {preview.errors} line
              {preview.errors === 1 ? ' has an error' : 's have errors'}: an events file is imported whole or not at
              all. Correct the file and open it again.
            </p>
          )}
          <div className="wl-preview-scroll">
            <table className="wl-preview-table" aria-label="Lines of the file">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Date</th>
                  <th scope="col">Title</th>
                  <th scope="col">Category</th>
                  <th scope="col">Symbols</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {preview.lines.map((l) => (
                  <tr key={l.line} className={`status-${l.status}`} data-status={l.status}>
                    <td className="num">{l.line}</td>
                    <td>
                      {l.event?.date ?? ''}
                      {l.event?.time ? ` ${l.event.time} ${l.event.timezone ?? ''}` : ''}
                    </td>
                    <td className="input" title={l.event?.title}>
                      {l.event?.title ?? ''}
                    </td>
                    <td>{l.event?.category ?? ''}</td>
                    <td>{l.event?.symbols.join(', ') ?? ''}</td>
                    <td className="status">{eventsLineStatus(l)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {!preview && !error && <p className="empty">Reading the file…</p>}
      <ModalFooter
        error={error}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
        disabled={blocked}
        confirmLabel={blocked ? 'Nothing to import' : `Import ${preview.ok} event${preview.ok === 1 ? '' : 's'}`}
      />
    </ModalDialog>
  );
}
