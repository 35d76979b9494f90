#!/usr/bin/env node
// The `catalyst` command: runs the main-process services headless under Node.
// It runs the esbuild bundle (out/cli/catalyst.mjs, built by `npm run build:cli`, which
// `npm install` and `npm run build` run) when it was built from the sources as they are now:
// out/cli/inputs.json lists every source file of the bundle with its size and hash (see
// bundle-state.mjs). Otherwise (never built, or a source edited since) it runs the TypeScript
// sources through tsx, slower to start but always current.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsCurrent } from './bundle-state.mjs';

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

let main;
if (process.env.CATALYST_CLI_FROM_SOURCE !== '1' && (await bundleIsCurrent(root))) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
