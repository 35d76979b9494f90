import { describe, expect, it } from 'vitest';
import {
  appCommandIds,
  appCommands,
  menuRoleShortcuts,
  roleAccelerator,
  shortcutGroups,
} from '../../../src/shared/domain/app-commands';

describe('shortcutGroups: the shortcuts overlay, derived from the one table', () => {
  const lines = (mac: boolean) => shortcutGroups(mac).flatMap((g) => g.lines);

  it('lists Settings (Ctrl/⌘+,) and every command that has an accelerator or a key, once each', () => {
    const all = lines(false);
    expect(all.find((l) => l.id === 'app.settings')).toEqual({
      id: 'app.settings',
      label: 'Settings',
      accelerators: ['CmdOrCtrl+,'],
      keys: [],
    });
    const withShortcut = appCommandIds.filter((id) => {
      const spec: { accelerator: string | null; key?: string } = appCommands[id];
      return spec.accelerator !== null || spec.key !== undefined;
    });
    expect(withShortcut.length).toBeGreaterThan(10);
    for (const id of withShortcut)
      expect(
        all.filter((l) => l.id === id),
        id,
      ).toHaveLength(1);
    // A command without a shortcut is not a line of the overlay.
    expect(all.some((l) => l.id === 'export.csv')).toBe(false);
    expect(all.find((l) => l.id === 'view.logScale')).toMatchObject({ accelerators: [], keys: ['L'] });
  });

  it("lists the menu's own items with a shortcut under Edit (undo, copy, …) and View (zoom, full screen), per platform", () => {
    for (const mac of [false, true])
      for (const [role, spec] of Object.entries(menuRoleShortcuts)) {
        const group = shortcutGroups(mac).find((g) => g.title === (spec.group === 'edit' ? 'Edit' : 'View'))!;
        const macOnly = 'macOnly' in spec && spec.macOnly;
        expect(
          group.lines.some((l) => l.id === `role.${role}`),
          role,
        ).toBe(mac || !macOnly);
      }
    expect(lines(false).find((l) => l.id === 'role.copy')).toMatchObject({
      label: 'Copy',
      accelerators: ['CmdOrCtrl+C'],
    });
    expect(lines(false).find((l) => l.id === 'role.togglefullscreen')!.accelerators).toEqual(['F11']);
    expect(lines(true).find((l) => l.id === 'role.togglefullscreen')!.accelerators).toEqual(['Control+Command+F']);
    expect(roleAccelerator('zoomIn', true)).toBe('CmdOrCtrl+Plus');
  });

  it('names every group and leaves none empty', () => {
    const groups = shortcutGroups(false);
    expect(groups.map((g) => g.title)).toEqual(['General', 'File', 'Edit', 'Export', 'View', 'Data', 'Help']);
    for (const g of groups) expect(g.lines.length).toBeGreaterThan(0);
  });
});
