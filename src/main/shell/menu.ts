import type { MenuItemConstructorOptions } from 'electron';
import {
  appCommands,
  roleAccelerator,
  type AppCommandId,
  type MenuRoleWithShortcut,
} from '../../shared/domain/app-commands';
import type { OpenKind } from '../../shared/file-kind';

/** What File ▸ Open… and the import items ask the shell to open (src/shared/file-kind.ts `openChoices`). */
export type { OpenKind };

export interface MenuOptions {
  /** macOS gets the app menu and keeps Quit there. */
  readonly isMac: boolean;
  /** Development build: reload and developer tools are offered; never in a packaged app. */
  readonly dev: boolean;
  /** A command the window carries out (sent as the `app.command` push event). */
  readonly send: (command: AppCommandId) => void;
  /** File ▸ Open… and the imports: the shell shows an open dialog and routes the file to the window. */
  readonly open: (kind: OpenKind) => void;
  /** Recent files, newest first (at most ten are shown). */
  readonly recentFiles: readonly string[];
  readonly openRecent: (path: string) => void;
  readonly clearRecent: () => void;
  /** Data ▸ Open Data Folder: the user-data folder in the OS file manager. */
  readonly openDataFolder: () => void;
  /** Data ▸ Back Up Now…: an online backup of the database, then a message with where it is. */
  readonly backupNow: () => void;
  /** Help ▸ About Catalyst: version, data sources and licences. */
  readonly about: () => void;
  /** The theme the user chose, for the radio items. */
  readonly theme: 'system' | 'light' | 'dark';
}

/** A menu item for an app command: its label and accelerator come from the one table. */
function command(o: MenuOptions, id: AppCommandId, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions {
  const spec = appCommands[id];
  return {
    id,
    label: spec.label,
    ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
    click: () => o.send(id),
    ...extra,
  };
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The application menu, built as plain data so it is tested without Electron. Platform
 * conventions: macOS has the app menu (About, Quit there), Windows and Linux File, Edit, View,
 * Data, Help with Quit under File and About under Help. Every item either has a role or calls
 * back; labels and accelerators of app commands come from src/shared/domain/app-commands.ts.
 * Reload and developer tools exist in development only.
 */
export function createMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const devItems: MenuItemConstructorOptions[] = o.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep]
    : [];
  const about: MenuItemConstructorOptions = { id: 'about', label: 'About Catalyst', click: () => o.about() };
  const recent: MenuItemConstructorOptions = {
    id: 'recent',
    label: 'Open Recent',
    submenu: [
      ...o.recentFiles.slice(0, 10).map((path, i): MenuItemConstructorOptions => ({
        id: `recent-${i}`,
        label: fileName(path),
        toolTip: path,
        click: () => o.openRecent(path),
      })),
      ...(o.recentFiles.length ? [sep] : []),
      { id: 'recent-clear', label: 'Clear Recent', enabled: o.recentFiles.length > 0, click: () => o.clearRecent() },
    ],
  };
  const open = (id: AppCommandId, kind: OpenKind): MenuItemConstructorOptions =>
    command(o, id, { click: () => o.open(kind) });
  // Electron's own item, with its shortcut from the one table (which the shortcuts overlay lists).
  const role = (r: MenuRoleWithShortcut): MenuItemConstructorOptions => ({
    role: r,
    accelerator: roleAccelerator(r, o.isMac),
  });
  const theme = (id: AppCommandId, value: MenuOptions['theme']): MenuItemConstructorOptions =>
    command(o, id, { type: 'radio', checked: o.theme === value });
  return [
    ...(o.isMac
      ? [
          {
            label: 'Catalyst',
            submenu: [
              about,
              sep,
              command(o, 'app.settings'),
              sep,
              { role: 'services' },
              sep,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              sep,
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [
        open('file.open', 'any'),
        recent,
        sep,
        open('file.importWatchlist', 'watchlist'),
        open('file.importPrices', 'prices'),
        open('file.importStudy', 'study'),
        open('file.newStudyFromArticle', 'article'),
        sep,
        command(o, 'export.png'),
        command(o, 'export.pdf'),
        command(o, 'export.csv'),
        sep,
        ...(o.isMac ? [] : [command(o, 'app.settings'), sep]),
        o.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        role('undo'),
        role('redo'),
        sep,
        role('cut'),
        role('copy'),
        role('paste'),
        ...(o.isMac ? [role('pasteAndMatchStyle')] : []),
        { role: 'delete' },
        sep,
        role('selectAll'),
      ],
    },
    {
      label: 'View',
      submenu: [
        {
          label: 'Range',
          submenu: (
            [
              'view.range.1M',
              'view.range.3M',
              'view.range.6M',
              'view.range.YTD',
              'view.range.1Y',
              'view.range.All',
            ] as const
          ).map((id) => command(o, id)),
        },
        command(o, 'view.logScale'),
        command(o, 'view.compare'),
        sep,
        {
          label: 'Theme',
          submenu: [
            theme('view.theme.system', 'system'),
            theme('view.theme.light', 'light'),
            theme('view.theme.dark', 'dark'),
          ],
        },
        command(o, 'view.toggleToolbar'),
        command(o, 'view.toggleSidebar'),
        command(o, 'view.toggleDetails'),
        sep,
        ...devItems,
        role('resetZoom'),
        role('zoomIn'),
        role('zoomOut'),
        sep,
        role('togglefullscreen'),
      ],
    },
    {
      label: 'Data',
      submenu: [
        command(o, 'data.update'),
        command(o, 'data.cancelUpdate'),
        sep,
        { id: 'open-data-folder', label: 'Open Data Folder', click: () => o.openDataFolder() },
        command(o, 'data.backup', { click: () => o.backupNow() }),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [command(o, 'help.shortcuts'), ...(o.isMac ? [] : [sep, about])],
    },
  ];
}
