import { useCallback, useEffect, useState } from 'react';
import type { ArticleOpenEvent } from '../../../../shared/contract/article';
import { api } from '../../api/client';
import { useCommand } from '../../app/commands-context';
import { useAppState } from '../../app/app-state';
import { useStudy } from '../study/study-state';
import { ArticleDialog, type SavedStudy } from './article-dialog';
import { saveProposal } from './save-proposal';

/**
 * The toolbar's "From article…" button and File ▸ New Study from Article… (a push event from
 * the menu): both open the article dialog. A saved study opens on the chart at once.
 */
export function ArticleEntry() {
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<ArticleOpenEvent | null>(null);
  const { openStudy } = useStudy();
  const { setStatus } = useAppState();
  useEffect(
    () =>
      api.on('article.openDialog', (e) => {
        setInitial(e);
        setOpen(true);
      }),
    [],
  );
  // Ctrl/Cmd+N in the page (the native menu's item opens a file dialog first, then the event above).
  useCommand('file.newStudyFromArticle', () => {
    setInitial(null);
    setOpen(true);
  });
  const onSaved = useCallback(
    (s: SavedStudy) => {
      openStudy(s.studyId);
      setStatus(`Saved “${s.title}” from the article`);
    },
    [openStudy, setStatus],
  );
  const close = useCallback(() => {
    setOpen(false);
    setInitial(null);
  }, []);
  return (
    <>
      <button
        type="button"
        className="button art-open"
        onClick={() => {
          setInitial(null);
          setOpen(true);
        }}
        data-testid="open-article-dialog"
      >
        From article…
      </button>
      {open && <ArticleDialog initial={initial} save={saveProposal} onSaved={onSaved} onClose={close} />}
    </>
  );
}
