import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTheme } from '../../app/use-theme';
import type { ChartContent } from '../chart/chart-content';
import { useChart } from '../chart/chart-context';
import type { ChartController } from '../chart/chart-controller';
import type { RangePreset } from '../chart/range-presets';
import type { ChartEvent } from './annotations/chart-event';
import type { StudyAnnotations } from './annotations/study-annotations';
import { useStudy } from './study-state';
import { useEventNavigation, type SteppedTo } from './use-event-navigation';
import { useStudyAnnotations } from './use-study-annotations';
import { useStudyCommands } from './use-study-commands';
import { useStudyView } from './use-study-view';

/** The study's annotations on the window's chart, and the chart commands of the toolbar. */
export interface StudyChart {
  readonly controller: ChartController | null;
  /** What the chart draws (null until data is on it). */
  readonly content: ChartContent | null;
  /** Null until the chart exists. */
  readonly annotations: StudyAnnotations | null;
  /** Events marked on the charted symbol (after the category filter). */
  readonly chartEvents: readonly ChartEvent[];
  /** The selected event as drawn on this chart (its T0 here), or null. */
  readonly selected: ChartEvent | null;
  readonly logScale: boolean;
  setLogScale(on: boolean): void;
  applyPreset(preset: RangePreset): void;
  fitEvents(): void;
  /** Moves the selection to the previous/next marked event and centres it; announces it. */
  step(direction: 1 | -1): void;
  /** Where the last step went (null before any): the overlay shows that event's card. */
  readonly steppedTo: SteppedTo | null;
}

const StudyChartContext = createContext<StudyChart | null>(null);

/**
 * The study on the chart, one hook per concern: annotations (markers, lines, window), the
 * view (presets, log scale, per-symbol view memory), event navigation (clicks, centre
 * requests, keys, announcements). It only feeds the window's chart controller; it never
 * creates a chart.
 */
export function StudyChartProvider({ children }: { children: ReactNode }) {
  const theme = useTheme();
  const study = useStudy();
  const { controller, content, currentContent } = useChart();
  const { annotations, chartEvents, selected } = useStudyAnnotations(controller, content, study, theme);
  const view = useStudyView(controller, content, currentContent, annotations);
  const { step, steppedTo } = useEventNavigation(annotations, content, selected, study);
  useStudyCommands(view);

  const value = useMemo<StudyChart>(
    () => ({ controller, content, annotations, chartEvents, selected, ...view, step, steppedTo }),
    [controller, content, annotations, chartEvents, selected, view, step, steppedTo],
  );
  return <StudyChartContext.Provider value={value}>{children}</StudyChartContext.Provider>;
}

export function useStudyChart(): StudyChart {
  const s = useContext(StudyChartContext);
  if (!s) throw new Error('useStudyChart outside StudyChartProvider');
  return s;
}
