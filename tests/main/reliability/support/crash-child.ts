/**
 * A separate process that writes in a loop until it is SIGKILLed (crash-safety test).
 * Arguments: mode (watchlist | bars | backup) dbPath. After each commit it prints
 * `ok <i>`; the parent kills it at a random point and checks that every acknowledged write
 * is there, whole, and that no write is there in part.
 */
import { createCore } from '../../../../src/main/app/create-core';
import { createBackup } from '../../../../src/main/db/backup';
import { prepareDatabase } from '../../../../src/main/db/recovery';
import { asTicker } from '../../../../src/shared/brand';

const [mode, dbPath] = process.argv.slice(2) as [string, string];
export const ROWS = 60;
await prepareDatabase(dbPath);
const core = createCore({ dbPath });
const symbols = Array.from({ length: ROWS }, (_, k) => `S${k}`).join('\n');
const csv = ['Date,Open,High,Low,Close,Volume'];
for (let d = 0; d < ROWS * 5; d++) {
  const date = new Date(Date.UTC(2000, 0, 3) + d * 86_400_000).toISOString().slice(0, 10);
  csv.push(`${date},1,2,0.5,1.5,${d}`);
}
const bars = csv.join('\n');
const start = Number(process.env.CRASH_START ?? 0);
process.stdout.write('ready\n');
for (let i = start; ; i++) {
  if (mode === 'watchlist') {
    core.services.watchlists.import({ fileName: 'l.txt', text: symbols }, { mode: 'new', name: `L${i}` });
  } else if (mode === 'bars') {
    core.services.market.importBarsCsv(asTicker(`B${i}`), bars);
  } else {
    core.services.watchlists.import({ fileName: 'l.txt', text: symbols }, { mode: 'new', name: `L${i}` });
    await createBackup(core.db, dbPath, 'manual', new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
  }
  process.stdout.write(`ok ${i}\n`);
  // Let the parent's kill land anywhere, also between writes.
  if (i % 4 === 0) await new Promise((r) => setImmediate(r));
}
