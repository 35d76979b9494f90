import { useEffect } from 'react';
import { api } from '../api/client';
import { ArticleEntry } from '../features/article/article-entry';
import { ClaimsPanel } from '../features/claims/claims-panel';
import { EventsPanel } from '../features/events/events-panel';
import { EventStudyView } from '../features/research/event-study-view';
import { StudyChartProvider } from '../features/study/study-chart';
import { StudyChartView } from '../features/study/study-chart-view';
import { StudyHeader } from '../features/study/study-header';
import { StudySidebar } from '../features/study/study-sidebar';
import { StudyProvider } from '../features/study/study-state';
import { ChartProvider } from '../features/chart/chart-context';
import { InstrumentInfo } from '../features/instruments/instrument-info';
import { SyncPanel } from '../features/sync/sync-panel';
import { SyncToolbar } from '../features/sync/sync-toolbar';
import { WatchlistsPanel } from '../features/watchlists/watchlists-panel';
import { Tabs, type Tab } from '../ui/tabs';
import { AppStateProvider, useAppState } from './app-state';
import { CommandsProvider } from './commands-context';
import { DataVersionsProvider } from './data-versions-context';
import { ShortcutsOverlay } from '../features/shortcuts/shortcuts-overlay';
import { useTheme } from './use-theme';

/** Side-panel tabs; each feature adds its panel here. */
const sideTabs: readonly Tab[] = [
  { id: 'events', label: 'Events', render: () => <EventsPanel /> },
  { id: 'claims', label: 'Claims', render: () => <ClaimsPanel /> },
  { id: 'event-study', label: 'Event study', render: () => <EventStudyView /> },
  { id: 'info', label: 'Info', render: () => <InstrumentInfo /> },
  { id: 'updates', label: 'Updates', render: () => <SyncPanel /> },
];

function Layout() {
  const theme = useTheme();
  const { status } = useAppState();
  return (
    <div className={`app theme-${theme}`} data-theme={theme}>
      <header className="toolbar">
        <span className="brand">Catalyst</span>
        <StudyHeader />
        <div className="toolbar-actions">
          <ArticleEntry />
          <SyncToolbar />
        </div>
      </header>
      <aside className="sidebar">
        <StudySidebar />
        <WatchlistsPanel />
      </aside>
      <main className="chart-area">
        <StudyChartView />
      </main>
      <aside className="side-panel">
        <Tabs tabs={sideTabs} label="Details" />
      </aside>
      <footer className="status-bar" role="status">
        {status}
      </footer>
      <ShortcutsOverlay />
    </div>
  );
}

export function App() {
  // Effects run children first: by now every feature has subscribed to its push events, so
  // main may send what it held back during start-up.
  useEffect(() => {
    api.app.ready().catch((e: unknown) => console.error('app.ready failed', e));
  }, []);
  return (
    <DataVersionsProvider>
      <CommandsProvider>
        <AppStateProvider>
          <StudyProvider>
            <ChartProvider>
              <StudyChartProvider>
                <Layout />
              </StudyChartProvider>
            </ChartProvider>
          </StudyProvider>
        </AppStateProvider>
      </CommandsProvider>
    </DataVersionsProvider>
  );
}
