import { useCallback, useEffect, useRef, useState } from 'react';
import { eventDateLabel } from '../../../../shared/domain/study-event';
import type { ChartContent } from '../chart/chart-content';
import type { ChartEvent } from './annotations/chart-event';
import { neighbourEvent } from './annotations/event-navigation';
import type { StudyAnnotations } from './annotations/study-annotations';
import type { StudyState } from './study-state';

/** True for keys typed into a field, which must not move between events. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The event the last previous/next step moved to; `seq` tells two steps to the same event apart. */
export interface SteppedTo {
  readonly id: string;
  readonly seq: number;
}

/**
 * Moving between events: a marker click selects and centres its event; each centre request
 * of the study (a click in the events panel) is served once the chart shows the event; `[` / `]`
 * and Alt+← / Alt+→ step to the previous/next marked event and announce it to screen readers.
 * Returns `step` for the toolbar's buttons, and where the last step went (its marker's card is
 * shown as on hover, so keyboard users read what a pointer user reads).
 */
export function useEventNavigation(
  annotations: StudyAnnotations | null,
  content: ChartContent | null,
  selected: ChartEvent | null,
  study: StudyState,
): { step: (direction: 1 | -1) => void; steppedTo: SteppedTo | null } {
  const { selectEvent, announce } = study;
  const [steppedTo, setSteppedTo] = useState<SteppedTo | null>(null);
  useEffect(() => annotations?.on({ click: (id) => selectEvent(id, { centre: true }) }), [annotations, selectEvent]);

  // Serve each centre request once, as soon as the chart shows the selected event.
  const served = useRef(0);
  const request = study.centreRequest;
  useEffect(() => {
    if (!annotations || !request || request.seq === served.current) return;
    if (selected?.id !== request.eventId) return;
    if (annotations.centre(request.eventId)) served.current = request.seq;
  }, [annotations, request, selected, content]);

  const symbol = content?.main.instrument.symbol ?? '';
  const step = useCallback(
    (direction: 1 | -1) => {
      if (!annotations || !study.study) return;
      const all = annotations.placedEvents();
      const next = neighbourEvent(all, study.selectedEventId, direction);
      if (!next) {
        announce(direction > 0 ? 'No later event on this chart.' : 'No earlier event on this chart.');
        return;
      }
      const pos = all.findIndex((p) => p.event.id === next.event.id) + 1;
      const full = study.study.events.find((e) => e.id === next.event.id);
      selectEvent(next.event.id, { centre: true });
      setSteppedTo((s) => ({ id: next.event.id, seq: (s?.seq ?? 0) + 1 }));
      announce(
        `Event ${pos} of ${all.length} on ${symbol}: ${next.event.title}, ` +
          `${full ? eventDateLabel(full) : next.event.t0}; first session ${next.event.t0}.`,
      );
    },
    [annotations, study.study, study.selectedEventId, selectEvent, announce, symbol],
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

  return { step, steppedTo };
}
