/**
 * `npm run dist` / `npm run package` (after `npm run build`): the installers for this platform,
 * refused when a release field is missing (scripts/release-fields.ts says which and why).
 * Extra arguments go to electron-builder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtFeedMismatch, releaseFields } from './release-fields';

const ROOT = resolve(import.meta.dirname, '..');
const extra = process.argv.slice(2);
// electron-builder.yml's Linux targets are AppImage and deb; a --dir build makes no installer.
const deb = process.platform === 'linux' && !extra.includes('--dir');
const fields = releaseFields(process.env, { deb });
for (const note of fields.notes) console.log(`note: ${note}`);
// The app checks the feed it was built with: the bundle must carry the one published here.
const infoPath = resolve(ROOT, 'out', 'main', 'build-info.json');
const mismatch = builtFeedMismatch(existsSync(infoPath) ? readFileSync(infoPath, 'utf8') : null, fields.feed);
if (mismatch) {
  console.error(`dist: ${mismatch}`);
  process.exit(1);
}
if (fields.problems.length) {
  console.error(`dist: this release build is refused:\n${fields.problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
const r = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml', ...fields.builderArgs, ...extra], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
