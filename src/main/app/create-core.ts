import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { BarsRepository } from '../db/repositories/bars-repository';
import { InstrumentsRepository } from '../db/repositories/instruments-repository';
import { createPushHub, type PushHub } from '../rpc/push';
import { createRouter, type Router, type Sender } from '../rpc/router';
import { MarketService } from '../services/market/market-service';
import { systemClock, type Clock } from './clock';
import { createHandlers } from './handlers';
import { defaultResourcesDir } from './paths';

export interface CoreOptions {
  /** SQLite file (created and migrated if needed). */
  readonly dbPath: string;
  readonly clock?: Clock;
  /** Folder of shipped data (the embedded study). */
  readonly resourcesDir?: string;
  /** Which request senders are the app's own (the Electron window, the test page). */
  readonly isTrustedSender?: (sender: Sender) => boolean;
  readonly onUnexpectedError?: (channel: string, error: unknown) => void;
}

export interface Services {
  readonly market: MarketService;
}

/** Everything the main process runs, minus Electron: used by the app, the CLI and the tests. */
export interface Core {
  readonly db: Database;
  readonly services: Services;
  readonly router: Router;
  readonly push: PushHub;
  readonly clock: Clock;
  readonly resourcesDir: string;
  close(): Promise<void>;
}

/**
 * The composition root shared by every entry point: opens the database, builds the
 * repositories and services, and the router over the contract. Nothing else wires services.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbPath);
  const clock = options.clock ?? systemClock;
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const push = createPushHub();
  const transact = <T>(fn: () => T): T => db.transaction(fn)();
  const instruments = new InstrumentsRepository(db);
  const bars = new BarsRepository(db);
  const services: Services = {
    market: new MarketService({ instruments, bars, transact }),
  };
  const router = createRouter(createHandlers(services), {
    isTrustedSender: options.isTrustedSender ?? (() => false),
    onUnexpectedError: options.onUnexpectedError,
  });
  const closers: Array<() => Promise<void> | void> = [];
  return {
    db,
    services,
    router,
    push,
    clock,
    resourcesDir,
    async close() {
      for (const c of closers.reverse()) await c();
      if (db.open) db.close();
    },
  };
}
