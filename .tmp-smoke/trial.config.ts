import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { outDir: resolve(import.meta.dirname, 'out/main'), rollupOptions: { input: { index: resolve(import.meta.dirname, 'trial-main.ts') } } },
  },
});
