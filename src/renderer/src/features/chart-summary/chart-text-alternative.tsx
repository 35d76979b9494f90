import { useId, useState } from 'react';
import type { IsoDate } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import { formatPercent, formatPrice, formatVolume, signClass } from '../../ui/format';
import { barsInRange, eventsInRange, summariseRange, summaryText, type SummaryEvent } from './range-summary';
import './chart-summary.css';

/** The id of the summary paragraph: the chart's keyboard surface is described by it. */
export const CHART_SUMMARY_ID = 'chart-summary';

export interface ChartTextAlternativeProps {
  readonly symbol: string;
  readonly bars: readonly Bar[];
  /** The dates the chart shows now (null before the first draw: then all bars). */
  readonly visible: { readonly from: IsoDate; readonly to: IsoDate } | null;
  readonly events: readonly SummaryEvent[];
}

/**
 * The chart's text alternative (WCAG 1.1.1): one line under the chart that says what the
 * visible range shows (symbol, dates, first and last close, change, high and low, events in
 * range), and a "Data table" view of the same range's bars, each row naming the events whose
 * T0 it is. It follows the chart's zoom and scroll. Knows no other feature: the caller passes
 * the bars, the visible dates and the events.
 */
export function ChartTextAlternative({ symbol, bars, visible, events }: ChartTextAlternativeProps) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const from = visible?.from ?? bars[0]?.date;
  const to = visible?.to ?? bars.at(-1)?.date;
  if (!from || !to) return null;
  const summary = summariseRange(bars, from, to);
  const text = summaryText(symbol, summary, events);
  const inRange = summary ? eventsInRange(events, summary.from, summary.to) : [];
  const byT0 = new Map<string, SummaryEvent[]>();
  for (const e of inRange) byT0.set(e.t0, [...(byT0.get(e.t0) ?? []), e]);
  const rows = open ? barsInRange(bars, from, to) : [];
  // A close-only series has no open, high or low (an index often no volume): no empty columns.
  const ohlc = rows.some((b) => b.open !== null || b.high !== null || b.low !== null);
  const volume = rows.some((b) => b.volume !== null);

  return (
    <div className={open ? 'chart-text open' : 'chart-text'} data-testid="chart-text">
      <div className="chart-text-bar">
        <p id={CHART_SUMMARY_ID} className="chart-summary" title={text} data-testid="chart-summary">
          {text}
        </p>
        <button
          type="button"
          className="button chart-table-toggle"
          aria-expanded={open}
          aria-controls={tableId}
          onClick={() => setOpen((v) => !v)}
          data-testid="chart-table-toggle"
        >
          {open ? 'Hide data table' : 'Data table'}
        </button>
      </div>
      {open && (
        <div
          className="chart-table-scroll"
          id={tableId}
          tabIndex={0}
          role="region"
          aria-label={`Data table of ${symbol}`}
        >
          <table className="chart-table" data-testid="chart-table">
            <caption className="sr-only">
              {symbol}, visible range: {rows.length} sessions from {from} to {to}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {ohlc && (
                  <>
                    <th scope="col">Open</th>
                    <th scope="col">High</th>
                    <th scope="col">Low</th>
                  </>
                )}
                <th scope="col">Close</th>
                <th scope="col">Change</th>
                {volume && <th scope="col">Volume</th>}
                <th scope="col">Events</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .map((b, i) => ({ b, prev: rows[i - 1] }))
                .reverse()
                .map(({ b, prev }) => {
                  const change = prev && prev.close !== 0 ? b.close / prev.close - 1 : null;
                  const at = byT0.get(b.date) ?? [];
                  return (
                    <tr key={b.date} data-date={b.date} className={at.length ? 'has-event' : undefined}>
                      <th scope="row">{b.date}</th>
                      {ohlc && (
                        <>
                          <td>{formatPrice(b.open)}</td>
                          <td>{formatPrice(b.high)}</td>
                          <td>{formatPrice(b.low)}</td>
                        </>
                      )}
                      <td>{formatPrice(b.close)}</td>
                      <td className={signClass(change)}>{change === null ? '—' : formatPercent(change)}</td>
                      {volume && <td>{formatVolume(b.volume)}</td>}
                      <td className="chart-table-events">{at.map((e) => `${e.label}. ${e.title}`).join('; ')}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
