import { useEffect, useState } from 'react';
import { ChartLegend } from '../chart/legend';
import { restingLegendIndex } from '../chart/legend-values';
import { EventTooltip } from '../events/event-tooltip';
import { useStudyChart } from './study-chart';
import { useStudy } from './study-state';

/**
 * What sits over the chart: the crosshair legend, the hovered event's tooltip and a polite
 * live region for keyboard navigation. Its root exposes what the chart holds as data
 * attributes (marker ids, their on-screen anchors, the selected event, the visible dates), so
 * tests and accessibility tools can read them without reaching into the canvas.
 */
export function StudyChartOverlay() {
  const { controller, content, annotations, chartEvents, selected } = useStudyChart();
  const study = useStudy();
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [crosshair, setCrosshair] = useState<number | null>(null);
  // Bumped whenever the chart moves or redraws, so positions below are recomputed.
  const [frame, setFrame] = useState(0);

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
  const hovered = hoverId ? (study.study?.events.find((e) => e.id === hoverId) ?? null) : null;
  const hoveredChart = hoverId ? chartEvents.find((e) => e.id === hoverId) : undefined;
  const anchor = hoverId ? annotations.anchor(hoverId) : null;
  const size = controller.paneSize();
  const legendIndex =
    crosshair ?? restingLegendIndex(main.bars, annotations.selectedIndex(), controller.visibleRange()?.to ?? null);

  return (
    <div
      className="chart-overlay"
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
