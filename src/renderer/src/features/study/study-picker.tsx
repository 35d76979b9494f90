import { useEffect, useState } from 'react';
import type { StudySummary } from '../../../../shared/domain/study';
import { api } from '../../api/client';
import { useDataVersions } from '../../app/data-versions-context';
import { useStudy } from './study-state';

/** Every stored study, re-read when studies change (an import, a new study, one saved from an article). */
export function useStudyList(): readonly StudySummary[] {
  const versions = useDataVersions();
  const [studies, setStudies] = useState<readonly StudySummary[]>([]);
  useEffect(() => {
    let live = true;
    api.studies.list().then(
      (list) => live && setStudies(list),
      () => live && setStudies([]),
    );
    return () => {
      live = false;
    };
  }, [versions.kinds.studies]);
  return studies;
}

/** How a study is named in the picker: its title, its size and whether it is the user's own. */
export function studyOptionLabel(s: StudySummary): string {
  return `${s.title} — ${s.events} event${s.events === 1 ? '' : 's'}, ${s.claims} claim${s.claims === 1 ? '' : 's'}${s.origin === 'user' ? ' (yours)' : ''}`;
}

/**
 * The toolbar's study picker, in place of the study's title: every stored study (the embedded
 * one, imported, created or saved from an article), the open one selected. Choosing one opens
 * it on the chart, and the choice is remembered for the next launch (the workspace).
 */
export function StudyPicker({ studies }: { studies: readonly StudySummary[] }) {
  const { study, openStudy } = useStudy();
  if (!study) return null;
  return (
    <select
      className="study-title study-picker"
      aria-label="Open study"
      title="Open another study"
      data-testid="study-picker"
      value={study.id}
      onChange={(e) => openStudy(e.target.value)}
    >
      {!studies.some((s) => s.id === study.id) && <option value={study.id}>{study.title}</option>}
      {studies.map((s) => (
        <option key={s.id} value={s.id} label={s.id === study.id ? s.title : studyOptionLabel(s)}>
          {studyOptionLabel(s)}
        </option>
      ))}
    </select>
  );
}
