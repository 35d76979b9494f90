import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Catalyst';
export const DB_FILE = 'catalyst.db';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for an
 * app named Catalyst, so the CLI and the app share one database by default.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--db` wins, then `CATALYST_DB`, then the user-data folder. */
export function resolveDbPath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  if (flag) return resolve(cwd, flag);
  if (env.CATALYST_DB) return resolve(cwd, env.CATALYST_DB);
  return join(defaultUserDataDir(env), DB_FILE);
}

/**
 * The folder of shipped data (`resources/` in a checkout), found upwards from this module:
 * src/main/app/ when run from source, out/cli/ when run from the CLI bundle. The Electron
 * shell passes its own.
 */
export function defaultResourcesDir(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 4; i++) {
    dir = resolve(dir, '..');
    if (existsSync(join(dir, 'resources', 'studies'))) return join(dir, 'resources');
  }
  return resolve(import.meta.dirname, '..', '..', '..', 'resources');
}
