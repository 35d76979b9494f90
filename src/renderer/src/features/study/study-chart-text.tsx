import { useEffect, useMemo, useState } from 'react';
import { ChartTextAlternative } from '../chart-summary/chart-text-alternative';
import type { SummaryEvent } from '../chart-summary/range-summary';
import { markerLabel } from './annotations/chart-event';
import { useStudyChart } from './study-chart';

/**
 * The chart's text alternative fed from the study chart: the main symbol's bars, the dates
 * the chart shows (followed through zoom and scroll) and the events marked on it.
 */
export function StudyChartText() {
  const { controller, content, chartEvents } = useStudyChart();
  const [visible, setVisible] = useState(() => controller?.visibleDates() ?? null);
  useEffect(() => {
    if (!controller) return;
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      // One read per frame while the user drags or zooms.
      frame = requestAnimationFrame(() =>
        setVisible((v) => {
          const next = controller.visibleDates();
          return v && next && v.from === next.from && v.to === next.to ? v : next;
        }),
      );
    };
    read();
    const off = controller.onViewportChange(read);
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [controller, content]);
  const events = useMemo<SummaryEvent[]>(
    () => chartEvents.map((e) => ({ id: e.id, label: markerLabel(e), t0: e.t0, title: e.title })),
    [chartEvents],
  );
  if (!content) return null;
  return (
    <ChartTextAlternative
      symbol={content.main.instrument.symbol}
      bars={content.main.bars}
      visible={visible}
      events={events}
    />
  );
}
