import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src/main/shell/csp';

/** Adds the CSP meta tag to the built page only (the dev server's React refresh needs an inline script). */
function cspMeta(): Plugin {
  return {
    name: 'catalyst-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** The release feed this build carries (CATALYST_UPDATE_FEED_URL), or null: updates off. */
const updateFeedUrl = process.env.CATALYST_UPDATE_FEED_URL?.trim() || null;

/** Writes out/main/build-info.json: what this build was given, read back by scripts/dist.ts. */
function buildInfo(): Plugin {
  return {
    name: 'catalyst-build-info',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'build-info.json', source: `${JSON.stringify({ updateFeedUrl })}\n` });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), buildInfo()],
    // The release feed (src/main/shell/updates.ts UPDATE_FEED_URL): null unless the release
    // build sets CATALYST_UPDATE_FEED_URL; scripts/dist.ts gives electron-builder the same one.
    define: { __CATALYST_UPDATE_FEED_URL__: JSON.stringify(updateFeedUrl) },
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron`: bundle its dependencies (zod, via
      // the contract) instead of externalizing them.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), cspMeta()],
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
