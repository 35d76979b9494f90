import { useRef, useState, type KeyboardEvent } from 'react';
import type { Ticker } from '../../../../shared/brand';
import type { EventStudyRow } from '../../../../shared/contract/research';
import type { SessionWindow } from '../../../../shared/domain/event-study';
import { windowLabel } from '../../../../shared/domain/report/report-research';
import { heat, heatCellName, heatCellText } from './heatmap-cells';

export interface EventHeatmapProps {
  readonly events: readonly string[];
  readonly symbols: readonly Ticker[];
  readonly window: SessionWindow;
  /** The measured row of each `event|symbol`. */
  readonly cells: ReadonlyMap<string, EventStudyRow>;
  readonly title: (eventId: string) => string;
  readonly numbers: ReadonlyMap<string, number>;
  /** The event whose row is emphasised (the table below shows it). */
  readonly focus: string | undefined;
  readonly onSelectEvent: (eventId: string) => void;
  readonly onOpen: (row: EventStudyRow) => void;
}

/**
 * The event × symbol heatmap of CARs as a keyboard grid (the ARIA grid pattern): one Tab stop
 * (roving tabindex: only the active cell is tabbable), the arrow keys move between cells,
 * Home/End to the row's first/last cell, Ctrl+Home/End to the grid's; Enter (or a click) on a
 * cell opens the chart at that event on that symbol, on an event's number selects the event.
 * Column 0 holds the events' numbers, columns 1… the symbols.
 */
export function EventHeatmap(props: EventHeatmapProps) {
  const { events, symbols } = props;
  const grid = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  const rows = events.length;
  const cols = symbols.length + 1;
  // The active cell, kept inside the grid when the study shrinks; by default the focused event's first symbol.
  const focusRow = Math.max(0, props.focus ? events.indexOf(props.focus) : 0);
  const at = active
    ? { row: Math.min(active.row, rows - 1), col: Math.min(active.col, cols - 1) }
    : { row: focusRow, col: cols > 1 ? 1 : 0 };

  const moveTo = (row: number, col: number) => {
    const next = { row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) };
    setActive(next);
    grid.current?.querySelector<HTMLElement>(`[data-row="${next.row}"][data-col="${next.col}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number] | undefined> = {
      ArrowUp: [at.row - 1, at.col],
      ArrowDown: [at.row + 1, at.col],
      ArrowLeft: [at.row, at.col - 1],
      ArrowRight: [at.row, at.col + 1],
      Home: e.ctrlKey || e.metaKey ? [0, 0] : [at.row, 0],
      End: e.ctrlKey || e.metaKey ? [rows - 1, cols - 1] : [at.row, cols - 1],
      PageUp: [at.row - 10, at.col],
      PageDown: [at.row + 10, at.col],
    };
    const to = moves[e.key];
    if (!to || e.altKey) return;
    e.preventDefault();
    moveTo(to[0], to[1]);
  };
  const cell = (row: number, col: number) => ({
    'data-row': row,
    'data-col': col,
    tabIndex: row === at.row && col === at.col ? 0 : -1,
    onFocus: () => (active?.row !== row || active.col !== col) && setActive({ row, col }),
  });

  return (
    <table
      ref={grid}
      className="heatmap"
      data-testid="event-heatmap"
      role="grid"
      aria-label={`CAR ${windowLabel(props.window)} by event and symbol`}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          <th scope="col">#</th>
          {symbols.map((s) => (
            <th key={s} scope="col" className="heat-symbol">
              {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {events.map((id, row) => {
          const event = { number: props.numbers.get(id), title: props.title(id) };
          return (
            <tr key={id} className={id === props.focus ? 'focus' : ''}>
              <th scope="row" title={event.title}>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${event.number ?? '?'}. ${event.title}: select the event`}
                  onClick={() => props.onSelectEvent(id)}
                  {...cell(row, 0)}
                >
                  {event.number ?? '?'}
                </button>
              </th>
              {symbols.map((s, i) => {
                const r = props.cells.get(`${id}|${s}`);
                const car = r?.carMarketModel ?? null;
                const name = heatCellName(event, s, props.window, r);
                return (
                  <td key={s} style={{ background: heat(car) }} className="heat-cell">
                    <button
                      type="button"
                      data-event-id={id}
                      data-symbol={s}
                      aria-label={name}
                      title={name}
                      onClick={() => r && props.onOpen(r)}
                      {...cell(row, i + 1)}
                    >
                      {heatCellText(r)}
                    </button>
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
