import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCore } from '../../app/create-core';
import { defaultResourcesDir } from '../../app/paths';
import { newToken } from '../../web/web-access';
import { startWebServer } from '../../web/web-server';
import { UsageError, type Command } from '../command';
import { webSpec } from './specs';

/** Opens a URL in the user's browser; a machine without one (a container) just keeps the printed URL. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is printed anyway.
  }
}

/**
 * `catalyst web`: the real app in a browser, without Electron. Serves the built renderer on
 * loopback with a per-run token and bridges `window.catalyst` to this process's router over a
 * WebSocket. Runs until interrupted (Ctrl+C).
 */
export const webCommand: Command = {
  ...webSpec,
  async run(ctx) {
    const portFlag = ctx.flags.port as string | undefined;
    const port = portFlag === undefined ? 0 : Number(portFlag);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not "${portFlag?.slice(0, 20)}"`);
    }
    const root = resolve(defaultResourcesDir(), '..');
    const rendererDir = join(root, 'out', 'renderer');
    const bridgePath = join(root, 'out', 'web', 'catalyst-web-bridge.js');
    if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(bridgePath)) {
      throw new UsageError('the app is not built: run `npm run web` (it builds first) or `npm run build`');
    }
    let origin = '';
    const core = await openCore({
      dbPath: ctx.dbPath,
      seedOnOpen: true,
      queuePushUntilReady: true,
      isTrustedSender: (sender) => origin !== '' && sender.url === `${origin}/`,
      onUnexpectedError: (channel, error) =>
        ctx.err(`[${channel}] ${error instanceof Error ? error.message : String(error)}`),
    });
    try {
      const server = await startWebServer({
        rendererDir,
        bridgeScript: readFileSync(bridgePath, 'utf8'),
        router: core.router,
        push: core.push,
        token: newToken(),
        port,
      });
      origin = server.origin;
      ctx.print({ url: server.url, origin: server.origin }, () =>
        [
          `Catalyst is running at ${server.url}`,
          "Open that address (it carries this run's token); loopback only. Ctrl+C stops it.",
        ].join('\n'),
      );
      if (!ctx.flags['no-open']) openInBrowser(server.url);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close();
      return 0;
    } finally {
      await core.close();
    }
  },
};
