import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** macOS gets the app menu and keeps Quit there. */
  readonly isMac: boolean;
  /** Development build: reload and developer tools are offered; never in a packaged app. */
  readonly dev: boolean;
}

/**
 * The application menu as a template of Electron's standard roles only, so every item works
 * without app code. Reload and developer tools exist in development only: in a packaged
 * app the renderer is not meant to be inspected or re-run by accident.
 */
export function createMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
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
