import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useAppState } from '../../app/app-state';
import { useTheme } from '../../app/use-theme';
import type { ChartContent } from './chart-content';
import type { ChartController } from './chart-controller';
import { ChartStore } from './chart-store';
import { useChartData, type ChartData } from './use-chart-data';

/** The window's chart as features reach it: the controller, and what it draws. */
export interface ChartState {
  /** The one chart controller; null until the chart surface is mounted. */
  readonly controller: ChartController | null;
  /** What the chart draws now; null until the selection's data is on the chart. */
  readonly content: ChartContent | null;
  /** Where loading the selection stands (for the messages over the chart). */
  readonly data: ChartData;
  /**
   * The content on the chart at the time of the call: for listeners (viewport, crosshair)
   * that fire between a redraw and the next render.
   */
  currentContent(): ChartContent | null;
  /** The store the chart surface mounts the chart through. */
  readonly store: ChartStore;
}

const ChartContext = createContext<ChartState | null>(null);

/**
 * Keeps the window's one chart (mounted by the chart surface, for the window's life) on the
 * OS theme, and draws the app's selection on it once its data arrive.
 */
export function ChartProvider({ children }: { children: ReactNode }) {
  const theme = useTheme();
  const { selection } = useAppState();
  const data = useChartData(selection);
  const [store] = useState(() => new ChartStore(theme));
  const { controller, content } = useSyncExternalStore(store.subscribe, store.snapshot);

  useEffect(() => store.setTheme(theme), [store, theme]);

  const ready = data.state === 'ready' ? data.content : null;
  const clear = data.state !== 'ready' && data.state !== 'loading';
  useEffect(() => {
    if (ready) store.draw(ready);
    else if (clear) store.draw(null);
  }, [store, controller, ready, clear]);

  const value = useMemo<ChartState>(
    () => ({ controller, content, data, currentContent: store.currentContent, store }),
    [controller, content, data, store],
  );
  return <ChartContext.Provider value={value}>{children}</ChartContext.Provider>;
}

/** The window's chart: its controller (export, compare, annotations reach it here) and content. */
export function useChart(): ChartState {
  const s = useContext(ChartContext);
  if (!s) throw new Error('useChart outside ChartProvider');
  return s;
}
