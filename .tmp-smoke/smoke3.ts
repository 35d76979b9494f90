import { startFakeProvider } from '../tests/main/sync/support/fake-provider';
import { realSeries } from '../tests/main/sync/support/series';
import { openDatabase } from '../src/main/db/open';
import { defaultSyncLimits } from '../src/main/sync/protocol';
// @ts-expect-error built JS
import { runner, entry } from './out/main/index.js';
const fp = await startFakeProvider({ series: realSeries() });
const dbPath = '/tmp/smoke-sync3.db';
openDatabase(dbPath).close();
const h = runner(dbPath, { runId: 'r1', jobs: [{ symbol: 'BABA', from: '2025-01-01', to: '2025-03-01' }], providers: [{ id: 'yahoo', baseUrl: fp.url, apiKey: null }], limits: defaultSyncLimits, now: new Date().toISOString(), from: '2025-01-01', to: '2025-03-01' }, () => {});
const fin = await h.done;
console.log(entry, fin.message);
await fp.close();
