// Bundles the command line (src/main/cli/main.ts) and its fetch worker into out/cli/ with
// esbuild, so `catalyst` starts without compiling TypeScript: bin/catalyst.mjs runs the
// bundle when it is newer than every source file, and falls back to the sources through tsx
// otherwise (a fresh clone before `npm install` finished its `prepare`, or sources edited
// since the last build). better-sqlite3 stays external (native).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `prepare` (after npm install) passes --if-possible: a failed bundle must not fail the
// install, since bin/catalyst.mjs then runs the sources.
const ifPossible = process.argv.includes('--if-possible');
await build({
  absWorkingDir: root,
  entryPoints: { catalyst: 'src/main/cli/main.ts', 'sync-worker': 'src/main/worker/sync-worker.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // Dependencies bundled too (loading one file beats resolving hundreds of ESM files), except
  // the native better-sqlite3.
  external: ['better-sqlite3'],
  sourcemap: 'linked',
  // CommonJS dependencies call require() for Node built-ins: give the ESM bundle one.
  banner: {
    js: "import { createRequire as __catalystRequire } from 'node:module'; const require = __catalystRequire(import.meta.url);",
  },
  logLevel: 'warning',
}).catch((e) => {
  if (!ifPossible) throw e;
  process.stderr.write(`build-cli: no CLI bundle (${e.message}); catalyst will run from the sources\n`);
});
