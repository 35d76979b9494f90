import { useEffect, useRef, useState } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useDataVersions } from '../../app/data-versions-context';
import { selectionSymbols, type Selection } from '../../app/selection';
import { baseBeforeT0, type ChartContent, type ChartMember } from './chart-content';

/** Where loading the selection's data stands. */
export type ChartData =
  | { readonly state: 'none' }
  | { readonly state: 'loading'; readonly selection: Selection }
  | { readonly state: 'error'; readonly selection: Selection; readonly message: string }
  | { readonly state: 'no-bars'; readonly selection: Selection; readonly symbols: readonly Ticker[] }
  | { readonly state: 'ready'; readonly content: ChartContent };

async function loadMember(symbol: Ticker, selection: Selection): Promise<ChartMember> {
  const [instrument, bars] = await Promise.all([api.instruments.get({ symbol }), api.bars.range({ symbol })]);
  if (selection.kind === 'single') return { instrument, bars, base: null };
  const anchor = selection.anchor;
  let base: IsoDate | null;
  if (anchor.kind === 'date') base = anchor.date;
  else {
    const { t0 } = await api.events.t0({ eventId: anchor.eventId, symbol });
    base = t0 ? baseBeforeT0(bars, t0) : null;
  }
  return { instrument, bars, base };
}

/**
 * Reads the selection's instruments and bars through the bridge, again whenever the data
 * versions say one of its symbols' bars (or the instruments, or for an event anchor the
 * events) changed.
 */
export function useChartData(selection: Selection | null): ChartData {
  const versions = useDataVersions();
  const [data, setData] = useState<ChartData>({ state: 'none' });
  const symbols = selection ? selectionSymbols(selection) : [];
  // The selection by value: app state may hand over an equal selection as a new object.
  const key = [
    selection ? JSON.stringify(selection) : '',
    versions.kinds.instruments,
    selection?.kind === 'compare' && selection.anchor.kind === 'event' ? versions.kinds.events : 0,
    ...symbols.map((s) => versions.bars(s)),
  ].join(',');

  const latest = useRef(selection);
  useEffect(() => {
    latest.current = selection;
  });

  useEffect(() => {
    const selection = latest.current;
    if (!selection) {
      setData({ state: 'none' });
      return;
    }
    let live = true;
    setData((cur) => (cur.state === 'ready' ? cur : { state: 'loading', selection }));
    Promise.all(selectionSymbols(selection).map((s) => loadMember(s, selection)))
      .then((members) => {
        if (!live) return;
        const empty = members.filter((m) => m.bars.length === 0).map((m) => m.instrument.symbol);
        if (empty.length === members.length) setData({ state: 'no-bars', selection, symbols: empty });
        else setData({ state: 'ready', content: { selection, members, main: members.find((m) => m.bars.length)! } });
      })
      .catch((e: unknown) => live && setData({ state: 'error', selection, message: describeError(e) }));
    return () => {
      live = false;
    };
  }, [key]);

  return data;
}
