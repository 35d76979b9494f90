import { useEffect, useState } from 'react';
import type { StudyImportPreview, StudyImportResult } from '../../../../shared/contract/study-files';
import type {
  ItemChoice,
  StudyImportItem,
  StudyImportMode,
} from '../../../../shared/domain/study-transfer/import-plan';
import { api } from '../../api/client';
import { ModalDialog, ModalFooter, ModalRefusal } from '../../ui/modal-dialog';
import { describeError } from '../../api/errors';

export interface StudyImportDialogProps {
  readonly fileName: string;
  readonly text: string;
  readonly onCancel: () => void;
  readonly onImported: (result: StudyImportResult) => void;
}

const STATUS: Record<StudyImportItem['status'], string> = { new: 'new', exists: 'already here', conflict: 'conflict' };
const ACTION: Record<StudyImportItem['action'], string> = {
  add: 'add',
  'add-renamed': 'add as',
  skip: 'skip',
  'keep-mine': 'keep yours',
};
const KIND: Record<StudyImportItem['kind'], string> = {
  study: 'Study',
  member: 'Symbol',
  event: 'Event',
  claim: 'Claim',
  settings: 'Settings',
};

/**
 * The study-file import preview: every item of the file (the study, its symbols, events,
 * claims and event-study settings) with what the receiver already has — new, already here,
 * conflict — and what the import will do. A study stored with other content is imported as a
 * copy, or merged with a choice per conflicting item. Nothing is written before "Import".
 */
export function StudyImportDialog({ fileName, text, onCancel, onImported }: StudyImportDialogProps) {
  const [mode, setMode] = useState<StudyImportMode>('copy');
  const [choices, setChoices] = useState<Readonly<Record<string, ItemChoice>>>({});
  const [preview, setPreview] = useState<StudyImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.studies.previewImport({ text, fileName, mode, choices }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setFileError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [text, fileName, mode, choices]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onImported(await api.studies.import({ text, fileName, mode, choices }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const studyConflict = preview?.items[0]?.status === 'conflict';
  const written = preview?.counts.written ?? 0;
  return (
    <ModalDialog
      title={`Import study — ${fileName}`}
      onClose={onCancel}
      busy={busy}
      backdropCloses={false}
      className="study-import"
      testId="study-import-dialog"
    >
      {fileError ? (
        <ModalRefusal message={fileError} onClose={onCancel} />
      ) : !preview ? (
        <p className="empty">Reading the file…</p>
      ) : (
        <>
          <p className="share-summary" data-testid="study-import-summary">
            “{preview.title}”: {preview.counts.new} new, {preview.counts.exists} already here, {preview.counts.conflict}{' '}
            conflict(s).{' '}
            {preview.target === 'unchanged'
              ? 'You already have this study as it is: nothing to import.'
              : preview.target === 'copy'
                ? `Your study “${preview.items[0]?.id}” differs: this file will be added as a copy, “${preview.studyId}”. Yours stays as it is.`
                : preview.target === 'merge'
                  ? `Only what is new is added to your study; for each conflict choose yours or theirs as a copy.`
                  : `It will be added as “${preview.studyId}”.`}
          </p>
          {studyConflict && (
            <fieldset className="share-options">
              <legend className="share-hidden">How to import</legend>
              <label>
                <input
                  type="radio"
                  name="study-import-mode"
                  checked={mode === 'copy'}
                  onChange={() => setMode('copy')}
                />{' '}
                Import as a copy
              </label>
              <label>
                <input
                  type="radio"
                  name="study-import-mode"
                  checked={mode === 'merge'}
                  onChange={() => setMode('merge')}
                />{' '}
                Merge into my study (never overwrites mine)
              </label>
            </fieldset>
          )}
          <div className="share-scroll" tabIndex={0} role="region" aria-label="What the file holds">
            <table className="share-table" aria-label="Items of the study file">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Item</th>
                  <th scope="col">Status</th>
                  <th scope="col">Import</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((i) => (
                  <tr key={i.key} data-status={i.status} className={`status-${i.status}`}>
                    <td>{KIND[i.kind]}</td>
                    <td title={i.detail ?? i.label}>
                      {i.label}
                      {i.detail && <span className="share-detail"> — {i.detail}</span>}
                    </td>
                    <td>{STATUS[i.status]}</td>
                    <td>
                      {mode === 'merge' &&
                      i.status === 'conflict' &&
                      (i.kind === 'event' || i.kind === 'claim') &&
                      i.detail?.startsWith('differs') ? (
                        <select
                          aria-label={`Conflict: ${i.label}`}
                          value={choices[i.key] ?? 'keep'}
                          onChange={(e) => setChoices((c) => ({ ...c, [i.key]: e.target.value as ItemChoice }))}
                        >
                          <option value="keep">keep yours</option>
                          <option value="copy">add theirs as a copy</option>
                        </select>
                      ) : (
                        <>
                          {ACTION[i.action]}
                          {i.newId ? ` “${i.newId}”` : ''}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ModalFooter
            error={error}
            busy={busy}
            onCancel={onCancel}
            onConfirm={() => void confirm()}
            disabled={written === 0}
            confirmLabel={written === 0 ? 'Nothing to import' : `Import (${written} item${written === 1 ? '' : 's'})`}
          />
        </>
      )}
    </ModalDialog>
  );
}
