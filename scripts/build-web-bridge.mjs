// Bundles the page-side bridge of `npm run web` (src/renderer/web-bridge) into out/web/, next
// to the renderer electron-vite built. Part of `npm run build`.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src/renderer/web-bridge/install-web-bridge.ts')],
  outfile: join(root, 'out/web/catalyst-web-bridge.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
