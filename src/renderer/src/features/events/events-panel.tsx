import { useEffect, useRef } from 'react';
import { eventCategories, eventDateLabel, type EventWithT0 } from '../../../../shared/domain/study-event';
import { useAppState } from '../../app/app-state';
import { categoryLabels } from '../study/annotations/chart-event';
import { t0On, visibleEvents } from '../study/chart-events';
import { useStudy } from '../study/study-state';
import { AddEventBar, EventActions } from '../research/event-actions';
import { EventStudyTable } from '../research/event-study-table';
import { eventQuote, eventsCountLine, sourceLine } from './event-text';
import { moveFocusInList } from '../../ui/list-keys';
import './events.css';

/**
 * The study's timeline: a category filter (shared with the chart's markers), every event in
 * date order with its T0 on the charted symbol, and the selected event's details. Selecting an
 * event centres the chart on it.
 */
export function EventsPanel() {
  const { selected, selection } = useAppState();
  // A comparison draws no markers: the rows and the count speak of it, not of its first symbol.
  const comparing = selection?.kind === 'compare';
  const symbol = comparing ? null : selected;
  const study = useStudy();
  const listRef = useRef<HTMLOListElement>(null);
  const selectedId = study.selectedEventId;

  // Keep the selected row in view when the selection comes from the chart or the keyboard.
  useEffect(() => {
    if (!selectedId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  if (study.status === 'loading') return <p className="empty">Loading the study…</p>;
  if (study.status === 'error') return <p className="empty error">Could not read the study: {study.error}</p>;
  if (!study.study) return <p className="empty">No study is stored.</p>;
  const all = study.study.events;
  const present = eventCategories.filter((c) => all.some((e) => e.category === c));
  const shown = visibleEvents(all, study.hiddenCategories);
  const marked = symbol ? shown.filter((e) => t0On(e, symbol)).length : 0;

  return (
    <div className="events-panel" data-testid="events-panel">
      <div className="events-head">
        <div className="event-filter" role="group" aria-label="Filter events by category">
          {present.map((c) => {
            const on = !study.hiddenCategories.has(c);
            return (
              <button
                key={c}
                type="button"
                className={`chip category-chip category-${c}`}
                aria-pressed={on}
                data-category={c}
                onClick={() => study.toggleCategory(c)}
              >
                {categoryLabels[c]} <span className="count">{all.filter((e) => e.category === c).length}</span>
              </button>
            );
          })}
          {study.hiddenCategories.size > 0 && (
            <button type="button" className="chip" onClick={study.showAllCategories}>
              Show all
            </button>
          )}
        </div>
        <AddEventBar />
        <p className="events-count" aria-live="polite">
          {eventsCountLine(
            shown.length,
            all.length,
            selection?.kind === 'compare'
              ? { kind: 'compare', symbols: selection.symbols }
              : symbol
                ? { kind: 'single', symbol, marked }
                : null,
          )}
        </p>
      </div>
      <ol
        className="event-list"
        ref={listRef}
        aria-label="Study timeline"
        onKeyDown={(e) => moveFocusInList(e, 'button.event-row')}
      >
        {shown.map((e) => (
          <EventRow
            key={e.id}
            event={e}
            number={study.numbers.get(e.id) ?? 0}
            t0={symbol ? t0On(e, symbol) : null}
            symbol={symbol}
            selected={e.id === selectedId}
            onSelect={() => study.selectEvent(e.id, { centre: true })}
          />
        ))}
      </ol>
    </div>
  );
}

interface EventRowProps {
  readonly event: EventWithT0;
  readonly number: number;
  readonly t0: string | null;
  readonly symbol: string | null;
  readonly selected: boolean;
  onSelect(): void;
}

function EventRow({ event, number, t0, symbol, selected, onSelect }: EventRowProps) {
  const quote = eventQuote(event);
  return (
    <li
      className={`event-item category-${event.category}${selected ? ' selected' : ''}${t0 ? '' : ' off-chart'}${event.hidden ? ' hidden-event' : ''}${event.origin === 'user' ? ' user-event' : ''}`}
      data-origin={event.origin}
      data-hidden={event.hidden ? 'true' : undefined}
      data-event-id={event.id}
      data-category={event.category}
    >
      <button type="button" className="event-row" aria-pressed={selected} aria-expanded={selected} onClick={onSelect}>
        <span className={`event-number${event.approximate ? ' approximate' : ''}`}>
          {event.origin === 'user' ? 'U' : ''}
          {event.approximate ? '≈' : ''}
          {number}
        </span>
        <span className="event-main">
          <span className="event-title">{event.title}</span>
          <span className="event-when">
            {eventDateLabel(event)}
            {symbol && (t0 ? (t0 !== event.date ? ` · ${symbol} T0 ${t0}` : '') : ` · not marked on ${symbol}`)}
          </span>
        </span>
        <span className={`category-badge category-${event.category}`}>{categoryLabels[event.category]}</span>
      </button>
      {selected && (
        <div className="event-details">
          <EventActions event={event} />
          {event.summary && <p className="event-summary">{event.summary}</p>}
          {event.approximate && event.approxNote && <p className="event-approx">Approximate: {event.approxNote}</p>}
          {event.timeNote && <p className="event-time-note">{event.timeNote}</p>}
          {quote && (
            <blockquote className="event-quote">
              <span className="event-quote-label">{quote.from === 'article' ? 'The article' : 'The source'}</span>
              {quote.text}
            </blockquote>
          )}
          <p className="event-source">Source: {sourceLine(event)}</p>
          {event.source.evidence?.dataCheck && (
            <p className="event-check">Data check: {event.source.evidence.dataCheck}</p>
          )}
          {event.source.evidence && event.source.evidence.links.length > 0 && (
            <ul className="event-links">
              {event.source.evidence.links.map((l) => (
                <li key={l}>
                  {/^https?:\/\//.test(l) ? (
                    <a href={l} target="_blank" rel="noreferrer noopener">
                      {l}
                    </a>
                  ) : (
                    l
                  )}
                </li>
              ))}
            </ul>
          )}
          <EventStudyTable eventId={event.id} />
        </div>
      )}
    </li>
  );
}
