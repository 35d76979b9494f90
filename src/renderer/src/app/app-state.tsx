import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Ticker } from '../../../shared/brand';
import type { InstrumentSummary } from '../../../shared/domain/instrument';
import { api } from '../api/client';
import { describeError } from '../api/errors';

/** App-wide state every feature shares: the cached instruments and the charted symbol. */
export interface AppState {
  readonly instruments: readonly InstrumentSummary[];
  readonly selected: Ticker | null;
  select(symbol: Ticker): void;
  /**
   * Charts `symbol` unless the user has already picked one: how a feature (the study) chooses
   * what the app opens on without overriding a choice. `null` means "no preference": the
   * first cached instrument is charted. Until this is called nothing is charted, so the app
   * does not flash another symbol before the study's.
   */
  selectDefault(symbol: Ticker | null): void;
  /** Re-reads the instrument list (after an import or a sync). */
  reloadInstruments(): Promise<void>;
  /** A one-line message for the status bar. */
  readonly status: string;
  setStatus(message: string): void;
  /** Increments whenever cached prices may have changed, so views re-read their bars. */
  readonly dataVersion: number;
  notifyDataChanged(): void;
}

const AppStateContext = createContext<AppState | null>(null);

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [instruments, setInstruments] = useState<readonly InstrumentSummary[]>([]);
  const [selected, setSelected] = useState<Ticker | null>(null);
  const [status, setStatus] = useState('Loading…');
  const [dataVersion, setDataVersion] = useState(0);
  const [userChose, setUserChose] = useState(false);
  const [defaultDecided, setDefaultDecided] = useState(false);

  useEffect(() => {
    let live = true;
    api.instruments.list().then(
      (list) => {
        if (!live) return;
        setInstruments(list);
        setStatus(list.length ? `${list.length} instruments in the cache` : 'The cache is empty');
      },
      (e: unknown) => live && setStatus(`Could not read the cache: ${describeError(e)}`),
    );
    return () => {
      live = false;
    };
  }, [dataVersion]);

  const reloadInstruments = useCallback(async () => {
    setDataVersion((v) => v + 1);
  }, []);

  const value = useMemo<AppState>(
    () => ({
      instruments,
      selected: selected ?? (defaultDecided ? (instruments[0]?.symbol ?? null) : null),
      select: (symbol: Ticker) => {
        setUserChose(true);
        setSelected(symbol);
      },
      selectDefault: (symbol: Ticker | null) => {
        if (symbol && !userChose) setSelected(symbol);
        setDefaultDecided(true);
      },
      reloadInstruments,
      status,
      setStatus,
      dataVersion,
      notifyDataChanged: () => setDataVersion((v) => v + 1),
    }),
    [instruments, selected, defaultDecided, reloadInstruments, status, dataVersion, userChose],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const s = useContext(AppStateContext);
  if (!s) throw new Error('useAppState outside AppStateProvider');
  return s;
}
