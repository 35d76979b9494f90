/**
 * Commands a user can give from the native menu, a keyboard shortcut or the UI. The menu (a
 * pure template in src/main/shell/menu.ts) sends the ones the window carries out as the
 * `app.command` push event; each has one label and one conventional shortcut, shown in the
 * shortcuts overlay too, so the menu and the app never disagree.
 */
/** One command: its menu label, its menu accelerator (always with a modifier), its in-app key. */
export interface AppCommandSpec {
  readonly label: string;
  /** Electron accelerator syntax; null where the platform has no convention. */
  readonly accelerator: string | null;
  /**
   * A bare key the window handles itself when focus is not in a text field. Never a menu
   * accelerator: a bare-key accelerator would swallow that key while the user types.
   */
  readonly key?: string;
}

export const appCommands = {
  'app.settings': { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  'file.open': { label: 'Open…', accelerator: 'CmdOrCtrl+O' },
  'file.importWatchlist': { label: 'Import Watchlist…', accelerator: 'CmdOrCtrl+Shift+O' },
  'file.importPrices': { label: 'Import Prices CSV…', accelerator: null },
  'file.importStudy': { label: 'Import Study…', accelerator: null },
  'file.newStudyFromArticle': { label: 'New Study from Article…', accelerator: 'CmdOrCtrl+N' },
  'export.png': { label: 'Export Chart as PNG…', accelerator: 'CmdOrCtrl+Shift+S' },
  'export.pdf': { label: 'Export Report as PDF…', accelerator: 'CmdOrCtrl+P' },
  'export.csv': { label: 'Export CSV…', accelerator: null },
  'view.range.1M': { label: '1 Month', accelerator: null, key: '1' },
  'view.range.3M': { label: '3 Months', accelerator: null, key: '2' },
  'view.range.6M': { label: '6 Months', accelerator: null, key: '3' },
  'view.range.YTD': { label: 'Year to Date', accelerator: null, key: '4' },
  'view.range.1Y': { label: '1 Year', accelerator: null, key: '5' },
  'view.range.All': { label: 'All', accelerator: null, key: '6' },
  'view.logScale': { label: 'Log Scale', accelerator: null, key: 'L' },
  'view.compare': { label: 'Compare…', accelerator: 'CmdOrCtrl+K' },
  'view.theme.system': { label: 'System Theme', accelerator: null },
  'view.theme.light': { label: 'Light Theme', accelerator: null },
  'view.theme.dark': { label: 'Dark Theme', accelerator: null },
  'view.toggleToolbar': { label: 'Toggle Toolbar', accelerator: 'CmdOrCtrl+Shift+B' },
  'view.toggleSidebar': { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+B' },
  'view.toggleDetails': { label: 'Toggle Details Panel', accelerator: 'CmdOrCtrl+Alt+B' },
  'data.update': { label: 'Update Prices', accelerator: 'CmdOrCtrl+U' },
  'data.cancelUpdate': { label: 'Cancel Update', accelerator: null },
  'data.backup': { label: 'Back Up Now…', accelerator: null },
  'help.shortcuts': { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/' },
} as const satisfies Record<string, AppCommandSpec>;

export type AppCommandId = keyof typeof appCommands;
export const appCommandIds = Object.keys(appCommands) as AppCommandId[];

/** The push event's payload: which command the menu gave. */
export interface AppCommandEvent {
  readonly command: AppCommandId;
}
