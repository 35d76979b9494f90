// A fake Yahoo v8 chart server for the sync bench, run in a worker thread (plain JS, so no
// TypeScript loader is needed). Every symbol serves `sessions` weekday sessions ending
// 2025-12-31, after `latencyMs`. It counts requests and the most in flight at once. The bodies
// of `symbols` are made before it says ready, so making one never adds to the latency.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { sessions, latencyMs, symbols = [] } = workerData;

const timestamps = [];
{
  const t = new Date(Date.UTC(2025, 11, 31, 14, 30));
  while (timestamps.length < sessions) {
    const wd = t.getUTCDay();
    if (wd !== 0 && wd !== 6) timestamps.push(t.getTime() / 1000);
    t.setUTCDate(t.getUTCDate() - 1);
  }
  timestamps.reverse();
}

const bodies = new Map();
function body(symbol) {
  let b = bodies.get(symbol);
  if (b) return b;
  let seed = 0;
  for (const c of symbol) seed = (seed * 31 + c.charCodeAt(0)) >>> 0;
  let x = seed || 1;
  const rnd = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
  // Yahoo sends float32 prices printed as doubles.
  const f = (v) => Math.fround(Math.round(v * 100) / 100);
  let p = 20 + (seed % 200);
  const open = [],
    high = [],
    low = [],
    close = [],
    volume = [];
  for (let i = 0; i < timestamps.length; i++) {
    const o = p;
    p = Math.max(1, p * (1 + (rnd() - 0.5) * 0.04));
    open.push(f(o));
    close.push(f(p));
    high.push(f(Math.max(o, p) * (1 + rnd() * 0.01)));
    low.push(f(Math.min(o, p) * (1 - rnd() * 0.01)));
    volume.push(Math.floor(rnd() * 1e7));
  }
  b = JSON.stringify({
    chart: {
      result: [
        {
          meta: {
            currency: 'USD',
            symbol,
            exchangeName: 'NMS',
            fullExchangeName: 'NasdaqGS',
            instrumentType: 'EQUITY',
            exchangeTimezoneName: 'America/New_York',
            longName: `${symbol} Inc.`,
          },
          timestamp: timestamps,
          indicators: { quote: [{ open, high, low, close, volume }], adjclose: [{ adjclose: close }] },
        },
      ],
      error: null,
    },
  });
  bodies.set(symbol, b);
  return b;
}

let requests = 0;
let inFlight = 0;
let maxInFlight = 0;
const server = createServer((req, res) => {
  requests++;
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  const m = /\/v8\/finance\/chart\/([^?]+)/.exec(req.url ?? '');
  setTimeout(() => {
    inFlight--;
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body(decodeURIComponent(m[1])));
  }, latencyMs);
});
for (const s of symbols) body(s);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ type: 'ready', url: `http://127.0.0.1:${server.address().port}`, body: body('BENCH') });
});
parentPort.on('message', (m) => {
  if (m === 'stats') parentPort.postMessage({ type: 'stats', requests, maxInFlight });
  else if (m === 'reset') {
    requests = 0;
    maxInFlight = 0;
  } else if (m === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
