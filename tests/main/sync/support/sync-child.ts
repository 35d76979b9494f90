/**
 * A separate process that runs one sync through the real fetch worker and exits: the
 * durability test SIGKILLs it at random points. Arguments: dbPath baseUrl symbols from to.
 * Limits come from CATALYST_SYNC_* like the CLI's.
 */
import { systemClock } from '../../../../src/main/services/clock';
import { openDatabase } from '../../../../src/main/db/open';
import { InstrumentsRepository } from '../../../../src/main/db/repositories/instruments-repository';
import { createSyncService } from '../../../../src/main/app/create-sync-service';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';

const [dbPath, baseUrl, symbols, from, to] = process.argv.slice(2);
const db = openDatabase(dbPath!);
const sync = createSyncService(
  { db, dbPath: dbPath!, instruments: new InstrumentsRepository(db), clock: systemClock },
  { env: { ...process.env, CATALYST_YAHOO_BASE_URL: baseUrl } },
);
const { runId } = await sync.start({
  symbols: symbols!.split(',').map(asTicker),
  from: asIsoDate(from!),
  to: asIsoDate(to!),
});
const fin = await sync.waitForRun(runId);
db.close();
process.stdout.write(`${JSON.stringify(fin.summary)}\n`);
process.exitCode = fin.summary.failed ? 2 : 0;
