import { startFakeProvider } from '../tests/main/sync/support/fake-provider';
import { realSeries } from '../tests/main/sync/support/series';
import { main } from '../src/main/cli/main';
const fp = await startFakeProvider({ series: realSeries(), faults: [{ symbol: 'BIDU', fault: { kind: 'html' } }] });
const t0 = performance.now();
const code = await main(['--db', '/tmp/smoke-sync.db', 'sync', '--symbols', '9988.HK,BABA,BIDU,NOPE', '--from', '2025-01-01', '--to', '2025-01-31', '--base-url', fp.url, '--json'], { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: {}, cwd: process.cwd() });
console.log('code', code, Math.round(performance.now() - t0), 'ms', fp.requests.map((r) => r.url));
await fp.close();
