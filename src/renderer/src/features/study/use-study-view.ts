import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChartContent } from '../chart/chart-content';
import type { ChartController } from '../chart/chart-controller';
import { presetRange, type LogicalSpan, type RangePreset } from '../chart/range-presets';
import type { StudyAnnotations } from './annotations/study-annotations';
import { followNewSessions } from './chart-events';
import type { IsoDate } from '../../../../shared/brand';
import { useWorkspace } from '../../app/workspace-context';
import { useAppState } from '../../app/app-state';

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

/** The dates at the ends of a logical span (clamped to the bars), for the workspace. */
function datesOfSpan(content: ChartContent, span: LogicalSpan): { from: IsoDate; to: IsoDate } | null {
  const bars = content.main.bars;
  if (bars.length === 0) return null;
  const at = (i: number) => bars[Math.min(bars.length - 1, Math.max(0, Math.round(i)))]!.date;
  return { from: at(span.from), to: at(span.to) };
}

/**
 * The logical span of a saved date range on this content (the sessions from the first on or
 * after `from` to the last on or before `to`), with the bar count it applies to; null when
 * nothing of the range is cached.
 */
function spanOfDates(
  content: ChartContent,
  range: { from: IsoDate; to: IsoDate } | null,
): (LogicalSpan & { readonly barCount: number }) | null {
  if (!range) return null;
  const dates = content.main.bars.map((b) => b.date);
  const from = dates.findIndex((d) => d >= range.from);
  const to = dates.findLastIndex((d) => d <= range.to);
  if (from < 0 || to < from) return null;
  return { from, to, barCount: dates.length };
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
  const { initial, remember } = useWorkspace();
  const [logScale, setLogScale] = useState(initial.logScale ?? false);
  // The last view per symbol, with the bar count it was taken on.
  const views = useRef(new Map<string, LogicalSpan & { readonly barCount: number }>());
  // The range the window showed when it was last left: restored once, for the content it was on.
  const launchRange = useRef(initial.range ?? null);
  // The content whose view has been restored: until then, viewport changes are the chart's
  // own (a new series fitting itself) and must not overwrite the saved view.
  const restored = useRef<ChartContent | null>(null);

  useEffect(() => {
    if (!controller || !annotations || !content || restored.current === content) return;
    restored.current = content;
    const saved = views.current.get(viewKey(content)) ?? spanOfDates(content, launchRange.current);
    launchRange.current = null;
    if (saved) controller.setVisibleRange(followNewSessions(saved, content.main.bars.length));
    else if (annotations.fitEvents() === null)
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
      if (!r) return;
      views.current.set(viewKey(now), { from: r.from, to: r.to, barCount: now.main.bars.length });
      const dates = datesOfSpan(now, r);
      if (dates) remember({ range: dates });
    });
  }, [controller, currentContent, remember]);

  useEffect(() => {
    controller?.setLogScale(logScale);
    remember({ logScale });
  }, [controller, logScale, remember]);

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
  const { setStatus } = useAppState();
  const fitEvents = useCallback(() => {
    const fit = annotations?.fitEvents();
    // Too many sessions between the first and last event for the closest zoom: say which show.
    if (fit && fit.shown < fit.total)
      setStatus(
        `Showing the latest ${fit.shown} of ${fit.total} events: the earlier ones do not fit at the closest zoom.`,
      );
  }, [annotations, setStatus]);

  return useMemo(() => ({ logScale, setLogScale, applyPreset, fitEvents }), [logScale, applyPreset, fitEvents]);
}
