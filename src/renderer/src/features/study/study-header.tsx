import { useStudy } from './study-state';

/** The open study's title and its source, for the toolbar: what the user is looking at, and whose story it is. */
export function StudyHeader() {
  const { study, status } = useStudy();
  if (status === 'loading') return <span className="study-header muted">Loading study…</span>;
  if (!study) return null;
  const s = study.source;
  const by = [s.author, s.publication].filter(Boolean).join(', ');
  return (
    <div className="study-header" data-testid="study-header" title={study.description}>
      <span className="study-title">{study.title}</span>
      <span className="study-source">
        “{s.title}”{by ? ` — ${by}` : ''}
        {s.published ? `, ${s.published}` : ''}
      </span>
    </div>
  );
}
