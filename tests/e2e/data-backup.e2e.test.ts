import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const STATUS = 'footer.status-bar';

describe('Data ▸ Back Up Now (the data.backup menu command)', () => {
  let app: RendererWithMainServices;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'catalyst-backup-e2e-'));
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true }, dbPath: join(dir, 'catalyst.db') });
    await app.page.locator('[data-testid="chart-annotations"][data-symbol="HSTECH.HK"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup next to the database and says which file in the status bar', async () => {
    // The native menu's item sends the command as a push event, exactly as here.
    app.core.push.emit('app.command', { command: 'data.backup' });
    const status = app.page.locator(STATUS);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Backed up: backups\//);
    const files = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('-manual.db'));
    expect(files).toHaveLength(1);
    const text = (await status.textContent())!;
    expect(text).toContain(`backups/${files[0]} in the data folder`);
    // The copy is a complete database holding the seeded study.
    const copy = new BetterSqlite3(join(dir, 'backups', files[0]!), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM studies').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
    expect(statSync(join(dir, 'backups', files[0]!)).size).toBeGreaterThan(0);
    await app.screenshot('data-backup-done-1400x860');
    await app.page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('data-backup-done-1024x700');
    expect(app.pageErrors).toEqual([]);
  });

  it("reports main's reason when the backup cannot be written, and the app keeps working", async () => {
    // A file where the backups folder should be: main cannot create the folder (unavailable).
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(dir, 'backups'), 'not a folder');
    app.core.push.emit('app.command', { command: 'data.backup' });
    const status = app.page.locator(STATUS);
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/^Backup failed: The backup could not be written/);
    expect(await status.textContent()).not.toContain(dir);
    await app.screenshot('data-backup-failed-1024x700');
    rmSync(join(dir, 'backups'), { force: true });
    app.core.push.emit('app.command', { command: 'data.backup' });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Backed up: /);
    expect(app.pageErrors).toEqual([]);
  });

  it('Settings ▸ Back up now writes another backup and says which file in the dialog', async () => {
    const { page } = app;
    const before = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('-manual.db'));
    app.core.push.emit('app.command', { command: 'app.settings' });
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    const status = dialog.locator('.settings-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Backed up: backups\//);
    const after = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('-manual.db'));
    const added = after.filter((f) => !before.includes(f));
    // Backups are named to the second: a second one in the same second replaces the name, never fails.
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    expect(await status.textContent()).toContain(`backups/${(added[0] ?? after.at(-1))!}`);
    await app.screenshot('data-backup-settings-1024x700');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });
});
