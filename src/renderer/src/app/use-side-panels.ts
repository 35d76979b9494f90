import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useCommand } from './commands-context';
import { useWorkspace } from './workspace-context';
import { clampWidth, drawnWidths, parsePanels, type PanelId, type SidePanels } from './side-panels';

export interface SidePanelsState {
  readonly prefs: SidePanels;
  /** Widths drawn now in CSS px (0 when collapsed). */
  readonly widths: Record<PanelId, number>;
  toggle(panel: PanelId): void;
  setWidth(panel: PanelId, width: number): void;
}

const viewportWidth = () => window.innerWidth;
const subscribeResize = (notify: () => void) => {
  window.addEventListener('resize', notify);
  return () => window.removeEventListener('resize', notify);
};

/**
 * The side panels' widths and collapsed state, remembered across launches (the workspace),
 * toggled by the View menu's commands (Ctrl/Cmd+B, Ctrl/Cmd+Alt+B). Drawn widths follow the window's width.
 */
export function useSidePanels(): SidePanelsState {
  const { initial, remember } = useWorkspace();
  const [prefs, setPrefs] = useState<SidePanels>(() => parsePanels(initial.panels));
  const viewport = useSyncExternalStore(subscribeResize, viewportWidth);

  useEffect(() => {
    remember({ panels: prefs });
  }, [prefs, remember]);

  const toggle = useCallback((panel: PanelId) => {
    setPrefs((p) => ({ ...p, [panel]: { ...p[panel], collapsed: !p[panel].collapsed } }));
  }, []);
  const setWidth = useCallback((panel: PanelId, width: number) => {
    setPrefs((p) => ({ ...p, [panel]: { width: clampWidth(panel, width), collapsed: false } }));
  }, []);

  // View ▸ Toggle Sidebar / Toggle Details Panel: the menu, or the same keys without a menu.
  useCommand('view.toggleSidebar', () => toggle('sidebar'));
  useCommand('view.toggleDetails', () => toggle('details'));

  return { prefs, widths: drawnWidths(prefs, viewport), toggle, setWidth };
}
