// Electron 45 downloads its binary on first use rather than at install time, and
// electron-vite only looks for it. Resolving the `electron` module triggers that download
// once (a few seconds, then cached), so `npm start` works right after `npm install`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const binary = require('electron');
  if (typeof binary !== 'string') throw new Error('unexpected electron module export');
} catch (error) {
  process.stderr.write(
    `Could not get the Electron binary: ${error instanceof Error ? error.message : String(error)}\n` +
      'Electron downloads it from the network on first start; check the connection (or set ELECTRON_MIRROR) and retry.\n' +
      'Without it the app cannot start, but the CLI (npx catalyst) and the tests (npm test) still work.\n',
  );
  process.exit(1);
}
