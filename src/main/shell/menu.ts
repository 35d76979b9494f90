import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** macOS gets the app menu and keeps Quit there. */
  readonly isMac: boolean;
  /** Development build: reload and developer tools are offered; never in a packaged app. */
  readonly dev: boolean;
  /** File ▸ Import Watchlist…: the shell shows an open dialog and sends the file to the window. */
  readonly onImportWatchlist: () => void;
  /** File ▸ Open…: any file the app reads (study, watchlist, price or events CSV), routed by its kind. */
  readonly onOpenFile?: () => void;
}

/**
 * The application menu: Electron's standard roles plus File ▸ Import Watchlist…. Reload and developer tools exist in development only: in a packaged
 * app the renderer is not meant to be inspected or re-run by accident.
 */
export function createMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        {
          id: 'import-watchlist',
          label: 'Import Watchlist…',
          accelerator: 'CmdOrCtrl+O',
          click: () => options.onImportWatchlist(),
        },
        ...(options.onOpenFile
          ? [
              {
                id: 'open-file',
                label: 'Open…',
                accelerator: 'CmdOrCtrl+Shift+O',
                click: () => options.onOpenFile?.(),
              },
            ]
          : []),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Catalyst' }] },
  ];
}
