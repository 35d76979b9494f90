import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
     registerHooks({ resolve(s, c, next) { if (/^tsx(\\/|$)/.test(s)) process.stderr.write('TSX-LOADED ' + s + '\\n'); return next(s, c); } });`,
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

  it('runs the sources through tsx when a source file is newer than the bundle', () => {
    const file = join(ROOT, 'src', 'main', 'cli', 'command.ts');
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(0);
    const later = new Date(Date.now() + 60_000);
    try {
      utimesSync(file, later, later);
      const r = cli(['--help']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/TSX-LOADED/);
    } finally {
      // Rebuild so the bundle is current again for whatever runs next.
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')]);
      const now = new Date();
      utimesSync(file, now, now);
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')]);
    }
  });
});
