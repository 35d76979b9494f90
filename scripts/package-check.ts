/**
 * Checks the packaged layout without an Electron binary (none can be downloaded on the
 * build machines): builds with electron-vite, runs electron-builder `--dir` against a
 * placeholder Electron distribution, then verifies what the app needs at run time:
 *
 * - `resources/app.asar` holds the main, preload and renderer bundles and package.json;
 * - the preload requires nothing but `electron` (a sandboxed preload can load nothing else);
 * - better-sqlite3 is unpacked next to the asar, and its prebuild for this platform loads
 *   and runs SQL (under this Node: the same N-API binary Electron loads);
 * - `resources/` of the checkout is copied to `resources/resources`, except `icons/` (built
 *   into the executable and installers);
 * - the Electron fuses (scripts/fuses.cjs) are set in the packaged executable: the placeholder
 *   carries Electron's fuse wire with Electron's defaults, the afterPack hook flips it, and
 *   the wire is read back here with @electron/fuses.
 *
 * - the release fields (scripts/release-fields.ts: the .deb's maintainer and homepage, the
 *   update feed) from the environment: what a release build (`npm run dist`) would refuse, and
 *   why. Reported, not failed, unless `--release` (the layout check runs without them).
 *
 * Linux x64/arm64 only. Not part of `npm test` (it takes a few seconds and writes dist/).
 * Usage: npm run package:check [-- --no-build] [-- --release]
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { releaseFields } from './release-fields';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;
const fuses = require('./fuses.cjs') as {
  electronDefaultFuseWire(): Buffer;
  readFuses(path: string): Promise<Array<{ name: string; expected: boolean; actual: boolean | null; ok: boolean }>>;
};
const problems: string[] = [];
const check = (ok: boolean, what: string): void => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${args[0] ?? ''} failed with exit code ${r.status ?? r.signal}`);
}

/** The file names inside an asar archive, read from its JSON header. */
function asarFiles(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    // Layout: [u32 4][u32 header pickle size][u32 payload size][u32 JSON length][JSON …]
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const length = head.readUInt32LE(12);
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, 16);
    const files: string[] = [];
    type Node = { files?: Record<string, Node> };
    const walk = (node: Node, prefix: string): void => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const p = prefix ? `${prefix}/${name}` : name;
        if (child.files) walk(child, p);
        else files.push(p);
      }
    };
    walk(JSON.parse(json.toString('utf8')) as Node, '');
    return files;
  } finally {
    closeSync(fd);
  }
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function main(): Promise<void> {
  if (process.platform !== 'linux')
    throw new Error('package-check runs on Linux (it fakes a Linux Electron distribution)');
  if (!process.argv.includes('--no-build')) run('npx', ['electron-vite', 'build']);

  const placeholder = mkdtempSync(join(tmpdir(), 'catalyst-electron-dist-'));
  try {
    // electron-builder copies this folder and renames `electron` to the product's executable.
    // It carries Electron's fuse wire (with Electron's defaults) after `exit`, so the afterPack
    // hook flips real fuse bytes and this check reads them back.
    writeFileSync(
      join(placeholder, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "placeholder Electron: cannot run" >&2\nexit 1\n# '),
        fuses.electronDefaultFuseWire(),
        Buffer.from('\n'),
      ]),
    );
    chmodSync(join(placeholder, 'electron'), 0o755);
    rmSync(join(ROOT, 'dist', 'linux-unpacked'), { recursive: true, force: true });
    run('npx', [
      'electron-builder',
      '--config',
      'electron-builder.yml',
      '--dir',
      `-c.electronDist=${placeholder}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
    ]);
  } finally {
    rmSync(placeholder, { recursive: true, force: true });
  }

  const resources = join(ROOT, 'dist', 'linux-unpacked', 'resources');
  const asar = join(resources, 'app.asar');
  check(existsSync(asar), 'dist/linux-unpacked/resources/app.asar exists');
  if (existsSync(asar)) {
    const files = new Set(asarFiles(asar));
    for (const f of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      check(files.has(f), `app.asar contains ${f}`);
    }
    check(
      ![...files].some((f) => f.startsWith('src/') || f.startsWith('tests/')),
      'app.asar holds no sources or tests',
    );
  }

  // The fuses the afterPack hook flipped, read back from the packaged executable's fuse wire.
  const exe = join(ROOT, 'dist', 'linux-unpacked', 'catalyst');
  if (existsSync(exe)) {
    try {
      for (const f of await fuses.readFuses(exe)) {
        check(
          f.ok,
          `fuse ${f.name} is ${f.expected ? 'on' : 'off'} in the packaged executable (read: ${String(f.actual)})`,
        );
      }
    } catch (error) {
      check(
        false,
        `the packaged executable has a fuse wire (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  } else {
    check(false, 'dist/linux-unpacked/catalyst (the packaged executable) exists');
  }

  const preload = readFileSync(join(ROOT, 'out', 'preload', 'index.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  check(
    required.every((r) => r === 'electron'),
    `the preload requires only electron (found: ${[...new Set(required)].join(', ') || 'none'})`,
  );

  const sqlite = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
  const prebuild = join(sqlite, 'prebuilds', `${process.platform}-${process.arch}.node`);
  check(existsSync(prebuild), `better-sqlite3 prebuild unpacked: ${relative(ROOT, prebuild)}`);
  try {
    const Database = createRequire(import.meta.url)(sqlite) as new (path: string) => {
      prepare(sql: string): { pluck(): { get(): unknown } };
      close(): void;
    };
    const db = new Database(':memory:');
    const version = db.prepare('select sqlite_version()').pluck().get();
    db.close();
    check(typeof version === 'string', `the unpacked better-sqlite3 loads and runs SQL (SQLite ${String(version)})`);
  } catch (error) {
    check(false, `the unpacked better-sqlite3 loads (${error instanceof Error ? error.message : String(error)})`);
  }

  const shipped = join(ROOT, 'resources');
  if (existsSync(shipped)) {
    // electron-builder.yml leaves icons/ out (they are built into the executable and the
    // installers, never read at run time): everything else the app reads must be there.
    const buildOnly = (f: string) => f.split(sep)[0] === 'icons';
    const want = listTree(shipped)
      .filter((f) => !buildOnly(f))
      .sort();
    const got = existsSync(join(resources, 'resources')) ? listTree(join(resources, 'resources')).sort() : [];
    check(
      want.length > 0 && JSON.stringify(want) === JSON.stringify(got),
      `resources/ (without icons/) copied to resources/resources (${got.length}/${want.length} files)`,
    );
    check(!got.some(buildOnly), 'resources/icons is not shipped as a run-time resource');
  } else {
    console.log('skip resources/ does not exist in this checkout yet');
  }

  // What `npm run dist` would say about this environment's release fields (Linux: with the .deb).
  const release = releaseFields(process.env, { deb: true });
  const strict = process.argv.includes('--release');
  for (const p of release.problems) {
    console.log(`${strict ? 'FAIL' : 'warn'} release field: ${p}`);
    if (strict) problems.push(p);
  }
  for (const n of release.notes) console.log(`note release field: ${n}`);
  if (!release.problems.length) console.log('ok   release fields: a release build (npm run dist) may go ahead');
  else if (!strict)
    console.log(
      '     (a release build, npm run dist, is refused until these are set; --release makes them fail this check)',
    );

  if (problems.length) {
    console.error(`\npackage-check: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('\npackage-check: the packaged layout is complete');
}

await main();
