import { useCallback, useEffect, useState } from 'react';
import type { ArticleOpenEvent } from '../../../../shared/contract/article';
import { api } from '../../api/client';
import { base64ToBytes } from '../../../../shared/base64';
import { useCommand } from '../../app/commands-context';
import { useFileKind } from '../../app/file-open';
import { useStudy } from '../study/study-state';
import { ArticleDialog, type SavedStudy } from './article-dialog';
import { saveProposal } from './save-proposal';

/**
 * The toolbar's "From article…" button, File ▸ New Study from Article… (a push event from
 * the menu) and a story dropped on the window or opened from the OS: all open the article
 * dialog. A saved study opens on the chart at once.
 */
export function ArticleEntry() {
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<ArticleOpenEvent | null>(null);
  const { openStudy } = useStudy();
  useEffect(
    () =>
      api.on('article.openDialog', (e) => {
        setInitial(e);
        setOpen(true);
      }),
    [],
  );
  // A story dropped on the window or opened from the OS (.txt, .md, .html: app/file-open).
  useFileKind('article', (f) => {
    setInitial(
      'error' in f
        ? { source: 'drop', fileName: f.fileName, error: f.error }
        : { source: 'drop', fileName: f.fileName, content: new TextDecoder().decode(base64ToBytes(f.bytesBase64)) },
    );
    setOpen(true);
  });
  // Ctrl/Cmd+N in the page (the native menu's item opens a file dialog first, then the event above).
  useCommand('file.newStudyFromArticle', () => {
    setInitial(null);
    setOpen(true);
  });
  const onSaved = useCallback(
    (s: SavedStudy) => {
      // The status goes with the open: shown once the study has loaded, so its summary never
      // replaces it (setting it here would race the load).
      openStudy(s.studyId, { status: `Saved “${s.title}” from the article` });
    },
    [openStudy],
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
