// Electron 45 downloads its binary on first use rather than at install time, and
// electron-vite only looks for it. Resolving the `electron` module triggers that download
// once (a few seconds, then cached), so `npm start` works right after `npm install`. It runs
// in a child process so that a failed download (offline, a proxy) ends in one clear message
// instead of the downloader's stack trace and its advice to reinstall.
import { spawnSync } from 'node:child_process';

const child = spawnSync(
  process.execPath,
  ['-e', "const b = require('electron'); if (typeof b !== 'string') process.exit(3);"],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60 * 1000 },
);
if (child.status !== 0) {
  const output = `${child.stdout ?? ''}\n${child.stderr ?? ''}`;
  const reason = /fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo/i.test(output)
    ? 'the download failed (no network, or a proxy in the way)'
    : (output.trim().split('\n').pop() ?? 'unknown error').slice(0, 200);
  process.stderr.write(
    `Catalyst could not start: Electron's binary is downloaded once on first start, and ${reason}. ` +
      'Connect once and retry (or set ELECTRON_MIRROR to a mirror you can reach), or use `npm run web` to run Catalyst in a browser.\n',
  );
  process.exit(1);
}
