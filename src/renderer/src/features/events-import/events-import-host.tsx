import { useState } from 'react';
import { useAppState } from '../../app/app-state';
import { useFileKind } from '../../app/file-open';
import { useStudy } from '../study/study-state';
import { useStudyList } from '../study/study-picker';
import { EventsImportDialog } from './events-import-dialog';
import { eventsFileInput, type EventsFileInput } from './events-file';

/**
 * Receives events CSVs from the app's file route (dropped on the window, opened from the OS or
 * File ▸ Open…) and shows their preview. Nothing is written before the user confirms; the
 * imported events are filed under the chosen study and the first one is selected on the chart.
 */
export function EventsImportHost() {
  const { setStatus } = useAppState();
  const { study, selectEvent } = useStudy();
  const studies = useStudyList();
  const [pending, setPending] = useState<EventsFileInput | null>(null);
  useFileKind('events-csv', (f) => setPending(eventsFileInput(f)));
  if (!pending) return null;
  return (
    <EventsImportDialog
      key={`${pending.fileName}:${'text' in pending ? pending.text.length : 'error'}`}
      file={pending}
      studies={studies}
      openStudyId={study?.id ?? null}
      onCancel={() => setPending(null)}
      onImported={(r, studyId) => {
        setPending(null);
        const where = studyId === null ? 'no study' : `“${studies.find((s) => s.id === studyId)?.title ?? studyId}”`;
        const skipped = r.duplicates ? `; ${r.duplicates} duplicate(s) skipped` : '';
        setStatus(`Imported ${r.imported} event(s) from ${pending.fileName} into ${where}${skipped}.`);
        // Main announces the new events (data.changed); the study reloads with them.
        const first = r.ids[0];
        if (first && studyId !== null && studyId === study?.id) selectEvent(first, { centre: true });
      }}
    />
  );
}
