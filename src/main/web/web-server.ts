import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PushHub } from '../rpc/push';
import type { Router } from '../rpc/router';
import { CONTENT_SECURITY_POLICY } from '../shell/csp';
import { isAuthorised, isLoopbackHost, TOKEN_COOKIE } from './web-access';
import { MAX_WEB_MESSAGE_BYTES, webRequestSchema, type WebMessage } from './web-protocol';

/** Path of the page-side bridge script the server injects into index.html. */
export const WEB_BRIDGE_PATH = '/catalyst-web-bridge.js';
/** Path of the WebSocket the bridge talks to. */
export const WEB_SOCKET_PATH = '/bridge';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebServerOptions {
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** The page-side bridge (bundled from src/renderer/web-bridge). */
  readonly bridgeScript: string;
  readonly router: Pick<Router, 'dispatch'>;
  readonly push: Pick<PushHub, 'attach' | 'unready'>;
  /** The run's token; the URL carries it once, a cookie afterwards. */
  readonly token: string;
  /** Loopback only (127.0.0.1, ::1, localhost); default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface WebServer {
  /** The page's origin, e.g. `http://127.0.0.1:5173`. */
  readonly origin: string;
  /** The URL to open: the origin with the token. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * `npm run web`: the built renderer on a loopback port, with `window.catalyst` bridged over a
 * WebSocket to the same router (and so the same validation and services) as Electron's IPC.
 * Every request needs the run's token (URL once, then an HttpOnly SameSite=Strict cookie); the
 * socket also needs the page's own Origin. Nothing else listens.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`npm run web listens on loopback only, not on ${host}`);
  const root = realpathSync(resolve(options.rendererDir));
  const indexPath = join(root, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  if (!index.includes('</head>')) throw new Error(`${indexPath} is not the built renderer page`);
  // A classic script runs before the app's module script, so window.catalyst exists when it starts.
  const page = index.replace('</head>', `  <script src="${WEB_BRIDGE_PATH}"></script>\n  </head>`);
  let origin = '';

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}): void => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/favicon.ico') return send(res, 204, 'text/plain', '');
    const queryToken = url.searchParams.get('token');
    if (!isAuthorised({ cookie: req.headers.cookie, queryToken }, { token: options.token })) {
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Catalyst: this address needs the token that `npm run web` printed (open the URL it printed).\n',
      );
    }
    const cookie = { 'set-cookie': `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/` };
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(res, 200, TYPES['.html']!, page, queryToken ? cookie : {});
    }
    if (url.pathname === WEB_BRIDGE_PATH) return send(res, 200, TYPES['.js']!, options.bridgeScript);
    let file: string;
    try {
      file = realpathSync(join(root, decodeURIComponent(url.pathname)));
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
    // Real paths only: a symlink inside the renderer folder cannot lead out of it.
    if (!file.startsWith(root + sep) || !statSync(file).isFile()) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  };

  const server = createServer(handle);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_WEB_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const ok =
      url.pathname === WEB_SOCKET_PATH &&
      isAuthorised({ cookie: req.headers.cookie, origin: req.headers.origin }, { token: options.token, origin });
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  const serve = (ws: WebSocket): void => {
    const post = (message: WebMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const detach = options.push.attach((event, payload) => post({ t: 'push', event, payload }));
    // A new page must say app.ready again before queued events flow to it.
    options.push.unready();
    ws.on('close', detach);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text messages only');
      let parsed;
      try {
        parsed = webRequestSchema.safeParse(JSON.parse(data.toString()));
      } catch {
        return ws.close(1007, 'malformed JSON');
      }
      if (!parsed.success) return ws.close(1008, 'not a bridge request');
      const { id, channel, input } = parsed.data;
      void options.router
        .dispatch(channel, input, { url: `${origin}/` })
        .then((envelope) => post({ t: 'result', id, envelope }));
    });
  };

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${shownHost}:${address.port}`;
  return {
    origin,
    url: `${origin}/?token=${options.token}`,
    close: () =>
      new Promise<void>((ok) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
