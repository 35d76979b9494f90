import { useLayoutEffect, useRef, useState } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import { eventDateLabel, type StudyEvent } from '../../../../shared/domain/study-event';
import { categoryLabels } from '../study/annotations/chart-event';
import type { Anchor } from '../study/annotations/study-annotations';
import { eventQuote, sourceLine } from './event-text';
import './events.css';

export interface EventTooltipProps {
  readonly event: StudyEvent;
  readonly number: number;
  readonly symbol: Ticker;
  readonly t0: IsoDate;
  /** The T0 bar's top on screen (CSS px in the chart's box); the marker sits just above it. */
  readonly anchor: Anchor;
  /** Size of the box the tooltip must stay inside. */
  readonly bounds: { readonly width: number; readonly height: number };
}

const GAP = 14;

/**
 * The hover card of an event marker: number, title, date (the approximate note for an
 * approximate one), category, the quote and the source. A DOM overlay placed beside the
 * marker from the chart's coordinates, kept inside the chart, text only.
 */
export function EventTooltip({ event, number, symbol, t0, anchor, bounds }: EventTooltipProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    // Right of the marker, or left of it near the right edge; vertically around the marker.
    let left = anchor.x + GAP;
    if (left + w > bounds.width - 4) left = anchor.x - GAP - w;
    const top = Math.min(Math.max(4, anchor.y - 40 - h / 2), Math.max(4, bounds.height - h - 4));
    setPos({ left: Math.max(4, left), top });
  }, [anchor.x, anchor.y, bounds.width, bounds.height, event.id]);

  const quote = eventQuote(event);
  const date = eventDateLabel(event);
  return (
    <div
      ref={ref}
      role="tooltip"
      id="event-tooltip"
      className={`event-tooltip category-${event.category}${event.approximate ? ' approximate' : ''}`}
      data-testid="event-tooltip"
      data-event-id={event.id}
      style={pos ? { left: pos.left, top: pos.top } : { left: -10000, top: 0 }}
    >
      <div className="event-tooltip-head">
        <span className="event-number">
          {event.approximate ? '≈' : ''}
          {number}
        </span>
        <span className="event-title">{event.title}</span>
      </div>
      <div className="event-tooltip-meta">
        <span className={`category-badge category-${event.category}`}>{categoryLabels[event.category]}</span>
        <span>{event.approximate ? `approximate: ${date}` : date}</span>
      </div>
      {t0 !== event.date || event.approximate ? (
        <div className="event-tooltip-t0">
          First session on {symbol}: {t0}
        </div>
      ) : null}
      {quote && (
        <blockquote className={`event-quote from-${quote.from}`}>
          <span className="event-quote-label">{quote.from === 'article' ? 'The article' : 'The source'}</span>
          {quote.text}
        </blockquote>
      )}
      <div className="event-tooltip-source">Source: {sourceLine(event)}</div>
    </div>
  );
}
