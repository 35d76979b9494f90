import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { BarsRepository } from '../db/repositories/bars-repository';
import { InstrumentsRepository } from '../db/repositories/instruments-repository';
import { WatchlistsRepository } from '../db/repositories/watchlists-repository';
import { createPushHub, type PushHub } from '../rpc/push';
import { createRouter, type Router, type Sender } from '../rpc/router';
import { MarketService } from '../services/market/market-service';
import { WatchlistsService } from '../services/watchlists/watchlists-service';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { EventsRepository } from '../db/repositories/events-repository';
import { StudyRepository } from '../db/repositories/study-repository';
import { StudySeedRepository } from '../db/repositories/study-seed-repository';
import { StudySettingsRepository } from '../db/repositories/study-settings-repository';
import { ExportService } from '../services/export/export-service';
import { ClaimsService } from '../services/study/claims-service';
import { CompareService } from '../services/study/compare-service';
import { EventStudyService } from '../services/study/event-study-service';
import { ArticleService } from '../services/article/article-service';
import { SeedService } from '../services/study/seed-service';
import { StudyService } from '../services/study/study-service';
import { UserEventsService } from '../services/study/user-events-service';
import { createSyncService, type SyncCoreOptions } from '../services/sync/create-sync-service';
import type { SyncService } from '../services/sync/sync-service';
import { systemClock, type Clock } from './clock';
import { createHandlers } from './handlers';
import { defaultResourcesDir } from './paths';

export interface CoreOptions {
  /** SQLite file (created and migrated if needed). */
  readonly dbPath: string;
  readonly clock?: Clock;
  /** Folder of shipped data (the embedded study). */
  readonly resourcesDir?: string;
  /**
   * Seed the embedded study from `resourcesDir` when the database does not have it yet (first
   * launch; one query otherwise). The app passes true; tests that need an empty cache leave it off.
   */
  readonly seedOnOpen?: boolean;
  /** Which request senders are the app's own (the Electron window, the test page). */
  readonly isTrustedSender?: (sender: Sender) => boolean;
  readonly onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Price updates: worker entry, secret store (safeStorage in the app), env overrides. */
  readonly sync?: SyncCoreOptions;
  /** Hold push events until the renderer calls `app.ready` (the app and the end-to-end harness). */
  readonly queuePushUntilReady?: boolean;
}

export interface Services {
  readonly market: MarketService;
  readonly article: ArticleService;
  readonly study: StudyService;
  readonly claims: ClaimsService;
  readonly seed: SeedService;
  readonly userEvents: UserEventsService;
  readonly compare: CompareService;
  readonly eventStudy: EventStudyService;
  readonly sync: SyncService;
  readonly watchlists: WatchlistsService;
  readonly export: ExportService;
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
  const push = createPushHub({ queueUntilReady: options.queuePushUntilReady ?? false });
  const transact = <T>(fn: () => T): T => db.transaction(fn)();
  const instruments = new InstrumentsRepository(db);
  const bars = new BarsRepository(db);
  const studyRepos = {
    studies: new StudyRepository(db),
    events: new EventsRepository(db),
    claims: new ClaimsRepository(db),
  };
  const seed = new SeedService({
    ...studyRepos,
    instruments,
    bars,
    seedCache: new StudySeedRepository(db),
    writeTransaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    resourcesDir,
  });
  if (options.seedOnOpen) {
    try {
      seed.seedIfEmpty();
    } catch (error) {
      db.close();
      throw error;
    }
  }
  const market = new MarketService({ instruments, bars, transact });
  const study = new StudyService({ ...studyRepos, instruments, bars });
  const claims = new ClaimsService({ ...studyRepos, instruments, bars });
  const services: Services = {
    market,
    article: new ArticleService({
      instruments: () => instruments.list(),
      libraryEvents: () => studyRepos.events.list(),
    }),
    study,
    claims,
    userEvents: new UserEventsService({
      events: studyRepos.events,
      studies: studyRepos.studies,
      study,
      writeTransaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
      onChanged: (e) => push.emit('data.changed', e),
    }),
    compare: new CompareService({ events: studyRepos.events, instruments, bars }),
    eventStudy: new EventStudyService({ ...studyRepos, instruments, bars, settings: new StudySettingsRepository(db) }),
    seed,
    sync: createSyncService({ db, dbPath: options.dbPath, instruments, emit: push.emit, clock }, options.sync),
    watchlists: new WatchlistsService({ repo: new WatchlistsRepository(db), transact, clock }),
    export: new ExportService({
      getBars: (symbol, from, to) => market.getBars(symbol, from, to),
      listEvents: (filter) => study.listEvents(filter),
      evaluateClaims: (studyId) => claims.evaluate(studyId),
    }),
  };
  const router = createRouter(createHandlers(services, { push }), {
    isTrustedSender: options.isTrustedSender ?? (() => false),
    onUnexpectedError: options.onUnexpectedError,
  });
  const closers: Array<() => Promise<void> | void> = [];
  // A running price update is cancelled (its worker closes its connection) before the database closes.
  closers.push(() => services.sync.close());
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
