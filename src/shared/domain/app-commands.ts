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

/**
 * The menu's items that Electron carries out itself (a `role`) and that have a shortcut: the
 * template (src/main/shell/menu.ts) gives each this accelerator (Electron's own default, made
 * explicit), so the shortcuts overlay lists them from here too, under their menu (`group`).
 * `macOnly` items are in the macOS menu only.
 */
export const menuRoleShortcuts = {
  undo: { group: 'edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  redo: { group: 'edit', label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z' },
  cut: { group: 'edit', label: 'Cut', accelerator: 'CmdOrCtrl+X' },
  copy: { group: 'edit', label: 'Copy', accelerator: 'CmdOrCtrl+C' },
  paste: { group: 'edit', label: 'Paste', accelerator: 'CmdOrCtrl+V' },
  pasteAndMatchStyle: {
    group: 'edit',
    label: 'Paste and Match Style',
    accelerator: 'Alt+Shift+CmdOrCtrl+V',
    macOnly: true,
  },
  selectAll: { group: 'edit', label: 'Select All', accelerator: 'CmdOrCtrl+A' },
  resetZoom: { group: 'view', label: 'Actual Size', accelerator: 'CmdOrCtrl+0' },
  zoomIn: { group: 'view', label: 'Zoom In', accelerator: 'CmdOrCtrl+Plus' },
  zoomOut: { group: 'view', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
  togglefullscreen: {
    group: 'view',
    label: 'Toggle Full Screen',
    accelerator: 'F11',
    macAccelerator: 'Control+Command+F',
  },
} as const satisfies Record<
  string,
  {
    readonly group: 'edit' | 'view';
    readonly label: string;
    readonly accelerator: string;
    readonly macAccelerator?: string;
    readonly macOnly?: boolean;
  }
>;
export type MenuRoleWithShortcut = keyof typeof menuRoleShortcuts;

/** A role's accelerator on this platform. */
export function roleAccelerator(role: MenuRoleWithShortcut, mac: boolean): string {
  const spec: { readonly accelerator: string; readonly macAccelerator?: string } = menuRoleShortcuts[role];
  return (mac ? spec.macAccelerator : undefined) ?? spec.accelerator;
}

type CommandGroup = AppCommandId extends `${infer G}.${string}` ? G : never;

/** The overlay's heading for each command group (the id's prefix); a new prefix fails to compile until named here. */
const groupTitles: Readonly<Record<CommandGroup | 'edit', string>> = {
  app: 'General',
  file: 'File',
  edit: 'Edit',
  export: 'Export',
  view: 'View',
  data: 'Data',
  help: 'Help',
};

/** One line of the shortcuts overlay: what it does, its accelerators (Electron syntax) and bare keys. */
export interface ShortcutLine {
  readonly id: string;
  readonly label: string;
  readonly accelerators: readonly string[];
  readonly keys: readonly string[];
}

/**
 * Every shortcut the menu declares, grouped as the overlay shows them: each app command with an
 * accelerator or a bare key (from {@link appCommands}) and each role item with its shortcut (from
 * {@link menuRoleShortcuts}, under Edit or View; the macOS-only ones on a Mac only). Derived,
 * never listed a second time.
 */
export function shortcutGroups(
  mac: boolean,
): ReadonlyArray<{ readonly title: string; readonly lines: ShortcutLine[] }> {
  const groups = new Map<string, ShortcutLine[]>(Object.values(groupTitles).map((t) => [t, []]));
  for (const id of appCommandIds) {
    const spec: AppCommandSpec = appCommands[id];
    if (!spec.accelerator && !spec.key) continue;
    groups.get(groupTitles[id.slice(0, id.indexOf('.')) as CommandGroup])!.push({
      id,
      label: spec.label.replace(/…$/, ''),
      accelerators: spec.accelerator ? [spec.accelerator] : [],
      keys: spec.key ? [spec.key] : [],
    });
  }
  for (const role of Object.keys(menuRoleShortcuts) as MenuRoleWithShortcut[]) {
    const spec: { readonly group: 'edit' | 'view'; readonly macOnly?: boolean } = menuRoleShortcuts[role];
    if (spec.macOnly && !mac) continue;
    groups.get(groupTitles[spec.group])!.push({
      id: `role.${role}`,
      label: menuRoleShortcuts[role].label,
      accelerators: [roleAccelerator(role, mac)],
      keys: [],
    });
  }
  return [...groups].filter(([, lines]) => lines.length > 0).map(([title, lines]) => ({ title, lines }));
}
