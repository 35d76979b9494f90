import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import { api } from '../../api/client';
import { useAppState } from '../../app/app-state';
import { categoryColors, type ChartEvent } from '../chart/annotations/chart-event';
import { ChartAnnotations } from '../chart/annotations/chart-annotations';
import { neighbourEvent } from '../chart/annotations/event-navigation';
import { useTheme } from '../../app/use-theme';
import type { ChartHandle } from '../chart/price-chart';
import type { LogicalSpan, RangePreset } from '../chart/range-presets';
import { chartEventsFor, followNewSessions, t0On, toChartEvent } from './chart-events';
import { useStudy } from './study-state';
import { eventDateLabel } from '../../../../shared/domain/study-event';

/** The study's annotations on the current chart, and the chart commands of the toolbar. */
export interface StudyChart {
  /** Null until a chart with data is on screen. */
  readonly annotations: ChartAnnotations | null;
  readonly handle: ChartHandle | null;
  /** Give this to ChartView's `onReady`: attaches the annotations before a chart goes away. */
  attach(handle: ChartHandle | null): void;
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
}

const StudyChartContext = createContext<StudyChart | null>(null);

/** True for keys typed into a field, which must not move between events. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Owns the ChartAnnotations of the current chart: creates them when PriceChart reports a chart,
 * disposes them before it goes away, feeds them the study's events for the charted symbol,
 * turns marker clicks into selections, serves centre requests, and listens for the event
 * navigation keys (`[` / `]`, Alt+← / Alt+→).
 */
export function StudyChartProvider({ children }: { children: ReactNode }) {
  const theme = useTheme();
  const { selected: symbol } = useAppState();
  const study = useStudy();
  const [handle, setHandle] = useState<ChartHandle | null>(null);
  const [annotations, setAnnotations] = useState<ChartAnnotations | null>(null);
  const [logScale, setLogScale] = useState(false);
  const current = useRef<ChartAnnotations | null>(null);
  // Remembers the visible range per symbol, so a redraw (theme switch, new data) keeps the view.
  // The last view per symbol, with the bar count it was taken on: a view that reached the
  // newest session follows new sessions after a price update instead of hiding them.
  const views = useRef(new Map<string, LogicalSpan & { readonly barCount: number }>());
  const viewed = useRef<ChartAnnotations | null>(null);

  const attach = useCallback((h: ChartHandle | null) => {
    current.current?.dispose();
    const next = h ? new ChartAnnotations(h) : null;
    current.current = next;
    viewed.current = null;
    setHandle(h);
    setAnnotations(next);
  }, []);
  useEffect(() => () => current.current?.dispose(), []);

  const chartSymbol = handle?.instrument.symbol ?? symbol;
  const chartEvents = useMemo(
    () =>
      study.study && chartSymbol
        ? chartEventsFor(study.study.events, chartSymbol, study.hiddenCategories, study.numbers)
        : [],
    [study.study, chartSymbol, study.hiddenCategories, study.numbers],
  );

  // The selected event's T0 here: from the study when it concerns this symbol, else asked for
  // (`events.t0`), so selecting any event of the timeline can centre any chart.
  const [foreignT0, setForeignT0] = useState<{ eventId: string; symbol: Ticker; t0: IsoDate | null } | null>(null);
  const sel = study.selectedEvent;
  const ownT0 = sel && chartSymbol ? t0On(sel, chartSymbol) : null;
  useEffect(() => {
    if (!sel || !chartSymbol || ownT0) return;
    let live = true;
    api.events.t0({ eventId: sel.id, symbol: chartSymbol }).then(
      (r) => live && setForeignT0({ eventId: sel.id, symbol: chartSymbol, t0: r.t0 }),
      () => live && setForeignT0({ eventId: sel.id, symbol: chartSymbol, t0: null }),
    );
    return () => {
      live = false;
    };
  }, [sel, chartSymbol, ownT0]);
  const selectedT0 =
    ownT0 ?? (sel && foreignT0?.eventId === sel.id && foreignT0.symbol === chartSymbol ? foreignT0.t0 : null);
  const selected = useMemo(
    () => (sel && selectedT0 ? toChartEvent(sel, study.numbers.get(sel.id) ?? 0, selectedT0) : null),
    [sel, selectedT0, study.numbers],
  );

  // Feed the annotations; on a fresh chart, restore the symbol's last view or fit the events.
  useEffect(() => {
    if (!annotations || !handle) return;
    annotations.update({
      events: chartEvents,
      selected,
      colors: categoryColors[theme],
      labelText: theme === 'dark' ? '#0b0d10' : '#ffffff',
    });
    if (viewed.current !== annotations) {
      viewed.current = annotations;
      const saved = views.current.get(handle.instrument.symbol);
      if (saved) annotations.setVisibleRange(followNewSessions(saved, handle.bars.length));
      else if (!annotations.fitEvents()) annotations.applyPreset('All');
    }
  }, [annotations, handle, chartEvents, selected, theme]);

  useEffect(() => {
    if (!annotations || !handle) return;
    return annotations.on({
      viewport: () => {
        const r = annotations.visibleRange();
        if (r) views.current.set(handle.instrument.symbol, { from: r.from, to: r.to, barCount: handle.bars.length });
      },
    });
  }, [annotations, handle]);

  useEffect(() => {
    annotations?.setLogScale(logScale);
  }, [annotations, logScale]);

  // A marker click selects its event and centres it.
  const { selectEvent, announce } = study;
  useEffect(() => annotations?.on({ click: (id) => selectEvent(id, { centre: true }) }), [annotations, selectEvent]);

  // Serve each centre request once, as soon as the chart shows the selected event.
  const served = useRef(0);
  const request = study.centreRequest;
  useEffect(() => {
    if (!annotations || !request || request.seq === served.current) return;
    if (selected?.id !== request.eventId) return;
    if (annotations.centre(request.eventId)) served.current = request.seq;
  }, [annotations, request, selected]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!annotations || !study.study) return;
      const next = neighbourEvent(annotations.placedEvents(), study.selectedEventId, direction);
      if (!next) {
        announce(direction > 0 ? 'No later event on this chart.' : 'No earlier event on this chart.');
        return;
      }
      const all = annotations.placedEvents();
      const pos = all.findIndex((p) => p.event.id === next.event.id) + 1;
      const full = study.study.events.find((e) => e.id === next.event.id);
      selectEvent(next.event.id, { centre: true });
      announce(
        `Event ${pos} of ${all.length} on ${handle?.instrument.symbol ?? ''}: ${next.event.title}, ` +
          `${full ? eventDateLabel(full) : next.event.t0}; first session ${next.event.t0}.`,
      );
    },
    [annotations, study.study, study.selectedEventId, selectEvent, announce, handle],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey) return;
      const back = (e.key === '[' && !e.altKey) || (e.altKey && e.key === 'ArrowLeft');
      const forward = (e.key === ']' && !e.altKey) || (e.altKey && e.key === 'ArrowRight');
      if (!back && !forward) return;
      e.preventDefault();
      step(forward ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const value = useMemo<StudyChart>(
    () => ({
      annotations,
      handle,
      attach,
      chartEvents,
      selected,
      logScale,
      setLogScale,
      applyPreset: (p) => annotations?.applyPreset(p),
      fitEvents: () => {
        annotations?.fitEvents();
      },
      step,
    }),
    [annotations, handle, attach, chartEvents, selected, logScale, step],
  );
  return <StudyChartContext.Provider value={value}>{children}</StudyChartContext.Provider>;
}

export function useStudyChart(): StudyChart {
  const s = useContext(StudyChartContext);
  if (!s) throw new Error('useStudyChart outside StudyChartProvider');
  return s;
}
