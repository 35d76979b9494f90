import { useEffect, useState } from 'react';
import { CHART_SUMMARY_ID } from '../chart-summary/chart-text-alternative';
import { ChartLegend } from '../chart/legend';
import { restingLegendIndex } from '../chart/legend-values';
import { EventTooltip } from '../events/event-tooltip';
import { useStudyChart } from './study-chart';
import { useStudy } from './study-state';

/**
 * What sits over the chart: the crosshair legend, the hovered event's tooltip and a polite
 * live region for keyboard navigation. It is also the chart's keyboard surface (the skip
 * link's target), described by the text alternative's summary; while it has focus, or after
 * a previous/next step, the selected event's card shows as it does on hover (Escape hides it). Its root exposes what the chart holds as data
 * attributes (marker ids, their on-screen anchors, the selected event, the visible dates), so
 * tests and accessibility tools can read them without reaching into the canvas.
 */
export function StudyChartOverlay() {
  const { controller, content, annotations, chartEvents, selected, steppedTo } = useStudyChart();
  const study = useStudy();
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [crosshair, setCrosshair] = useState<number | null>(null);
  // Bumped whenever the chart moves or redraws, so positions below are recomputed.
  const [frame, setFrame] = useState(0);
  const [focused, setFocused] = useState(false);
  // Escape hides the keyboard card: the step's (by its seq) and the focus's, until the next of either.
  const [dismissedStep, setDismissedStep] = useState<number | null>(null);
  const [focusDismissed, setFocusDismissed] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setDismissedStep(steppedTo?.seq ?? null);
      setFocusDismissed(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [steppedTo]);

  useEffect(() => {
    if (!controller) return;
    const bump = () => setFrame((f) => f + 1);
    const offs = [
      controller.onCrosshairMove((p) => setCrosshair(p.index)),
      controller.onViewportChange(bump),
      annotations?.on({ hover: setHoverId, changed: bump }),
    ];
    return () => {
      for (const off of offs) off?.();
      setHoverId(null);
      setCrosshair(null);
    };
  }, [controller, annotations]);

  if (!controller || !annotations || !content) return null;
  const main = content.main;
  const markerIds = annotations.markerIds();
  const anchors: Record<string, [number, number]> = {};
  for (const id of markerIds) {
    const a = annotations.anchor(id);
    if (a) anchors[id] = [Math.round(a.x), Math.round(a.y)];
  }
  const visible = controller.visibleDates();
  // The hovered marker's card; else, for keyboard users, the selected event's.
  const stepped = steppedTo !== null && steppedTo.id === selected?.id && dismissedStep !== steppedTo.seq;
  const cardId = hoverId ?? (selected && (stepped || (focused && !focusDismissed)) ? selected.id : null);
  const hovered = cardId ? (study.study?.events.find((e) => e.id === cardId) ?? null) : null;
  const hoveredChart = cardId ? chartEvents.find((e) => e.id === cardId) : undefined;
  const anchor = cardId ? annotations.anchor(cardId) : null;
  const size = controller.paneSize();
  const legendIndex =
    crosshair ?? restingLegendIndex(main.bars, annotations.selectedIndex(), controller.visibleRange()?.to ?? null);

  return (
    <div
      className="chart-overlay"
      tabIndex={0}
      role="group"
      aria-roledescription="chart"
      aria-label={`Price chart of ${main.instrument.symbol}`}
      aria-describedby={CHART_SUMMARY_ID}
      data-chart-focus
      onFocus={() => {
        setFocused(true);
        setFocusDismissed(false);
      }}
      onBlur={() => setFocused(false)}
      data-testid="chart-annotations"
      data-symbol={main.instrument.symbol}
      data-series-type={controller.mainSeriesType() ?? ''}
      data-marker-count={markerIds.length}
      data-marker-ids={markerIds.join(' ')}
      data-marker-anchors={JSON.stringify(anchors)}
      data-selected-event={selected?.id ?? ''}
      data-selected-t0={selected?.t0 ?? ''}
      data-visible-from={visible?.from ?? ''}
      data-visible-to={visible?.to ?? ''}
      data-frame={frame}
    >
      {content.selection.kind === 'single' && (
        <ChartLegend instrument={main.instrument} bars={main.bars} index={legendIndex} />
      )}
      {hovered && hoveredChart && anchor && (
        <EventTooltip
          event={hovered}
          number={hoveredChart.number}
          symbol={main.instrument.symbol}
          t0={hoveredChart.t0}
          anchor={anchor}
          bounds={size}
        />
      )}
      <div className="sr-only" aria-live="polite" data-testid="event-announcer">
        {study.announcement}
      </div>
    </div>
  );
}
