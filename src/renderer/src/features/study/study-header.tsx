import { StudyPicker, useStudyList } from './study-picker';
import { useStudy } from './study-state';

/**
 * The open study's title and its source, for the toolbar: what the user is looking at, and
 * whose story it is. With more than one stored study the title is the study picker.
 */
export function StudyHeader() {
  const { study, status } = useStudy();
  const studies = useStudyList();
  if (status === 'loading') return <span className="study-header muted">Loading study…</span>;
  if (!study) return null;
  const s = study.source;
  const by = [s.author, s.publication].filter(Boolean).join(', ');
  return (
    <div className="study-header" data-testid="study-header" title={study.description}>
      {studies.length > 1 ? <StudyPicker studies={studies} /> : <span className="study-title">{study.title}</span>}
      <span className="study-source">
        “{s.title}”{by ? ` — ${by}` : ''}
        {s.published ? `, ${s.published}` : ''}
      </span>
    </div>
  );
}
