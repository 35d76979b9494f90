import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api } from '../api/client';
import { connectDataChanged, DataVersions, type DataVersionsSnapshot } from './data-versions';

const DataVersionsContext = createContext<DataVersions | null>(null);

/**
 * Mounts the renderer's one `data.changed` subscriber for the app's life. Its effect runs
 * before `App` calls `app.ready`, so no change queued during start-up is missed.
 */
export function DataVersionsProvider({ children }: { children: ReactNode }) {
  const [versions] = useState(() => new DataVersions());
  useEffect(() => connectDataChanged(api.on, versions), [versions]);
  // Transitional, until main emits data.changed after each sync commit (issue 8, main half):
  // a finished run stands in for the change it committed.
  useEffect(() => api.on('sync.finished', () => versions.apply({ kinds: ['bars', 'instruments'] })), [versions]);
  return <DataVersionsContext.Provider value={versions}>{children}</DataVersionsContext.Provider>;
}

/** The current data versions; the component re-renders when any of them changes. */
export function useDataVersions(): DataVersionsSnapshot {
  const versions = useContext(DataVersionsContext);
  if (!versions) throw new Error('useDataVersions outside DataVersionsProvider');
  return useSyncExternalStore(versions.subscribe, versions.snapshot);
}
