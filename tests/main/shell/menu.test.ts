import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMenuTemplate } from '../../../src/main/shell/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

describe('createMenuTemplate', () => {
  it('offers reload and developer tools in development only', () => {
    for (const isMac of [false, true]) {
      const prod = roles(createMenuTemplate({ isMac, dev: false, onImportWatchlist: () => undefined }));
      expect(prod).not.toContain('reload');
      expect(prod).not.toContain('forceReload');
      expect(prod).not.toContain('toggleDevTools');
      const dev = roles(createMenuTemplate({ isMac, dev: true, onImportWatchlist: () => undefined }));
      expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('has File, Edit, View, Window and Help, with Quit under File except on macOS', () => {
    const linux = createMenuTemplate({ isMac: false, dev: false, onImportWatchlist: () => undefined });
    expect(linux.map((i) => i.label ?? i.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(roles([linux[0]!])).toEqual(['quit']);
    const mac = createMenuTemplate({ isMac: true, dev: false, onImportWatchlist: () => undefined });
    expect(mac.map((i) => i.label ?? i.role)).toEqual(['appMenu', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(roles([mac[1]!])).toEqual(['close']);
  });

  it('File ▸ Import Watchlist… (Ctrl/Cmd+O) calls the shell back', () => {
    let calls = 0;
    const [file] = createMenuTemplate({ isMac: false, dev: false, onImportWatchlist: () => calls++ });
    const item = (file!.submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'import-watchlist')!;
    expect(item).toMatchObject({ label: 'Import Watchlist…', accelerator: 'CmdOrCtrl+O' });
    (item.click as () => void)();
    expect(calls).toBe(1);
  });
});
