import { ChartView } from '../chart/chart-view';
import type { ThemeName } from '../chart/chart-theme';
import type { ChartHandle } from '../chart/price-chart';
import { ChartToolbar } from '../chart/toolbar';
import { useStudyChart } from './study-chart';
import { StudyChartOverlay } from './study-chart-overlay';

/** The chart with the study's annotations, toolbar and overlay attached. */
export function StudyChartView({
  theme,
  onReady,
}: {
  theme: ThemeName;
  onReady?: (handle: ChartHandle | null) => void;
}) {
  const { attach } = useStudyChart();
  return (
    <ChartView
      theme={theme}
      onReady={(h) => {
        attach(h);
        onReady?.(h);
      }}
      toolbar={<ChartToolbar />}
      overlay={<StudyChartOverlay />}
    />
  );
}
