// Bundles the command line (src/main/cli/main.ts) and its fetch worker into out/cli/ with
// esbuild, so `catalyst` starts without compiling TypeScript. Code splitting: main.ts and the
// command specs (what `--help` prints) are the entry; each command's implementation and the
// services are chunks loaded by dynamic import only when a command runs. better-sqlite3 stays
// external (native).
//
// The build goes to a fresh folder next to out/cli/, with `inputs.json` written last (every source
// file of the bundle with its size, mtime and SHA-1), and then replaces out/cli/ whole: no chunk
// of an earlier build lingers, and a `catalyst` started meanwhile finds either the old bundle
// or the new one, or none (then it runs the sources), never half of one. bin/catalyst.mjs runs
// the bundle only when that manifest exists and every input still has the same content (see
// bin/bundle-state.mjs); otherwise it runs the sources through tsx.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST } from '../bin/bundle-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'cli');
const building = join(root, 'out', `cli.building-${process.pid}`);
// `prepare` (after npm install) passes --if-possible: a failed bundle must not fail the
// install, since bin/catalyst.mjs then runs the sources.
const ifPossible = process.argv.includes('--if-possible');

rmSync(building, { recursive: true, force: true });
try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { catalyst: 'src/main/cli/main.ts', 'sync-worker': 'src/main/worker/sync-worker.ts' },
    outdir: building,
    outExtension: { '.js': '.mjs' },
    // Chunks sit next to the entries: code that finds sync-worker.mjs next to its own module
    // (spawn-sync-worker.ts) may land in a chunk.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Dependencies bundled too (loading one file beats resolving hundreds of ESM files), except
    // the native better-sqlite3.
    external: ['better-sqlite3'],
    sourcemap: 'linked',
    metafile: true,
    // CommonJS dependencies call require() for Node built-ins: give each ESM file one.
    banner: {
      js: "import { createRequire as __catalystRequire } from 'node:module'; const require = __catalystRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes(':')) // esbuild's virtual modules, if any
    .sort()
    .map((p) => {
      const file = join(root, p);
      const st = statSync(file);
      return [p, st.size, st.mtimeMs, createHash('sha1').update(readFileSync(file)).digest('hex')];
    });
  writeFileSync(join(building, MANIFEST), `${JSON.stringify({ inputs })}\n`);
  // Another build may swap its own in between: take its place (the last build wins).
  for (let attempt = 1; ; attempt++) {
    rmSync(outdir, { recursive: true, force: true });
    try {
      renameSync(building, outdir);
      break;
    } catch (e) {
      if (attempt >= 5 || (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST' && e.code !== 'EPERM')) throw e;
    }
  }
} catch (e) {
  rmSync(building, { recursive: true, force: true });
  if (!ifPossible) throw e;
  process.stderr.write(
    `build-cli: the CLI bundle was not built (${e.message}); catalyst runs from the sources until it is\n`,
  );
}
