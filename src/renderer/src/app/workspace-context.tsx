import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Workspace } from '../../../shared/domain/workspace';
import { api } from '../api/client';

/** Saves wait this long after the last change (a drag of a splitter or a pan sends many). */
const SAVE_DELAY_MS = 400;
/** A workspace that cannot be read in this time is not waited for: the app opens with defaults. */
const LOAD_TIMEOUT_MS = 1500;

export interface WorkspaceState {
  /** What the window showed when it was last left ({} on a first launch). Fixed for the window's life. */
  readonly initial: Workspace;
  /** Records a part of what the window shows now; saved to the database shortly after. */
  remember(patch: Workspace): void;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

/**
 * Restores the workspace on launch and remembers it as the user works: the study, the symbol
 * or comparison, the visible range, log scale, the open tab, the side panels, the watchlist.
 * Children mount once the saved workspace is read, so each feature starts where the user left
 * it instead of flashing a default first. Kept in the database (`workspace.save`), not in the
 * browser's storage, so it survives `npm run web`'s new origin on every run.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [initial, setInitial] = useState<Workspace | null>(null);
  const current = useRef<Workspace>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    const fallback = setTimeout(() => live && setInitial((w) => w ?? {}), LOAD_TIMEOUT_MS);
    api.workspace.get().then(
      (w) => {
        if (!live) return;
        current.current = w;
        setInitial((already) => already ?? w);
      },
      () => live && setInitial((w) => w ?? {}),
    );
    return () => {
      live = false;
      clearTimeout(fallback);
    };
  }, []);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // A workspace the contract refuses (it never should) is not worth an error for the user.
    void api.workspace.save(current.current).catch(() => undefined);
  }, []);

  const remember = useCallback(
    (patch: Workspace) => {
      const next = { ...current.current, ...patch };
      if (JSON.stringify(next) === JSON.stringify(current.current)) return;
      current.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    // Leaving the window (closing it, reloading) saves what is pending at once.
    const onHide = () => timer.current && flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  const value = useMemo(() => ({ initial: initial ?? {}, remember }), [initial, remember]);
  if (initial === null) return null;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside WorkspaceProvider');
  return w;
}
