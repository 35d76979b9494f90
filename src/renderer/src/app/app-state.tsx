import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Ticker } from '../../../shared/brand';
import type { InstrumentSummary } from '../../../shared/domain/instrument';
import { api } from '../api/client';
import { describeError } from '../api/errors';
import { useDataVersions } from './data-versions-context';
import { useWorkspace } from './workspace-context';
import { primarySymbol, singleSelection, type Selection } from './selection';

/** App-wide state every feature shares: the cached instruments and what the chart shows. */
export interface AppState {
  readonly instruments: readonly InstrumentSummary[];
  /** What the chart shows (one symbol, or a comparison); null until a default is decided. */
  readonly selection: Selection | null;
  /** The symbol panels follow: the selection's single or first symbol. */
  readonly selected: Ticker | null;
  /** Charts one symbol (the user's choice). */
  select(symbol: Ticker): void;
  /** Shows a selection (one symbol, or a comparison) as the user's choice. */
  setSelection(selection: Selection): void;
  /**
   * Charts `symbol` unless the user has already picked one: how a feature (the study) chooses
   * what the app opens on without overriding a choice. `null` means "no preference": the
   * first cached instrument is charted. Until this is called nothing is charted, so the app
   * does not flash another symbol before the study's.
   */
  selectDefault(symbol: Ticker | null): void;
  /** A one-line message for the status bar. */
  readonly status: string;
  setStatus(message: string): void;
}

const AppStateContext = createContext<AppState | null>(null);

export function AppStateProvider({ children }: { children: ReactNode }) {
  const versions = useDataVersions();
  const [instruments, setInstruments] = useState<readonly InstrumentSummary[]>([]);
  const { initial, remember } = useWorkspace();
  // The workspace's selection is the user's earlier choice: it wins over the study's default.
  const [chosen, setChosen] = useState<Selection | null>(initial.selection ?? null);
  const [status, setStatus] = useState('Loading…');
  const [userChose, setUserChose] = useState(initial.selection !== undefined);
  const [defaultDecided, setDefaultDecided] = useState(false);
  const loadedOnce = useRef(false);

  // The list shows each symbol's last close: re-read when instruments or any bars change.
  const instrumentsVersion = versions.kinds.instruments;
  const barsVersion = versions.kinds.bars;
  useEffect(() => {
    let live = true;
    api.instruments.list().then(
      (list) => {
        if (!live) return;
        setInstruments(list);
        // Only the first read speaks: later re-reads follow a change whose own message
        // (a sync's summary, an import's result) the status bar keeps.
        if (!loadedOnce.current)
          setStatus(list.length ? `${list.length} instruments in the cache` : 'The cache is empty');
        loadedOnce.current = true;
      },
      (e: unknown) => live && setStatus(`Could not read the cache: ${describeError(e)}`),
    );
    return () => {
      live = false;
    };
  }, [instrumentsVersion, barsVersion]);

  useEffect(() => {
    if (chosen) remember({ selection: chosen });
  }, [chosen, remember]);

  const value = useMemo<AppState>(() => {
    const fallback = defaultDecided && instruments[0] ? singleSelection(instruments[0].symbol) : null;
    const selection = chosen ?? fallback;
    return {
      instruments,
      selection,
      selected: selection ? primarySymbol(selection) : null,
      select: (symbol: Ticker) => {
        setUserChose(true);
        setChosen(singleSelection(symbol));
      },
      setSelection: (s: Selection) => {
        setUserChose(true);
        setChosen(s);
      },
      selectDefault: (symbol: Ticker | null) => {
        if (symbol && !userChose) setChosen(singleSelection(symbol));
        setDefaultDecided(true);
      },
      status,
      setStatus,
    };
  }, [instruments, chosen, defaultDecided, status, userChose]);
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const s = useContext(AppStateContext);
  if (!s) throw new Error('useAppState outside AppStateProvider');
  return s;
}
