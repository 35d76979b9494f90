import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-db';
import { startFakeProvider } from '../sync/support/fake-provider';
import { loadSeries } from '../sync/support/series';

/*
 * The pre-bundled CLI (scripts/build-cli.mjs → out/cli/): bin/catalyst.mjs runs it when it is
 * current, and neither it nor its fetch worker registers a TypeScript loader. A module hook
 * loaded with --import (it reaches the worker threads too) reports any `tsx` import.
 */
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'catalyst.mjs');
const HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { registerHooks } from 'node:module';
     registerHooks({ resolve(s, c, next) {
       if (/^tsx(\\/|$)/.test(s)) process.stderr.write('TSX-LOADED ' + s + '\\n');
       if (process.env.CATALYST_TRACE_LOADS === '1') process.stderr.write('LOADED ' + s + '\\n');
       return next(s, c);
     } });`,
  );
const temp = useTempDir();

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like {@link cli}, without blocking this process (which serves the fake provider). */
function cliAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', HOOK, BIN, ...args], { env: process.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.on('close', (code) => r({ code, stdout, stderr })));
}

beforeAll(() => {
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
}, 120_000);

describe('the CLI bundle', () => {
  it('answers --help without a TypeScript loader', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: catalyst/);
    expect(r.stderr).not.toMatch(/TSX-LOADED/);
  });

  it('seeds, syncs through the bundled worker and prints bars, without a TypeScript loader', async () => {
    const db = temp.dbPath();
    const seed = cli(['seed', '--db', db, '--json']);
    expect(seed.code, seed.stderr).toBe(0);
    const series = loadSeries(2);
    const fp = await startFakeProvider({ series });
    try {
      const sync = await cliAsync([
        'sync',
        '--db',
        db,
        '--symbols',
        series.map((s) => s.symbol).join(','),
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-31',
        '--base-url',
        fp.url,
        '--json',
      ]);
      expect(sync.code, sync.stderr).toBe(0);
      expect(JSON.parse(sync.stdout).summary).toMatchObject({ updated: 2, failed: 0 });
      expect(sync.stderr).not.toMatch(/TSX-LOADED/);
    } finally {
      await fp.close();
    }
    const bars = cli(['bars', '9988.HK', '--db', db, '--from', '2025-01-02', '--to', '2025-01-03', '--json']);
    expect(bars.code, bars.stderr).toBe(0);
    expect(JSON.parse(bars.stdout)[0]).toEqual(
      expect.objectContaining({ date: '2025-01-02', open: expect.any(Number), close: expect.any(Number) }),
    );
    expect(bars.stderr).not.toMatch(/TSX-LOADED/);
  });

  it('--help loads no command implementation and not SQLite; a command loads its own', () => {
    const help = cli(['--help'], { CATALYST_TRACE_LOADS: '1' });
    expect(help.code).toBe(0);
    const loaded = (text: string) => [...text.matchAll(/^LOADED (.*)$/gm)].map((m) => m[1]!);
    expect(loaded(help.stderr)).not.toContain('better-sqlite3');
    expect(loaded(help.stderr).filter((s) => /\/bars-[A-Z0-9]+\.mjs$/.test(s))).toEqual([]);
    const bars = cli(['bars', 'NONE', '--db', temp.dbPath(), '--json'], { CATALYST_TRACE_LOADS: '1' });
    // The implementation ran: it opened the database and found nothing cached.
    expect(bars.stderr).toMatch(/"code":"not-found","message":"NONE is not in the cache"/);
    expect(loaded(bars.stderr)).toContain('better-sqlite3');
    expect(loaded(bars.stderr).some((s) => /\/bars-[A-Z0-9]+\.mjs$/.test(s))).toBe(true);
  });

  it('keeps the bundle when a source is only touched, and runs the sources through tsx once one is edited', () => {
    const file = join(ROOT, 'src', 'main', 'cli', 'command.ts');
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(0);
    const later = new Date(Date.now() + 60_000);
    try {
      utimesSync(file, later, later);
      const touched = cli(['--help']);
      expect(touched.code).toBe(0);
      expect(touched.stderr).not.toMatch(/TSX-LOADED/);
      // An edit the bundle has not seen (here: the manifest says another hash for this file).
      const manifestPath = join(ROOT, 'out', 'cli', 'inputs.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: [string, number, number, string][] };
      const entry = manifest.inputs.find(([p]) => p === 'src/main/cli/command.ts')!;
      expect(entry).toBeDefined();
      entry[3] = '0'.repeat(40);
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const edited = cli(['--help']);
      expect(edited.code).toBe(0);
      expect(edited.stdout).toMatch(/Usage: catalyst/);
      expect(edited.stderr).toMatch(/TSX-LOADED/);
    } finally {
      const now = new Date();
      utimesSync(file, now, now);
      // Rebuild so the bundle is current again for whatever runs next.
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')]);
    }
  });

  it('empties out/cli before building, so no chunk of an earlier build lingers', () => {
    const stale = join(ROOT, 'out', 'cli', 'chunk-STALE000.mjs');
    writeFileSync(stale, 'export {};\n');
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(ROOT, 'out', 'cli', 'catalyst.mjs'))).toBe(true);
  });
});

describe('bundleIsCurrent (bin/bundle-state.mjs)', () => {
  async function state(root: string): Promise<boolean> {
    const { bundleIsCurrent } = (await import(pathToFileURL(join(ROOT, 'bin', 'bundle-state.mjs')).href)) as {
      bundleIsCurrent: (root: string) => Promise<boolean>;
    };
    return bundleIsCurrent(root);
  }
  const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

  it('says current only while every input listed has the content it was built from', async () => {
    const root = temp.dir();
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'out', 'cli'), { recursive: true });
    const a = join(root, 'src', 'a.ts');
    writeFileSync(a, 'export const a = 1;\n');
    const manifest = join(root, 'out', 'cli', 'inputs.json');
    expect(await state(root)).toBe(false); // never built
    const st = statSync(a);
    writeFileSync(
      manifest,
      JSON.stringify({ inputs: [['src/a.ts', st.size, st.mtimeMs, sha1('export const a = 1;\n')]] }),
    );
    expect(await state(root)).toBe(true);
    // Touched, same content: still current.
    utimesSync(a, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    expect(await state(root)).toBe(true);
    // Same size, other content: stale.
    writeFileSync(a, 'export const a = 2;\n');
    expect(await state(root)).toBe(false);
    // Deleted: stale.
    rmSync(a);
    expect(await state(root)).toBe(false);
    // A manifest that is not one, or points outside the tree: stale.
    writeFileSync(a, 'export const a = 1;\n');
    for (const bad of ['{', '{}', '{"inputs":[]}', '{"inputs":[["../x",1,1,"0"]]}', '{"inputs":[["src/a.ts"]]}']) {
      writeFileSync(manifest, bad);
      expect(await state(root)).toBe(false);
    }
  });
});
