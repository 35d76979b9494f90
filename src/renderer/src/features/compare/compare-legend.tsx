import { useEffect, useState } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import type { Bar } from '../../../../shared/domain/bar';
import { themeTokens } from '../../../../shared/theme';
import { useAppState } from '../../app/app-state';
import { compareSelection, MAX_COMPARED, type CompareAnchor, type Selection } from '../../app/selection';
import { useTheme } from '../../app/use-theme';
import { formatPercent, signClass } from '../../ui/format';
import { useChart } from '../chart/chart-context';
import { rebaseIndex } from '../chart/series-specs';
import { commonCurrencies } from '../../../../shared/domain/compare-currency';
import { rebasedValue } from '../../../../shared/domain/rebase';
import { useStudy } from '../study/study-state';
import './compare.css';

/** Change of `bars` since the session rebased to 100 (`base`) at the last valid session on or before `date`. */
function changeAt(bars: readonly Bar[], base: IsoDate, date: IsoDate | null): number | null {
  const b = rebaseIndex(bars, base);
  if (b === null) return null;
  let at = -1;
  for (let i = 0; i < bars.length && (date === null || bars[i]!.date <= date); i++) if (!bars[i]!.placeholder) at = i;
  return at < 0 ? null : rebasedValue(bars[at]!.close, bars[b]!.close) / 100 - 1;
}

/**
 * A comparison's legend over the chart: each series' colour, symbol and currency, its change
 * since the anchor at the crosshair and at the last session; a series with no data at the
 * anchor says why. Each series is in its own currency unless the user picks one currency for
 * all (offered when the cache holds the `CCY=X` rates every member needs). Selecting another
 * event moves an event anchor there.
 */
export function CompareLegend() {
  const { controller, content } = useChart();
  const { setSelection, instruments } = useAppState();
  const study = useStudy();
  const theme = useTheme();
  const [crosshair, setCrosshair] = useState<IsoDate | null>(null);
  useEffect(() => controller?.onCrosshairMove((p) => setCrosshair(p.time)), [controller]);

  const selection = content?.selection.kind === 'compare' ? content.selection : null;
  const selectedEvent = study.selectedEventId;
  useEffect(() => {
    if (!selection || selection.anchor.kind !== 'event' || !selectedEvent) return;
    if (selection.anchor.eventId === selectedEvent) return;
    setSelection(compareSelection(selection.symbols, { kind: 'event', eventId: selectedEvent }, selection.currency));
  }, [selection, selectedEvent, setSelection]);

  if (!content || !selection) return null;
  // Currencies every member can be shown in: their own (when converted, the instrument's).
  const currencies = commonCurrencies(
    content.members.map((m) => m.instrument.currency),
    instruments.map((i) => i.symbol),
  );
  const shown = selection.currency ?? '';
  const colours = themeTokens[theme].compare;
  const anchorTitle =
    selection.anchor.kind === 'event'
      ? (study.study?.events.find((e) => e.id === (selection.anchor as { eventId: string }).eventId)?.title ??
        selection.anchor.eventId)
      : selection.anchor.date;
  let colour = 0;
  return (
    <div className="compare-legend" data-testid="compare-legend" data-anchor={JSON.stringify(selection.anchor)}>
      <div className="compare-anchor">
        100 = {selection.anchor.kind === 'event' ? 'T0 of ' : 'the first session on or after '}
        <strong>{anchorTitle}</strong> on each symbol’s own calendar
        {currencies.length > 0 || selection.currency ? (
          <label className="compare-currency">
            {' · '}
            <select
              aria-label="Currency of the comparison"
              value={shown}
              onChange={(e) => setSelection(compareSelection(selection.symbols, selection.anchor, e.target.value))}
            >
              <option value="">each in its own currency</option>
              {[...new Set([...currencies, ...(selection.currency ? [selection.currency] : [])])].map((c) => (
                <option key={c} value={c}>
                  all in {c}
                </option>
              ))}
            </select>
          </label>
        ) : (
          ' · each series in its own currency'
        )}
        {crosshair ? ` · at ${crosshair}` : ''}
      </div>
      <ul>
        {content.members.map((m) => {
          const sym = m.instrument.symbol;
          if (!m.base)
            return (
              <li key={sym} data-symbol={sym} data-missing="true" className="compare-missing">
                <span className="swatch" /> {sym}: {m.missing ?? 'no data at the anchor'} (not drawn)
              </li>
            );
          const c = colours[colour++ % colours.length];
          const now = changeAt(m.bars, m.base, crosshair);
          const last = changeAt(m.bars, m.base, null);
          return (
            <li key={sym} data-symbol={sym} data-change={last ?? ''} data-at-crosshair={crosshair ? (now ?? '') : ''}>
              <span className="swatch" style={{ background: c }} />
              <span className="compare-symbol">{sym}</span>
              <span
                className="compare-ccy"
                title={m.convertedFrom ? `Converted from ${m.convertedFrom} at each day's cached rate` : undefined}
              >
                {m.currency ?? ''}
                {m.convertedFrom ? ` (from ${m.convertedFrom})` : ''}
              </span>
              {crosshair && <span className={`compare-now ${signClass(now)}`}>{formatPercent(now)}</span>}
              <span className={`compare-last ${signClass(last)}`} title={`Since the anchor, at ${m.bars.at(-1)?.date}`}>
                {crosshair ? 'last ' : ''}
                {formatPercent(last)}
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${sym} from the comparison`}
                onClick={() => {
                  const rest = selection.symbols.filter((s) => s !== sym);
                  if (rest.length) setSelection(compareSelection(rest, selection.anchor, selection.currency));
                }}
                disabled={selection.symbols.length < 2}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The selection with `symbol` added to the comparison (a modifier-click in the sidebar): a
 * single symbol becomes a comparison of both, anchored at the selected event, else `fallback`.
 */
export function withCompared(
  current: Selection | null,
  symbol: Ticker,
  eventId: string | null,
  fallback: IsoDate | null,
): Selection | null {
  const symbols = current ? (current.kind === 'single' ? [current.symbol] : [...current.symbols]) : [];
  if (symbols.includes(symbol) || symbols.length >= MAX_COMPARED) return null;
  const anchor: CompareAnchor | null =
    current?.kind === 'compare'
      ? current.anchor
      : eventId
        ? { kind: 'event', eventId }
        : fallback
          ? { kind: 'date', date: fallback }
          : null;
  return anchor
    ? compareSelection([...symbols, symbol], anchor, current?.kind === 'compare' ? current.currency : undefined)
    : null;
}
