import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import { createCore, type Core } from '../../../../src/main/app/create-core';
import type { Envelope } from '../../../../src/shared/contract/index';
import type { EventStudyResult } from '../../../../src/shared/contract/research';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../../../../src/shared/domain/app-settings';
import type { Workspace } from '../../../../src/shared/domain/workspace';
import { useTempDir } from '../../../helpers/temp-db';

const SENDER = { url: 'test://page' };

describe('app settings, workspace and recent files through createCore and the real router', () => {
  const tmp = useTempDir();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });
  const open = (seed = false) =>
    (core = createCore({ dbPath: tmp.dbPath(), seedOnOpen: seed, isTrustedSender: () => true }));
  const call = async <T>(c: Core, name: string, input?: unknown) =>
    (await c.router.dispatch(name as never, input, SENDER)) as Envelope<T>;

  it('answers the defaults on a new database, and a change survives a restart', async () => {
    const c = open();
    const first = await call<AppSettings>(c, 'settings.get');
    expect(first).toEqual({ ok: true, value: DEFAULT_APP_SETTINGS });
    const pushed: unknown[] = [];
    c.push.attach((event, payload) => pushed.push([event, payload]));
    const changed = await call<AppSettings>(c, 'settings.update', {
      theme: 'dark',
      paperSize: 'Letter',
      csvBom: false,
      benchmarks: { 'Asia/Hong_Kong': 'HSTECH.HK' },
    });
    expect(changed.ok && changed.value).toMatchObject({
      theme: 'dark',
      paperSize: 'Letter',
      pngScale: 2,
      csvBom: false,
    });
    expect(pushed).toEqual([['data.changed', { kinds: ['settings'] }]]);
    await c.close();
    const again = open();
    expect(again.services.settings.get()).toMatchObject({
      theme: 'dark',
      paperSize: 'Letter',
      csvBom: false,
      benchmarks: { 'Asia/Hong_Kong': 'HSTECH.HK' },
      eventWindows: DEFAULT_APP_SETTINGS.eventWindows,
    });
  });

  it('refuses an invalid patch with a typed error naming the field, and changes nothing', async () => {
    const c = open();
    c.services.settings.update({ theme: 'light' });
    for (const bad of [
      { theme: 'pink' },
      { pngScale: 3 },
      { csvBom: 'no' },
      { eventWindows: [] },
      { eventWindows: [[5, 1]] },
      { benchmarks: { 'Europe/London': '^FTSE' } },
      { unknown: true },
    ]) {
      const r = await call<AppSettings>(c, 'settings.update', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-input');
    }
    expect(c.services.settings.get()).toEqual({ ...DEFAULT_APP_SETTINGS, theme: 'light' });
  });

  it('reads a damaged stored value field by field: the rest of the settings survive', async () => {
    const c = open();
    c.services.settings.update({ theme: 'dark', paperSize: 'Letter' });
    await c.close();
    core = null;
    const raw = new BetterSqlite3(tmp.dbPath());
    raw
      .prepare("UPDATE app_state SET value = ? WHERE key = 'settings'")
      .run(JSON.stringify({ theme: 'dark', paperSize: 'Tabloid', pngScale: 'big', eventWindows: 'x' }));
    raw.close();
    expect(open().services.settings.get()).toEqual({ ...DEFAULT_APP_SETTINGS, theme: 'dark' });
  });

  it('remembers the workspace and restores it; invalid fields are refused before anything is written', async () => {
    const c = open();
    expect(await call<Workspace>(c, 'workspace.get')).toEqual({ ok: true, value: {} });
    const ws: Workspace = {
      studyId: 'china-tech-rally-2025',
      selection: { kind: 'compare', symbols: ['BABA', '9988.HK'] as never, anchor: { kind: 'event', eventId: 'x' } },
      range: { from: '2025-01-02' as never, to: '2025-04-16' as never },
      logScale: true,
      sideTab: 'claims',
      panels: { sidebar: { width: 200, collapsed: false }, details: { width: 360, collapsed: true } },
      watchlistId: 3,
      toolbarHidden: true,
    };
    expect(await call(c, 'workspace.save', ws)).toEqual({ ok: true, value: { saved: true } });
    const bad = await call(c, 'workspace.save', { ...ws, range: { from: '2025-05-01', to: '2025-01-01' } });
    expect(bad.ok).toBe(false);
    expect((await call(c, 'workspace.save', { ...ws, toolbarHidden: 'yes' })).ok).toBe(false);
    await c.close();
    expect(open().services.settings.getWorkspace()).toEqual(ws);
  });

  it('keeps ten recent files, newest first, without duplicates, and clears them', () => {
    const c = open();
    for (let i = 0; i < 12; i++) c.services.settings.rememberFile(`/data/f${i}.csv`);
    c.services.settings.rememberFile('/data/f5.csv');
    const list = c.services.settings.recentFiles();
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/data/f5.csv');
    expect(list.filter((p) => p === '/data/f5.csv')).toHaveLength(1);
    c.services.settings.clearRecentFiles();
    expect(c.services.settings.recentFiles()).toEqual([]);
  });

  it('the event study uses the default windows and the benchmark per exchange from the settings', async () => {
    const c = open(true);
    const run = async () => {
      const r = await call<EventStudyResult>(c, 'eventStudy.run', { eventId: 'deepseek-r1-release' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const before = await run();
    expect(before.windows).toEqual([
      [-5, -1],
      [0, 1],
      [0, 5],
      [0, 20],
    ]);
    const hk = before.rows.find((row) => row.symbol === '9988.HK');
    expect(hk?.benchmark).toBe('^HSI');
    c.services.settings.update({ eventWindows: [[0, 3]], benchmarks: { 'Asia/Hong_Kong': asTicker('HSTECH.HK') } });
    const after = await run();
    expect(after.windows).toEqual([[0, 3]]);
    expect(after.rows.find((row) => row.symbol === '9988.HK')?.benchmark).toBe('HSTECH.HK');
    // A symbol of another exchange keeps its built-in default.
    expect(after.rows.find((row) => row.symbol === 'BABA')?.benchmark).toBe('^GSPC');
  });

  it('keeps the window’s place with the workspace: a restart reads it back, a damaged one reads as none', async () => {
    const c = open();
    expect(c.services.settings.getWindowState()).toBeNull();
    const place = { bounds: { x: 1600, y: 40, width: 1500, height: 950 }, maximized: true };
    c.services.settings.saveWindowState(place);
    // A malformed state is not written over the good one.
    c.services.settings.saveWindowState({ bounds: { x: 0, y: 0, width: -1, height: 10 }, maximized: false });
    await c.close();
    const again = open();
    expect(again.services.settings.getWindowState()).toEqual(place);
    await again.close();
    core = null;
    const raw = new BetterSqlite3(tmp.dbPath());
    raw.prepare('UPDATE app_state SET value = \'{"bounds":{"x":"a"}}\' WHERE key = \'window\'').run();
    raw.close();
    expect(open().services.settings.getWindowState()).toBeNull();
  });
});
