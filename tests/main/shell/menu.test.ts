import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMenuTemplate, type MenuOptions } from '../../../src/main/shell/menu';
import { appCommandIds, appCommands, shortcutGroups } from '../../../src/shared/domain/app-commands';

function options(over: Partial<MenuOptions> = {}): MenuOptions & { calls: string[] } {
  const calls: string[] = [];
  return {
    isMac: false,
    dev: false,
    send: (c) => calls.push(`send:${c}`),
    open: (k) => calls.push(`open:${k}`),
    recentFiles: [],
    openRecent: (p) => calls.push(`recent:${p}`),
    clearRecent: () => calls.push('clear-recent'),
    openDataFolder: () => calls.push('data-folder'),
    backupNow: () => calls.push('backup'),
    about: () => calls.push('about'),
    theme: 'system',
    calls,
    ...over,
  };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  flatten(items).flatMap((i) => (i.role ? [i.role] : []));
const byId = (items: MenuItemConstructorOptions[], id: string) => flatten(items).find((i) => i.id === id)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('createMenuTemplate', () => {
  it('offers reload and developer tools in development only', () => {
    for (const isMac of [false, true]) {
      const prod = roles(createMenuTemplate(options({ isMac })));
      expect(prod).not.toContain('reload');
      expect(prod).not.toContain('forceReload');
      expect(prod).not.toContain('toggleDevTools');
      expect(roles(createMenuTemplate(options({ isMac, dev: true })))).toEqual(
        expect.arrayContaining(['reload', 'toggleDevTools']),
      );
    }
  });

  it('follows each platform: File, Edit, View, Data, Window, Help; Quit under File and About under Help except on macOS', () => {
    const linux = createMenuTemplate(options());
    expect(linux.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'View', 'Data', 'windowMenu', 'help']);
    expect(roles([linux[0]!])).toEqual(['quit']);
    expect(byId([linux[5]!], 'about')).toBeTruthy();
    const mac = createMenuTemplate(options({ isMac: true }));
    expect(mac.map((i) => i.label ?? i.role)).toEqual([
      'Catalyst',
      'File',
      'Edit',
      'View',
      'Data',
      'windowMenu',
      'help',
    ]);
    expect(roles([mac[0]!])).toContain('quit');
    expect(byId([mac[0]!], 'about')).toBeTruthy();
    expect(roles([mac[1]!])).toEqual(['close']);
    expect(flatten([mac[6]!]).some((i) => i.id === 'about')).toBe(false);
  });

  it('spells out the Edit menu so each shortcut is in the one table (Paste and Match Style on macOS only)', () => {
    const edit = (isMac: boolean) => roles([createMenuTemplate(options({ isMac })).find((i) => i.label === 'Edit')!]);
    expect(edit(false)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(edit(true)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
    const undo = flatten(createMenuTemplate(options())).find((i) => i.role === 'undo')!;
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('gives every item a role, a submenu or a handler that does something', () => {
    for (const isMac of [false, true]) {
      const o = options({ isMac, recentFiles: ['/home/u/a.catalyst.json'] });
      for (const item of flatten(createMenuTemplate(o))) {
        if (item.type === 'separator' || item.role || Array.isArray(item.submenu)) continue;
        expect(item.click, `${item.label}`).toBeTypeOf('function');
        const before = o.calls.length;
        click(item);
        expect(o.calls.length, `${item.label} calls back`).toBe(before + 1);
      }
    }
  });

  it('sends every menu command the window carries out, with its label and accelerator from the one table', () => {
    const o = options();
    const items = flatten(createMenuTemplate(o));
    const viaWindow = appCommandIds.filter((id) => !id.startsWith('file.') && id !== 'data.backup');
    for (const id of viaWindow) {
      const item = byId(items, id);
      expect(item, id).toBeTruthy();
      expect(item.label).toBe(appCommands[id].label);
      expect(item.accelerator ?? null).toBe(appCommands[id].accelerator);
      click(item);
      expect(o.calls.at(-1)).toBe(`send:${id}`);
    }
  });

  it('puts Toggle Toolbar in View beside the panel toggles, sending its command to the window', () => {
    for (const isMac of [false, true]) {
      const o = options({ isMac });
      const view = createMenuTemplate(o).find((i) => i.label === 'View')!;
      const ids = (view.submenu as MenuItemConstructorOptions[]).map((i) => i.id);
      const at = ids.indexOf('view.toggleToolbar');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(ids.slice(at, at + 3)).toEqual(['view.toggleToolbar', 'view.toggleSidebar', 'view.toggleDetails']);
      const item = byId([view], 'view.toggleToolbar');
      expect(item.accelerator).toBe('CmdOrCtrl+Shift+B');
      click(item);
      expect(o.calls.at(-1)).toBe('send:view.toggleToolbar');
    }
  });

  it('uses the conventional shortcuts, each once, and never a bare key that would swallow typing', () => {
    const accelerators = flatten(createMenuTemplate(options()))
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
    // A modifier, or a function key: never a bare key that would swallow typing.
    for (const a of accelerators) expect(a).toMatch(/^((CmdOrCtrl|Alt|Shift|Control)\+|F\d+$)/);
    const acc = (id: string) => byId(createMenuTemplate(options()), id).accelerator;
    expect(acc('file.open')).toBe('CmdOrCtrl+O');
    expect(acc('export.png')).toBe('CmdOrCtrl+Shift+S');
    expect(acc('export.pdf')).toBe('CmdOrCtrl+P');
  });

  it('opens files through the shell: Open…, the imports and recent files', () => {
    const o = options({ recentFiles: ['/data/lists/tech.txt', 'C:\\Users\\me\\study.catalyst.json'] });
    const t = createMenuTemplate(o);
    click(byId(t, 'file.open'));
    click(byId(t, 'file.importWatchlist'));
    click(byId(t, 'file.importPrices'));
    click(byId(t, 'file.importStudy'));
    click(byId(t, 'file.newStudyFromArticle'));
    expect(byId(t, 'recent-0').label).toBe('tech.txt');
    expect(byId(t, 'recent-1').label).toBe('study.catalyst.json');
    click(byId(t, 'recent-1'));
    expect(o.calls).toEqual([
      'open:any',
      'open:watchlist',
      'open:prices',
      'open:study',
      'open:article',
      'recent:C:\\Users\\me\\study.catalyst.json',
    ]);
    expect(byId(createMenuTemplate(options()), 'recent-clear').enabled).toBe(false);
  });

  it('checks the chosen theme', () => {
    const t = createMenuTemplate(options({ theme: 'dark' }));
    expect(byId(t, 'view.theme.dark').checked).toBe(true);
    expect(byId(t, 'view.theme.light').checked).toBe(false);
  });

  it('declares no shortcut the shortcuts overlay does not list (both platforms)', () => {
    for (const isMac of [false, true]) {
      const listed = new Set(shortcutGroups(isMac).flatMap((g) => g.lines.flatMap((l) => l.accelerators)));
      const inMenu = flatten(createMenuTemplate(options({ isMac, dev: true })))
        .map((i) => i.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(inMenu.length).toBeGreaterThan(10);
      for (const a of inMenu) expect(listed, a).toContain(a);
      // Settings has its shortcut on both platforms (the app menu on macOS, File elsewhere).
      expect(inMenu).toContain('CmdOrCtrl+,');
    }
  });
});
