import { createWriteTransaction } from '../../../../src/main/db/transaction';
import type { Database } from 'better-sqlite3';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../../src/main/db/open';
import { BarsRepository } from '../../../../src/main/db/repositories/bars-repository';
import { ClaimsRepository } from '../../../../src/main/db/repositories/claims-repository';
import { EventsRepository } from '../../../../src/main/db/repositories/events-repository';
import { InstrumentsRepository } from '../../../../src/main/db/repositories/instruments-repository';
import { StudyRepository } from '../../../../src/main/db/repositories/study-repository';
import { StudySeedRepository } from '../../../../src/main/db/repositories/study-seed-repository';
import { MarketService } from '../../../../src/main/services/market/market-service';
import { ClaimsService } from '../../../../src/main/services/study/claims-service';
import { SeedService } from '../../../../src/main/services/study/seed-service';
import { StudyService } from '../../../../src/main/services/study/study-service';
import { StudyWriter } from '../../../../src/main/services/study/study-writer';
import type { DataChangedEvent } from '../../../../src/shared/contract/app';
import { afterEach, beforeEach } from 'vitest';
import { useTempDir } from '../../../helpers/temp-db';

/** The repository's shipped data folder. */
export const RESOURCES = resolve(import.meta.dirname, '..', '..', '..', '..', 'resources');

/** A copy of resources/ in a temp folder, for tests that alter shipped files. */
export function copyResources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-resources-'));
  cpSync(RESOURCES, dir, { recursive: true });
  return dir;
}

export interface StudyHarness {
  readonly db: Database;
  readonly repos: {
    instruments: InstrumentsRepository;
    bars: BarsRepository;
    studies: StudyRepository;
    events: EventsRepository;
    claims: ClaimsRepository;
  };
  readonly market: MarketService;
  readonly seed: SeedService;
  readonly study: StudyService;
  readonly claims: ClaimsService;
  /** Every change the services reported, in order (what create-core pushes as `data.changed`). */
  readonly changes: DataChangedEvent[];
}

/** The study services over a real database file, wired as create-core wires them. */
export function openStudyHarness(dbPath: string, resourcesDir = RESOURCES): StudyHarness {
  const db = openDatabase(dbPath);
  const changes: DataChangedEvent[] = [];
  const notify = (c: DataChangedEvent) => changes.push(c);
  const instruments = new InstrumentsRepository(db);
  const bars = new BarsRepository(db);
  const repos = {
    instruments,
    bars,
    studies: new StudyRepository(db),
    events: new EventsRepository(db),
    claims: new ClaimsRepository(db),
  };
  const seed = new SeedService({
    studies: repos.studies,
    writer: new StudyWriter(repos),
    instruments,
    bars,
    seedCache: new StudySeedRepository(db),
    writeTransaction: createWriteTransaction(db),
    resourcesDir,
    notify,
  });
  return {
    db,
    repos,
    changes,
    market: new MarketService({ instruments, bars, transact: createWriteTransaction(db), notify }),
    seed,
    study: new StudyService(repos),
    claims: new ClaimsService(repos),
  };
}

const TABLES: Record<string, string> = {
  instruments: 'symbol',
  bars: 'symbol, date',
  studies: 'id',
  study_instruments: 'study_id, symbol',
  events: 'id',
  event_symbols: 'event_id, symbol',
  claims: 'study_id, id',
  seeded_instruments: 'symbol',
};

/** Every row of every study and cache table, for row-level comparisons. */
export function dump(db: Database): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([t, order]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all()]),
  );
}

export function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get() as number;
}

/** SQLite's running count of rows changed on this connection. */
export function totalChanges(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * Per test: a harness over a fresh temp database with the embedded study seeded, closed
 * afterwards. Returns a getter (the harness changes with every test).
 */
export function useSeededStudyHarness(): () => StudyHarness {
  const tmp = useTempDir();
  let h: StudyHarness | null = null;
  beforeEach(() => {
    h = openStudyHarness(tmp.dbPath());
    h.seed.seed();
  });
  afterEach(() => h?.db.close());
  return () => h!;
}
