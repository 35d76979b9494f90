import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Issue 8: views went stale when the sync toolbar was not mounted, because the toolbar (and a
 * panel's own counter) invalidated caches. Now one subscriber turns `data.changed` into
 * versions. This keeps it so: no other renderer file listens to `data.changed` or to the sync's
 * progress to refresh data, so whether a toolbar is mounted cannot decide what a view shows.
 * (tests/e2e/change-signal.e2e.test.ts shows the views following a sync that main runs.)
 */
const RENDERER = resolve(import.meta.dirname, '../../../src/renderer/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const files = sources(RENDERER).map((f) => ({ file: relative(RENDERER, f), text: readFileSync(f, 'utf8') }));

describe('the renderer’s one change subscriber', () => {
  it('only app/data-versions(.ts, -context.tsx) subscribe to data.changed', () => {
    const listeners = files
      .filter(({ text }) => /\.on\(\s*['"]data\.changed['"]/.test(text) || /connectDataChanged\(/.test(text))
      .map(({ file }) => file)
      .sort();
    expect(listeners).toEqual(['app/data-versions-context.tsx', 'app/data-versions.ts']);
  });

  it('only that subscriber creates or bumps the versions; views (the sync feature too) only read them', () => {
    const creates = files.filter(({ text }) => /new DataVersions\(/.test(text)).map(({ file }) => file);
    expect(creates).toEqual(['app/data-versions-context.tsx']);
    const bumps = files.filter(({ text }) => /versions\.apply\(/.test(text)).map(({ file }) => file);
    expect(bumps).toEqual(['app/data-versions.ts']);
    const syncFiles = files.filter(({ file }) => file.startsWith('features/sync/'));
    expect(syncFiles.length).toBeGreaterThan(0);
    for (const { file, text } of syncFiles) expect(text, file).not.toMatch(/\.on\(\s*['"]data\.changed['"]/);
  });
});
