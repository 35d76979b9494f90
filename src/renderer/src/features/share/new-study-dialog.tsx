import { useId, useRef, useState, type FormEvent } from 'react';
import { tickerSchema } from '../../../../shared/brand';
import type { StudySummary } from '../../../../shared/domain/study';
import { api } from '../../api/client';
import { ModalDialog } from '../../ui/modal-dialog';
import { describeError } from '../../api/errors';

export interface NewStudyDialogProps {
  readonly onCancel: () => void;
  readonly onCreated: (study: StudySummary) => void;
}

const symbols = (s: string): string[] =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A study from scratch: its name, the article it is built from, and its universe (subjects and benchmarks). */
export function NewStudyDialog({ onCancel, onCreated }: NewStudyDialogProps) {
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [sourceTitle, setSourceTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [url, setUrl] = useState('');
  const [subjects, setSubjects] = useState('');
  const [benchmarks, setBenchmarks] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Which symbol field the error is about (it is marked invalid and given focus), if any.
  const [badField, setBadField] = useState<'subjects' | 'benchmarks' | null>(null);
  const [busy, setBusy] = useState(false);
  const subjectsRef = useRef<HTMLInputElement>(null);
  const benchmarksRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBadField(null);
    // The symbols are checked here first, so the message names the field and the word the user
    // typed rather than the request's internal path (main checks them again).
    for (const [field, text, ref] of [
      ['subjects', subjects, subjectsRef],
      ['benchmarks', benchmarks, benchmarksRef],
    ] as const) {
      // The contract's own symbol check, so the reason reads as main's would.
      const refused = symbols(text)
        .map((x) => tickerSchema.safeParse(x))
        .find((r) => !r.success);
      if (!refused) continue;
      setError(
        `${field === 'subjects' ? 'Subjects' : 'Benchmarks'}: ${refused.error!.issues[0]!.message}; separate symbols with commas or spaces`,
      );
      setBadField(field);
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const study = await api.studies.create({
        title: title.trim(),
        source: {
          kind: 'article',
          title: sourceTitle.trim(),
          ...(author.trim() ? { author: author.trim() } : {}),
          ...(url.trim() ? { url: url.trim() } : {}),
        },
        universe: [
          ...symbols(subjects).map((symbol) => ({ symbol, role: 'subject' as const })),
          ...symbols(benchmarks).map((symbol) => ({ symbol, role: 'benchmark' as const })),
        ],
      });
      onCreated(study);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog
      title="New study"
      onClose={onCancel}
      busy={busy}
      backdropCloses={false}
      className="share-form"
      testId="new-study-dialog"
    >
      <form onSubmit={(e) => void submit(e)}>
        <label>
          Name
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required autoFocus />
        </label>
        <label>
          Article title
          <input value={sourceTitle} onChange={(e) => setSourceTitle(e.target.value)} maxLength={300} required />
        </label>
        <label>
          Author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} maxLength={200} />
        </label>
        <label>
          Link
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
        </label>
        <label>
          Subjects
          <input
            ref={subjectsRef}
            value={subjects}
            onChange={(e) => setSubjects(e.target.value)}
            placeholder="9988.HK, BABA"
            aria-invalid={badField === 'subjects' || undefined}
            aria-describedby={badField === 'subjects' ? errorId : undefined}
            required
          />
        </label>
        <label>
          Benchmarks
          <input
            ref={benchmarksRef}
            value={benchmarks}
            onChange={(e) => setBenchmarks(e.target.value)}
            placeholder="^HSI"
            aria-invalid={badField === 'benchmarks' || undefined}
            aria-describedby={badField === 'benchmarks' ? errorId : undefined}
          />
        </label>
        {error && (
          <p className="modal-error" role="alert" id={errorId}>
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Create study
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
