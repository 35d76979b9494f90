import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { silentLogger, type Logger } from '../log/logger';
import { createWriteTransaction } from '../db/transaction';
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
import { AppStateRepository } from '../db/repositories/app-state-repository';
import { SettingsService } from '../services/settings/settings-service';
import { chosenBenchmark } from '../../shared/domain/app-settings';
import { StudySettingsRepository } from '../db/repositories/study-settings-repository';
import { ExportService, type PdfPrinter } from '../services/export/export-service';
import { ClaimsService } from '../services/study/claims-service';
import { CompareService } from '../services/study/compare-service';
import { EventStudyService } from '../services/study/event-study-service';
import { ArticleService } from '../services/article/article-service';
import { SeedService } from '../services/study/seed-service';
import { StudyFileService } from '../services/study/study-file-service';
import { StudyService } from '../services/study/study-service';
import { StudyWriter } from '../services/study/study-writer';
import { UserEventsService } from '../services/study/user-events-service';
import { createSyncService, type SyncCoreOptions } from './create-sync-service';
import type { SyncService } from '../services/sync/sync-service';
import type { NotifyChange } from '../services/data-changes';
import { systemClock, type Clock } from './clock';
import { createHandlers } from './handlers';
import { defaultResourcesDir } from './paths';
import { pushSyncEvents } from './sync-push';

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
  /** Chromium's PDF printing for report pages (Electron's printToPDF in the app; the test browser in e2e). */
  readonly printPdf?: PdfPrinter;
  /** The system clipboard's image slot (Electron's clipboard in the app). */
  readonly copyImage?: (png: Uint8Array) => Promise<void> | void;
  /** Hold push events until the renderer calls `app.ready` (the app and the end-to-end harness). */
  readonly queuePushUntilReady?: boolean;
  /** The app's log (a rotating file in the user-data folder; stderr with the CLI's --verbose). Default: none. */
  readonly log?: Logger;
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
  readonly settings: SettingsService;
  readonly sync: SyncService;
  readonly watchlists: WatchlistsService;
  readonly export: ExportService;
  readonly studyFiles: StudyFileService;
}

/** Everything the main process runs, minus Electron: used by the app, the CLI and the tests. */
export interface Core {
  readonly db: Database;
  /** The database file (backups go next to it). */
  readonly dbPath: string;
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
/**
 * {@link createCore} for the app's start-up: the core is built without seeding, then, with
 * `seedOnOpen`, the embedded study is seeded in slices (`SeedService.seedIfEmptySliced`), a
 * turn of the event loop between the shipped files and between their writes, so the main
 * process is never held for the whole seed. Resolves once the study is in the database; a
 * failed seed closes the core and rejects, as `createCore` throws.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const core = createCore({ ...options, seedOnOpen: false });
  if (options.seedOnOpen) {
    try {
      await core.services.seed.seedIfEmptySliced();
    } catch (error) {
      await core.close();
      throw error;
    }
  }
  return core;
}

export function createCore(options: CoreOptions): Core {
  const log = options.log ?? silentLogger;
  const db = openDatabase(options.dbPath, {
    onMigrated: (versions) =>
      log
        .child('migrate')
        .info(`${options.dbPath}: applied migration(s) ${versions.join(', ')} (schema ${versions.at(-1)})`),
  });
  const clock = options.clock ?? systemClock;
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const push = createPushHub({ queueUntilReady: options.queuePushUntilReady ?? false });
  // Every service write goes through this one helper (immediate, busy timeout, retried on busy).
  const transact = createWriteTransaction(db);
  // The one change signal: every service's committed write reaches the windows as `data.changed`.
  const notify: NotifyChange = (change) => push.emit('data.changed', change);
  const instruments = new InstrumentsRepository(db);
  const bars = new BarsRepository(db);
  const studySettings = new StudySettingsRepository(db);
  const studyRepos = {
    studies: new StudyRepository(db),
    events: new EventsRepository(db),
    claims: new ClaimsRepository(db),
  };
  // One writer of study rows for seeding and for study files the user imports.
  const studyWriter = new StudyWriter(studyRepos);
  const seed = new SeedService({
    studies: studyRepos.studies,
    writer: studyWriter,
    instruments,
    bars,
    seedCache: new StudySeedRepository(db),
    writeTransaction: transact,
    resourcesDir,
    notify,
    log: log.child('seed'),
  });
  if (options.seedOnOpen) {
    try {
      seed.seedIfEmpty();
    } catch (error) {
      db.close();
      throw error;
    }
  }
  const settings = new SettingsService({ repo: new AppStateRepository(db), transact, notify });
  const market = new MarketService({ instruments, bars, transact, notify, log: log.child('import') });
  const study = new StudyService({ ...studyRepos, instruments, bars });
  const claims = new ClaimsService({ ...studyRepos, instruments, bars });
  const compare = new CompareService({ events: studyRepos.events, instruments, bars });
  const eventStudy = new EventStudyService({
    ...studyRepos,
    instruments,
    bars,
    defaults: () => {
      const s = settings.get();
      return { windows: s.eventWindows, benchmarkFor: (zone) => chosenBenchmark(s, zone) };
    },
    settings: studySettings,
    notify,
  });
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
      writeTransaction: transact,
      onChanged: notify,
    }),
    compare,
    eventStudy,
    seed,
    settings,
    sync: createSyncService({ db, dbPath: options.dbPath, instruments, clock, log: log.child('sync') }, options.sync),
    watchlists: new WatchlistsService({
      repo: new WatchlistsRepository(db),
      bars,
      transact,
      clock,
      notify,
      log: log.child('import'),
    }),
    export: new ExportService({
      getBars: (symbol, from, to) => market.getBars(symbol, from, to),
      listEvents: (filter) => study.listEvents(filter),
      evaluateClaims: (studyId) => claims.evaluate(studyId),
      getStudy: (id) => study.getStudy(id),
      runEventStudy: (scope) => eventStudy.run(scope),
      compareSeries: (input) => compare.compare(input),
      eventTitle: (id) => studyRepos.events.get(id)?.title ?? null,
      claimSensitivity: (studyId, claimId) => claims.whatIf(studyId, claimId).sensitivity,
      today: () => clock.now().toISOString().slice(0, 10),
      printPdf: options.printPdf,
      copyImage: options.copyImage,
    }),
    studyFiles: new StudyFileService({
      ...studyRepos,
      settings: studySettings,
      writer: studyWriter,
      writeTransaction: transact,
      emitChanged: notify,
    }),
  };
  pushSyncEvents(services.sync, push.emit);
  const router = createRouter(createHandlers(services, { push, db, dbPath: options.dbPath }), {
    isTrustedSender: options.isTrustedSender ?? (() => false),
    onUnexpectedError: (channel, error) => {
      log.child('ipc').error(`${channel} failed unexpectedly`, error);
      options.onUnexpectedError?.(channel, error);
    },
  });
  const closers: Array<() => Promise<void> | void> = [];
  // A running price update is cancelled (its worker closes its connection) before the database closes.
  closers.push(() => services.sync.close());
  return {
    db,
    dbPath: options.dbPath,
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
