import { describe, expect, it } from 'vitest';
import { commandForKey, CommandRegistry, formatShortcut } from '../../../src/renderer/src/app/commands';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('command registry', () => {
  it('runs the latest handler and gives the command back when it unregisters', () => {
    const r = new CommandRegistry();
    const seen: string[] = [];
    expect(r.run('export.png')).toBe(false);
    const off1 = r.register('export.png', () => seen.push('chart'));
    const off2 = r.register('export.png', () => seen.push('dialog'));
    expect(r.run('export.png')).toBe(true);
    off2();
    r.run('export.png');
    off1();
    expect(r.has('export.png')).toBe(false);
    expect(seen).toEqual(['dialog', 'chart']);
  });

  it('tells subscribers when handlers come and go', () => {
    const r = new CommandRegistry();
    let n = 0;
    r.subscribe(() => n++);
    r.register('data.update', () => undefined)();
    expect(n).toBe(2);
  });
});

describe('keys to commands', () => {
  const desktop = { mac: false, nativeMenu: true, typing: false };
  const web = { mac: false, nativeMenu: false, typing: false };

  it('maps bare keys outside text fields only, case-insensitively', () => {
    expect(commandForKey(key('3'), desktop)).toBe('view.range.6M');
    expect(commandForKey(key('l'), desktop)).toBe('view.logScale');
    expect(commandForKey(key('3'), { ...desktop, typing: true })).toBeNull();
    expect(commandForKey(key('3', { ctrlKey: true }), desktop)).toBeNull();
  });

  it('leaves menu accelerators to the native menu, and handles them in a browser', () => {
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }), desktop)).toBeNull();
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }), web)).toBe('export.png');
    expect(commandForKey(key('s', { ctrlKey: true }), web)).toBeNull();
    expect(commandForKey(key('p', { metaKey: true }), { ...web, mac: true })).toBe('export.pdf');
    expect(commandForKey(key('p', { ctrlKey: true }), { ...web, mac: true })).toBeNull();
  });

  it('toggles the toolbar with Ctrl/Cmd+Shift+B, kept apart from the panels’ Ctrl/Cmd+B and Ctrl/Cmd+Alt+B', () => {
    expect(commandForKey(key('B', { ctrlKey: true, shiftKey: true }), web)).toBe('view.toggleToolbar');
    expect(commandForKey(key('b', { metaKey: true, shiftKey: true }), { ...web, mac: true })).toBe(
      'view.toggleToolbar',
    );
    expect(commandForKey(key('b', { ctrlKey: true }), web)).toBe('view.toggleSidebar');
    expect(commandForKey(key('b', { ctrlKey: true, altKey: true }), web)).toBe('view.toggleDetails');
    // With a native menu, the menu's accelerator gives it (no double toggle).
    expect(commandForKey(key('B', { ctrlKey: true, shiftKey: true }), desktop)).toBeNull();
  });

  it('writes shortcuts as each platform does', () => {
    expect(formatShortcut('CmdOrCtrl+Shift+S', true)).toBe('⌘⇧S');
    expect(formatShortcut('CmdOrCtrl+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(formatShortcut('CmdOrCtrl+Alt+B', false)).toBe('Ctrl+Alt+B');
    expect(formatShortcut('Control+Command+F', true)).toBe('⌃⌘F');
    expect(formatShortcut('CmdOrCtrl+Plus', false)).toBe('Ctrl++');
    expect(formatShortcut('F11', false)).toBe('F11');
  });
});
