#!/usr/bin/env node
// The `catalyst` command: runs the main-process services headless under Node.
// It runs the esbuild bundle (out/cli/catalyst.mjs, built by `npm run build:cli`, which
// `npm install` and `npm run build` run) when the bundle is newer than every source file;
// otherwise (a checkout where it was never built, or sources edited since) it runs the
// TypeScript sources through tsx, slower to start but always current.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `catalyst needs Node 22 or newer (this is ${process.version}). Run it as \`npx catalyst\` or ` +
      '`npm run catalyst -- ...` inside the project so the pinned Node from devDependencies is used.\n',
  );
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'catalyst.mjs');

/** True when some file under `dir` changed after `time` (ms). */
function changedSince(dir, time) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() ? changedSince(p, time) : statSync(p).mtimeMs > time) return true;
  }
  return false;
}

function bundleIsCurrent() {
  if (process.env.CATALYST_CLI_FROM_SOURCE === '1' || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return !changedSince(join(root, 'src', 'main'), built) && !changedSince(join(root, 'src', 'shared'), built);
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
