import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommandId } from '../../../shared/domain/app-commands';
import { useCommand, useCommands } from './commands-context';
import { useWorkspace } from './workspace-context';

export interface ToolbarState {
  /** True while the user keeps the toolbar hidden: it is then not mounted at all. */
  readonly hidden: boolean;
  toggle(): void;
}

/**
 * Menu commands carried out by a control that lives in the toolbar (Share's exports and study
 * import, the article entry). While the toolbar is hidden, giving one shows the toolbar and
 * then runs it there, so no menu item goes silent.
 */
export const TOOLBAR_COMMANDS = [
  'export.png',
  'export.pdf',
  'export.csv',
  'file.importStudy',
  'file.newStudyFromArticle',
] as const satisfies readonly AppCommandId[];

/**
 * The toolbar's visibility, remembered across launches (the workspace) and toggled by
 * View ▸ Toggle Toolbar (Ctrl/Cmd+Shift+B), the menu or the same keys without a menu, so a
 * hidden toolbar is always one key press from coming back.
 */
export function useToolbar(): ToolbarState {
  const { initial, remember } = useWorkspace();
  const registry = useCommands();
  const [hidden, setHidden] = useState(initial.toolbarHidden === true);
  const pending = useRef<AppCommandId | null>(null);

  useEffect(() => {
    remember({ toolbarHidden: hidden });
    // The toolbar's controls registered their commands before this effect runs (children's
    // effects come first): hand them the command that brought the toolbar back.
    const id = pending.current;
    pending.current = null;
    if (!hidden && id) registry.run(id);
  }, [hidden, remember, registry]);

  const toggle = useCallback(() => setHidden((h) => !h), []);
  useCommand('view.toggleToolbar', toggle);
  for (const id of TOOLBAR_COMMANDS) {
    // A fixed list, so the hooks run in the same order on every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useCommand(
      id,
      () => {
        pending.current = id;
        setHidden(false);
      },
      hidden,
    );
  }
  return { hidden, toggle };
}
