import { useState } from 'react';
import { ChartView } from '../features/chart/chart-view';
import type { ChartHandle } from '../features/chart/price-chart';
import { InstrumentInfo } from '../features/instruments/instrument-info';
import { InstrumentList } from '../features/instruments/instrument-list';
import { Tabs, type Tab } from '../ui/tabs';
import { AppStateProvider, useAppState } from './app-state';
import { useTheme } from './use-theme';

/** Side-panel tabs; each feature adds its panel here. */
const sideTabs: readonly Tab[] = [{ id: 'info', label: 'Info', render: () => <InstrumentInfo /> }];

function Layout() {
  const theme = useTheme();
  const { status } = useAppState();
  const [, setChart] = useState<ChartHandle | null>(null);
  return (
    <div className={`app theme-${theme}`} data-theme={theme}>
      <header className="toolbar">
        <span className="brand">Catalyst</span>
        <div className="toolbar-actions" />
      </header>
      <aside className="sidebar">
        <h2>Instruments</h2>
        <InstrumentList />
      </aside>
      <main className="chart-area">
        <ChartView theme={theme} onReady={setChart} />
      </main>
      <aside className="side-panel">
        <Tabs tabs={sideTabs} label="Details" />
      </aside>
      <footer className="status-bar" role="status">
        {status}
      </footer>
    </div>
  );
}

export function App() {
  return (
    <AppStateProvider>
      <Layout />
    </AppStateProvider>
  );
}
