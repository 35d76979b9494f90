import { useEffect, useMemo, useState } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import { themeTokens, type ThemeName } from '../../../../shared/theme';
import { api } from '../../api/client';
import type { ChartContent } from '../chart/chart-content';
import type { ChartController } from '../chart/chart-controller';
import type { ChartEvent } from './annotations/chart-event';
import { StudyAnnotations } from './annotations/study-annotations';
import { chartEventsFor, t0On, toChartEvent } from './chart-events';
import type { StudyState } from './study-state';

export interface StudyAnnotationsState {
  /** Null until the chart controller exists. */
  readonly annotations: StudyAnnotations | null;
  /** Events marked on the charted symbol (after the category filter). */
  readonly chartEvents: readonly ChartEvent[];
  /** The selected event as drawn on this chart (its T0 here), or null. */
  readonly selected: ChartEvent | null;
}

/**
 * The study's annotations on the window's chart: created once per chart controller, fed the
 * events of the charted symbol and the selected event (its T0 asked of the study service when
 * the event does not concern the symbol), redrawn on every data, filter or theme change. A
 * comparison is not annotated: its lines are rebased, not the symbol's prices.
 */
export function useStudyAnnotations(
  controller: ChartController | null,
  content: ChartContent | null,
  study: StudyState,
  theme: ThemeName,
): StudyAnnotationsState {
  // Constructing attaches nothing; the effect below puts them on the chart.
  const annotations = useMemo(() => (controller ? new StudyAnnotations(controller) : null), [controller]);
  useEffect(() => {
    annotations?.attach();
    return () => annotations?.detach();
  }, [annotations]);

  const single = content?.selection.kind === 'single' ? content : null;
  const symbol = single?.main.instrument.symbol ?? null;
  const chartEvents = useMemo(
    () =>
      study.study && symbol ? chartEventsFor(study.study.events, symbol, study.hiddenCategories, study.numbers) : [],
    [study.study, symbol, study.hiddenCategories, study.numbers],
  );

  // The selected event's T0 here: from the study when it concerns this symbol, else asked for
  // (`events.t0`), so selecting any event of the timeline can centre any chart.
  const [foreignT0, setForeignT0] = useState<{ eventId: string; symbol: Ticker; t0: IsoDate | null } | null>(null);
  const sel = study.selectedEvent;
  const ownT0 = sel && symbol ? t0On(sel, symbol) : null;
  useEffect(() => {
    if (!sel || !symbol || ownT0) return;
    let live = true;
    api.events.t0({ eventId: sel.id, symbol }).then(
      (r) => live && setForeignT0({ eventId: sel.id, symbol, t0: r.t0 }),
      () => live && setForeignT0({ eventId: sel.id, symbol, t0: null }),
    );
    return () => {
      live = false;
    };
  }, [sel, symbol, ownT0]);
  const selectedT0 =
    ownT0 ?? (sel && foreignT0?.eventId === sel.id && foreignT0.symbol === symbol ? foreignT0.t0 : null);
  const selected = useMemo(
    () => (sel && selectedT0 ? toChartEvent(sel, study.numbers.get(sel.id) ?? 0, selectedT0) : null),
    [sel, selectedT0, study.numbers],
  );

  useEffect(() => {
    if (!annotations) return;
    annotations.update({
      bars: single?.main.bars ?? [],
      events: single ? chartEvents : [],
      selected: single ? selected : null,
      colors: themeTokens[theme].category,
      labelText: themeTokens[theme].onCategory,
    });
  }, [annotations, single, chartEvents, selected, theme]);

  return { annotations, chartEvents, selected };
}
