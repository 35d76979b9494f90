import { useEffect, useRef, useState } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import { columnsToBars } from '../../../../shared/domain/bar-columns';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useDataVersions } from '../../app/data-versions-context';
import { selectionSymbols, type Selection } from '../../app/selection';
import type { Bar } from '../../../../shared/domain/bar';
import { t0ForEvent } from '../../../../shared/domain/calendar';
import { convertBars, fxSymbolOf, type FxBars } from '../../../../shared/domain/compare-currency';
import type { Instrument } from '../../../../shared/domain/instrument';
import { anchorSession, dateAnchor } from '../../../../shared/domain/rebase';
import type { ChartContent, ChartMember } from './chart-content';

/** Where loading the selection's data stands. */
export type ChartData =
  | { readonly state: 'none' }
  | { readonly state: 'loading'; readonly selection: Selection }
  | { readonly state: 'error'; readonly selection: Selection; readonly message: string }
  | { readonly state: 'no-bars'; readonly selection: Selection; readonly symbols: readonly Ticker[] }
  | { readonly state: 'ready'; readonly content: ChartContent };

/** The rates a comparison in one currency needs: each member currency's and the target's `CCY=X` bars. */
async function loadFx(currencies: readonly (string | null)[], target: string): Promise<FxBars> {
  const wanted = [...new Set([...currencies, target])].filter((c): c is string => c !== null && c !== 'USD');
  const fx = new Map<string, readonly Bar[]>();
  await Promise.all(
    wanted.map(async (c) => {
      // Not cached: the member says so (the legend offers only currencies whose rates are cached).
      const columns = await api.bars.range({ symbol: fxSymbolOf(c)! }).catch(() => null);
      const bars = columns ? columnsToBars(columns) : [];
      if (bars.length) fx.set(c, bars);
    }),
  );
  return fx;
}

async function loadMember(symbol: Ticker, selection: Selection): Promise<Loaded> {
  const [instrument, columns] = await Promise.all([api.instruments.get({ symbol }), api.bars.range({ symbol })]);
  // bars.range answers typed arrays by column; the chart content still holds Bar objects.
  return { instrument, bars: columnsToBars(columns), selection };
}

interface Loaded {
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
  readonly selection: Selection;
}

/**
 * A compared member: converted into the selection's currency when it names one, then rebased
 * by the same shared function `catalyst compare` uses (100 at the symbol's T0 of the event on
 * its own calendar, or at its first session on or after the date).
 */
async function compareMember(m: Loaded, fx: FxBars | null): Promise<ChartMember> {
  const { instrument, selection } = m;
  if (selection.kind !== 'compare')
    return { instrument, bars: m.bars, base: null, missing: null, currency: instrument.currency, convertedFrom: null };
  let bars = m.bars;
  let gapReason: ((d: IsoDate) => string | null) | undefined;
  const own = instrument.currency;
  const target = selection.currency;
  let missing: string | null = null;
  let converted = false;
  if (target && own !== target) {
    const lacking = [own, target].find((c) => c === null || (c !== 'USD' && !fx?.has(c)));
    if (lacking !== undefined)
      missing =
        lacking === null
          ? `no known currency to convert into ${target}`
          : `cannot show in ${target}: ${fxSymbolOf(lacking)} is not in the cache`;
    else {
      const c = convertBars(bars, own!, target, fx!);
      bars = c.bars;
      gapReason = (d) => c.unconverted.get(d) ?? null;
      converted = true;
    }
  }
  const currency = converted ? target! : own;
  const convertedFrom = converted ? own : null;
  if (missing !== null) return { instrument, bars, base: null, missing, currency, convertedFrom };
  const anchor =
    selection.anchor.kind === 'date'
      ? t0ForEvent(
          dateAnchor(selection.anchor.date),
          instrument.timezone,
          bars.map((b) => b.date),
        )
      : await api.events.t0({ eventId: selection.anchor.eventId, symbol: instrument.symbol });
  const at = anchorSession(bars, anchor, gapReason);
  return { instrument, bars, base: at.missing === null ? at.date : null, missing: at.missing, currency, convertedFrom };
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
      .then(async (loaded) => {
        const target = selection.kind === 'compare' ? selection.currency : undefined;
        const fx = target
          ? await loadFx(
              loaded.map((m) => m.instrument.currency),
              target,
            )
          : null;
        return Promise.all(loaded.map((m) => compareMember(m, fx)));
      })
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
