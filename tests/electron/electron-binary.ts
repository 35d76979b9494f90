import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ELECTRON_DIR = resolve(import.meta.dirname, '..', '..', 'node_modules', 'electron');

/**
 * Electron's binary, if it has been downloaded, without triggering the download (requiring
 * `electron` would try, which fails on a machine without the network). Either the path, or
 * why there is none.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): { path: string } | { reason: string } {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, name);
    return existsSync(p) ? { path: p } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${name}` };
  }
  if (!existsSync(pathFile)) {
    return {
      reason:
        "Electron's binary is not installed (node_modules/electron/path.txt is missing): it downloads on first start, which needs the network",
    };
  }
  const p = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(p) ? { path: p } : { reason: `Electron's binary is missing at ${p}` };
}
