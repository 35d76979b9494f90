import { ChartView } from '../chart/chart-view';
import { ClaimMarks } from '../claims/claim-marks';
import { CompareLegend } from '../compare/compare-legend';
import { CompareSearch } from '../compare/compare-search';
import { ChartToolbar } from '../chart/toolbar';
import { ChartEventMenu } from '../research/chart-event-menu';
import { useStudyChart } from './study-chart';
import { StudyChartOverlay } from './study-chart-overlay';
import { StudyChartText } from './study-chart-text';

/** The window's chart with the study's toolbar commands, overlay, claim marks and context menu. */
export function StudyChartView() {
  const chart = useStudyChart();
  return (
    <ChartView
      toolbar={
        <ChartToolbar
          enabled={chart.annotations !== null && chart.content !== null}
          logScale={chart.logScale}
          setLogScale={chart.setLogScale}
          applyPreset={chart.applyPreset}
          events={{ count: chart.chartEvents.length, fit: chart.fitEvents, step: chart.step }}
        />
      }
      overlay={
        <>
          <StudyChartOverlay />
          <ClaimMarks />
          <CompareLegend />
          <CompareSearch />
          <ChartEventMenu />
        </>
      }
      below={<StudyChartText />}
    />
  );
}
