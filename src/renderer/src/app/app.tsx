import { useCallback, useEffect, type MouseEvent, type ReactNode } from 'react';
import { appCommands } from '../../../shared/domain/app-commands';
import { api } from '../api/client';
import { ArticleEntry } from '../features/article/article-entry';
import { BarsImportHost } from '../features/bars-import/bars-import-host';
import { EventsImportHost } from '../features/events-import/events-import-host';
import { useBackupCommand } from '../features/data-backup/use-backup-command';
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
import { ShareMenu } from '../features/share/share-menu';
import { SyncPanel } from '../features/sync/sync-panel';
import { SyncToolbar } from '../features/sync/sync-toolbar';
import { useSyncCommands } from '../features/sync/use-sync-commands';
import { useToolbar } from './use-toolbar';
import { WatchlistsPanel } from '../features/watchlists/watchlists-panel';
import { Splitter } from '../ui/splitter';
import { Tabs, type Tab } from '../ui/tabs';
import { AppStateProvider, useAppState } from './app-state';
import { formatShortcut } from './commands';
import { CommandsProvider, useCommands } from './commands-context';
import { SettingsProvider } from './settings-context';
import { WorkspaceProvider, useWorkspace } from './workspace-context';
import { DataVersionsProvider } from './data-versions-context';
import { ShortcutsOverlay } from '../features/shortcuts/shortcuts-overlay';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { ProviderSettings } from '../features/sync/provider-settings';
import { PANEL_LIMITS } from './side-panels';
import { useSidePanels } from './use-side-panels';
import { notSupportedMessage, useFileOpenRoute, type OpenedFile } from './file-open';
import { useTheme } from './use-theme';
import { useThemeTokens } from './use-theme-tokens';

/** Side-panel tabs; each feature adds its panel here. */
const sideTabs: readonly Tab[] = [
  { id: 'events', label: 'Events', render: () => <EventsPanel /> },
  { id: 'claims', label: 'Claims', render: () => <ClaimsPanel /> },
  { id: 'event-study', label: 'Event study', render: () => <EventStudyView /> },
  { id: 'info', label: 'Info', render: () => <InstrumentInfo /> },
  { id: 'updates', label: 'Updates', render: () => <SyncPanel /> },
];

const isMac = () => /Mac/.test(navigator.platform);

/**
 * The skip link's target: the chart's own keyboard surface when there is one (so ←/→, [ and ]
 * work at once), else the chart region. No URL hash is set (the app has no routes).
 */
function skipToChart(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  const main = document.getElementById('chart');
  (main?.querySelector<HTMLElement>('[data-chart-focus]') ?? main)?.focus();
}

/** A toolbar button that shows or hides one side panel (the icon marks which side). */
function PanelToggle({
  side,
  label,
  command,
  open,
  onToggle,
}: {
  side: 'left' | 'right';
  label: string;
  command: 'view.toggleSidebar' | 'view.toggleDetails';
  open: boolean;
  onToggle(): void;
}) {
  const x = side === 'left' ? 2 : 10;
  const accelerator = appCommands[command].accelerator;
  return (
    <button
      type="button"
      className="icon-button panel-toggle"
      aria-label={`${open ? 'Hide' : 'Show'} ${label}`}
      aria-pressed={open}
      aria-keyshortcuts={accelerator.replace('CmdOrCtrl', isMac() ? 'Meta' : 'Control')}
      title={`${open ? 'Hide' : 'Show'} ${label} (${formatShortcut(accelerator, isMac())})`}
      onClick={onToggle}
      data-panel-toggle={side}
    >
      <svg width="16" height="14" viewBox="0 0 16 14" aria-hidden="true">
        <rect x="0.5" y="0.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" />
        <rect x={x} y="2" width="4" height="10" rx="1" fill="currentColor" opacity={open ? 1 : 0.35} />
      </svg>
    </button>
  );
}

/** Opens the Settings view (the same command as the menu's Settings… and Ctrl/⌘+,). */
function SettingsButton() {
  const commands = useCommands();
  const accelerator = appCommands['app.settings'].accelerator;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Settings"
      aria-keyshortcuts={accelerator.replace('CmdOrCtrl', isMac() ? 'Meta' : 'Control')}
      title={`Settings (${formatShortcut(accelerator, isMac())})`}
      onClick={() => commands.run('app.settings')}
      data-testid="settings-button"
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path
          d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinecap="round"
        />
      </svg>
    </button>
  );
}

function Layout() {
  const theme = useTheme();
  useThemeTokens(theme);
  const { status, setStatus } = useAppState();
  const workspace = useWorkspace();
  const panels = useSidePanels();
  const { widths, prefs } = panels;
  const toolbar = useToolbar();
  // Data ▸ Update Prices / Cancel Update: mounted here so they work while the toolbar is hidden.
  const { startUpdate } = useSyncCommands();
  // Data ▸ Back Up Now: the result (or why it failed) goes to the status bar.
  useBackupCommand(setStatus);
  // Every file that reaches the window goes to the preview of its kind (app/file-open).
  useFileOpenRoute(
    useCallback((f: OpenedFile) => setStatus('error' in f ? f.error : notSupportedMessage(f)), [setStatus]),
    useCallback(
      (kept: string, ignored: number) =>
        setStatus(`Opening ${kept} (one file at a time; ${ignored} other file(s) ignored).`),
      [setStatus],
    ),
  );
  return (
    <div
      className={`app theme-${theme}`}
      data-theme={theme}
      style={{
        gridTemplateColumns: `${widths.sidebar}px minmax(0, 1fr) ${widths.details}px`,
        // A hidden toolbar is not mounted (nothing in it runs) and gives its row to the chart.
        ...(toolbar.hidden ? { gridTemplateRows: '0 minmax(0, 1fr) 24px' } : {}),
      }}
      data-toolbar={toolbar.hidden ? 'hidden' : 'shown'}
    >
      {/* The first tab stop: past the toolbar and the instruments, straight to the chart. */}
      <a className="skip-link" href="#chart" onClick={skipToChart}>
        Skip to chart
      </a>
      {!toolbar.hidden && (
        <header className="toolbar" aria-label="Toolbar">
          <PanelToggle
            side="left"
            label="instruments panel"
            command="view.toggleSidebar"
            open={!prefs.sidebar.collapsed}
            onToggle={() => panels.toggle('sidebar')}
          />
          <span className="brand">Catalyst</span>
          <StudyHeader />
          <div className="toolbar-actions">
            <ArticleEntry />
            <SyncToolbar startUpdate={startUpdate} />
            <ShareMenu />
            <SettingsButton />
            <PanelToggle
              side="right"
              label="details panel"
              command="view.toggleDetails"
              open={!prefs.details.collapsed}
              onToggle={() => panels.toggle('details')}
            />
          </div>
        </header>
      )}
      <aside className="sidebar" hidden={prefs.sidebar.collapsed} aria-label="Instruments" data-testid="sidebar">
        <div className="panel-scroll">
          <StudySidebar />
          <WatchlistsPanel />
        </div>
        <Splitter
          label="Instruments panel width"
          width={widths.sidebar}
          min={PANEL_LIMITS.sidebar.min}
          max={PANEL_LIMITS.sidebar.max}
          direction={1}
          onResize={(w) => panels.setWidth('sidebar', w)}
        />
      </aside>
      <main className="chart-area" id="chart" tabIndex={-1} aria-label="Chart">
        <StudyChartView />
      </main>
      <aside className="side-panel" hidden={prefs.details.collapsed} aria-label="Details" data-testid="details-panel">
        <Splitter
          label="Details panel width"
          width={widths.details}
          min={PANEL_LIMITS.details.min}
          max={PANEL_LIMITS.details.max}
          direction={-1}
          onResize={(w) => panels.setWidth('details', w)}
        />
        <div className="panel-scroll">
          <Tabs
            tabs={sideTabs}
            label="Details"
            initial={workspace.initial.sideTab}
            onSelect={(sideTab) => workspace.remember({ sideTab })}
          />
        </div>
      </aside>
      <footer className="status-bar" aria-label="Status">
        {/* The footer is the window's content-info landmark; the status text is a polite live region. */}
        <span role="status" aria-live="polite" className="status-text">
          {status}
        </span>
      </footer>
      <ShortcutsOverlay />
      <SettingsDialog providers={<ProviderSettings />} />
      <BarsImportHost />
      <EventsImportHost />
    </div>
  );
}

/**
 * Tells main the window is subscribed (`app.ready`): effects run children first, so by the
 * time this one runs every feature below has subscribed to its push events and main may send
 * what it held back during start-up.
 */
function ReadyWhenMounted({ children }: { children: ReactNode }) {
  useEffect(() => {
    api.app.ready().catch((e: unknown) => console.error('app.ready failed', e));
  }, []);
  return children;
}

export function App() {
  return (
    <DataVersionsProvider>
      <CommandsProvider>
        <SettingsProvider>
          <WorkspaceProvider>
            <ReadyWhenMounted>
              <AppStateProvider>
                <StudyProvider>
                  <ChartProvider>
                    <StudyChartProvider>
                      <Layout />
                    </StudyChartProvider>
                  </ChartProvider>
                </StudyProvider>
              </AppStateProvider>
            </ReadyWhenMounted>
          </WorkspaceProvider>
        </SettingsProvider>
      </CommandsProvider>
    </DataVersionsProvider>
  );
}
