import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChartContent } from '../chart/chart-content';
import type { ChartController } from '../chart/chart-controller';
import { presetRange, type LogicalSpan, type RangePreset } from '../chart/range-presets';
import type { StudyAnnotations } from './annotations/study-annotations';
import { followNewSessions } from './chart-events';

export interface StudyView {
  readonly logScale: boolean;
  setLogScale(on: boolean): void;
  applyPreset(preset: RangePreset): void;
  fitEvents(): void;
}

/** The content's key in the view memory: a symbol, or a comparison. */
function viewKey(content: ChartContent): string {
  return content.members.map((m) => m.instrument.symbol).join('+');
}

/**
 * The chart's view: range presets, log scale, fit-to-events, and a memory of the visible range
 * per symbol. When a new content is drawn (another symbol, or new sessions of this one) the
 * symbol's last view comes back (following new sessions when it ended on the newest one);
 * a symbol seen for the first time fits its events, or shows everything.
 */
export function useStudyView(
  controller: ChartController | null,
  content: ChartContent | null,
  currentContent: () => ChartContent | null,
  annotations: StudyAnnotations | null,
): StudyView {
  const [logScale, setLogScale] = useState(false);
  // The last view per symbol, with the bar count it was taken on.
  const views = useRef(new Map<string, LogicalSpan & { readonly barCount: number }>());
  // The content whose view has been restored: until then, viewport changes are the chart's
  // own (a new series fitting itself) and must not overwrite the saved view.
  const restored = useRef<ChartContent | null>(null);

  useEffect(() => {
    if (!controller || !annotations || !content || restored.current === content) return;
    restored.current = content;
    const saved = views.current.get(viewKey(content));
    if (saved) controller.setVisibleRange(followNewSessions(saved, content.main.bars.length));
    else if (!annotations.fitEvents())
      controller.setVisibleRange(
        presetRange(
          'All',
          content.main.bars.map((b) => b.date),
        ),
      );
  }, [controller, annotations, content]);

  useEffect(() => {
    if (!controller) return;
    return controller.onViewportChange(() => {
      const now = currentContent();
      if (!now || restored.current !== now) return;
      const r = controller.visibleRange();
      if (r) views.current.set(viewKey(now), { from: r.from, to: r.to, barCount: now.main.bars.length });
    });
  }, [controller, currentContent]);

  useEffect(() => {
    controller?.setLogScale(logScale);
  }, [controller, logScale]);

  const applyPreset = useCallback(
    (preset: RangePreset) => {
      if (!content) return;
      controller?.setVisibleRange(
        presetRange(
          preset,
          content.main.bars.map((b) => b.date),
        ),
      );
    },
    [controller, content],
  );
  const fitEvents = useCallback(() => {
    annotations?.fitEvents();
  }, [annotations]);

  return useMemo(() => ({ logScale, setLogScale, applyPreset, fitEvents }), [logScale, applyPreset, fitEvents]);
}
