import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards; returns a db path inside it. */
export function useTempDir(): { dir: () => string; dbPath: () => string } {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  const get = () => (dir ??= mkdtempSync(join(tmpdir(), 'catalyst-test-')));
  return { dir: get, dbPath: () => join(get(), 'catalyst.db') };
}
