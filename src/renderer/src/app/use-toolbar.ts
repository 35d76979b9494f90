import { useCallback, useEffect, useState } from 'react';
import { useCommand } from './commands-context';
import { useWorkspace } from './workspace-context';

export interface ToolbarState {
  /** True while the user keeps the toolbar hidden: it is then not mounted at all. */
  readonly hidden: boolean;
  toggle(): void;
}

/**
 * The toolbar's visibility, remembered across launches (the workspace) and toggled by
 * View ▸ Toggle Toolbar (Ctrl/Cmd+Shift+B), the menu or the same keys without a menu, so a
 * hidden toolbar is always one key press from coming back.
 */
export function useToolbar(): ToolbarState {
  const { initial, remember } = useWorkspace();
  const [hidden, setHidden] = useState(initial.toolbarHidden === true);

  useEffect(() => {
    remember({ toolbarHidden: hidden });
  }, [hidden, remember]);

  const toggle = useCallback(() => setHidden((h) => !h), []);
  useCommand('view.toggleToolbar', toggle);
  return { hidden, toggle };
}
