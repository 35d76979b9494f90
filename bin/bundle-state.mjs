// Whether the CLI bundle in out/cli/ (scripts/build-cli.mjs) was built from the sources as they
// are now. Plain JavaScript with Node built-ins only: bin/catalyst.mjs asks before anything else.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** SHA-1 of a file, hex (node:crypto loaded only when an mtime moved: most starts need none). */
async function sha1Of(file) {
  const { createHash } = await import('node:crypto');
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** The build's list of inputs, in out/cli/: `{"inputs": [[path, size, mtimeMs, sha1], …]}`. */
export const MANIFEST = 'inputs.json';

/**
 * True when `root/out/cli/inputs.json` exists and every file it lists still has the content it
 * was bundled from: same size, and the same mtime or, when only the mtime moved (a checkout, a
 * merge, a touch), the same SHA-1. A missing, unreadable or malformed manifest, or an input
 * deleted or edited since, says false (resolves; never rejects). Files the bundle never imported do not matter.
 */
export async function bundleIsCurrent(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'out', 'cli', MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  if (!manifest || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return false;
  for (const entry of manifest.inputs) {
    if (!Array.isArray(entry) || entry.length !== 4) return false;
    const [path, size, mtimeMs, sha1] = entry;
    if (typeof path !== 'string' || path.startsWith('/') || path.includes('..')) return false;
    const file = join(root, path);
    let st;
    try {
      st = statSync(file);
    } catch {
      return false;
    }
    if (st.size !== size) return false;
    if (st.mtimeMs !== mtimeMs && (await sha1Of(file)) !== sha1) return false;
  }
  return true;
}
