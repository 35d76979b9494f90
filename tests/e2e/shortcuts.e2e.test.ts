import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortcutGroups } from '../../src/shared/domain/app-commands';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const OVERLAY = '[data-testid="chart-annotations"]';

describe('commands: the menu, the keys and the shortcuts overlay', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true }, viewport: { width: 1024, height: 700 } });
    await app.page.locator(`${OVERLAY}[data-symbol="HSTECH.HK"]`).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  const visible = () =>
    app.page
      .locator(OVERLAY)
      .evaluate((el) => [el.getAttribute('data-visible-from'), el.getAttribute('data-visible-to')]);

  it('opens the shortcuts overlay with ?, keeps focus inside, closes with Escape and gives focus back', async () => {
    const { page } = app;
    const opener = page.getByRole('button', { name: 'Log' });
    await opener.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Export Chart as PNG');
    expect(await dialog.textContent()).toContain('Ctrl+Shift+S');
    // Its title and Close stay in view; the list scrolls between them.
    for (const el of [
      dialog.getByRole('heading', { name: 'Keyboard shortcuts' }),
      dialog.getByRole('button', { name: 'Close' }),
    ])
      expect(
        await el.evaluate((e) => {
          const r = e.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      ).toBe(true);
    await app.screenshot('shortcuts-overlay-1024x700');
    // Every shortcut the menu declares is a line, Settings included (Ctrl+, off a Mac).
    const listed = await dialog
      .locator('[data-shortcut]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shortcut')));
    expect(listed.sort()).toEqual(
      shortcutGroups(false)
        .flatMap((g) => g.lines.map((l) => l.id))
        .sort(),
    );
    expect(await dialog.locator('[data-shortcut="app.settings"]').textContent()).toBe('SettingsCtrl+,');
    expect(await dialog.locator('[data-shortcut="role.togglefullscreen"] kbd').textContent()).toBe('F11');
    // The list scrolls inside the dialog at 1024×700: its last line can be reached.
    const last = dialog.locator('.shortcut-row').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1400, height: 860 });
    await app.screenshot('shortcuts-overlay-1400x860');
    await page.setViewportSize({ width: 1024, height: 700 });
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('runs the menu command the main process sends (app.command)', async () => {
    app.core.push.emit('app.command', { command: 'help.shortcuts' });
    const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('changes the range with 1–6 and the scale with L', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 5, y: 695 } });
    await page.keyboard.press('6');
    await expect.poll(visible).not.toEqual([null, null]);
    const all = await visible();
    await page.keyboard.press('1');
    await expect.poll(visible).not.toEqual(all);
    const oneMonth = await visible();
    expect(oneMonth[0]! > all[0]!).toBe(true);
    const log = page.getByRole('button', { name: 'Log' });
    expect(await log.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('l');
    await expect.poll(() => log.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('l');
    await expect.poll(() => log.getAttribute('aria-pressed')).toBe('false');
    expect(app.pageErrors).toEqual([]);
  });
});
