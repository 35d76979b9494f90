import type { Database } from 'better-sqlite3';
import { fixedClock, type Clock } from '../../../../src/main/services/clock';
import { pushSyncEvents } from '../../../../src/main/app/sync-push';
import { openDatabase } from '../../../../src/main/db/open';
import { InstrumentsRepository } from '../../../../src/main/db/repositories/instruments-repository';
import { createSyncService, type SyncCoreOptions } from '../../../../src/main/app/create-sync-service';
import { memorySecretStore } from '../../../../src/main/services/sync/secret-store';
import type { SyncLimitsOverride, SyncService } from '../../../../src/main/services/sync/sync-service';
import type { PushEventName } from '../../../../src/shared/contract/index';
import type { FakeSeries } from './series';
import type { BarRow } from '../../../../src/main/db/repositories/bars-repository';

/** Short timeouts and delays so fault tests take seconds, not minutes. */
export const fastLimits: SyncLimitsOverride = {
  timeoutMs: 500,
  retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 5000 },
  hosts: {
    yahoo: { concurrency: 4, minSpacingMs: 0 },
    tiingo: { concurrency: 4, minSpacingMs: 0 },
    twelvedata: { concurrency: 4, minSpacingMs: 0 },
  },
  symbolConcurrency: 4,
};

export interface Harness {
  readonly db: Database;
  readonly sync: SyncService;
  readonly events: Array<{ name: PushEventName; payload: unknown }>;
  setClock(iso: string): void;
  close(): Promise<void>;
}

/** A sync service on a fresh database file with the real worker runner and a pointed-at provider. */
export function makeHarness(
  dbPath: string,
  o: {
    baseUrl: string;
    clock?: string;
    limits?: SyncLimitsOverride;
    secrets?: Record<string, string>;
    sync?: SyncCoreOptions;
  },
): Harness {
  const db = openDatabase(dbPath);
  let clock: Clock = fixedClock(o.clock ?? '2025-04-01T12:00:00Z');
  const events: Harness['events'] = [];
  const sync = createSyncService(
    {
      db,
      dbPath,
      instruments: new InstrumentsRepository(db),
      clock: { now: () => clock.now() },
    },
    {
      env: {
        CATALYST_YAHOO_BASE_URL: o.baseUrl,
        CATALYST_TIINGO_BASE_URL: o.baseUrl,
        CATALYST_TWELVEDATA_BASE_URL: o.baseUrl,
      },
      secrets: memorySecretStore(o.secrets ?? {}),
      limits: { ...fastLimits, ...o.limits },
      ...o.sync,
    },
  );
  pushSyncEvents(sync, (name, payload) => events.push({ name, payload }));
  return {
    db,
    sync,
    events,
    setClock: (iso) => (clock = fixedClock(iso)),
    close: async () => {
      await sync.close();
      db.close();
    },
  };
}

/** Stored bars of a symbol, ascending. */
export function storedBars(db: Database, symbol: string, from = '0000-01-01', to = '9999-12-31'): BarRow[] {
  return db
    .prepare<[string, string, string], BarRow>(
      'SELECT date, open, high, low, close, adj_close, volume, placeholder FROM bars WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date',
    )
    .all(symbol, from, to);
}

/** What the stored bars of a series must be, exactly, over [from, to]. */
export function expectedBars(s: FakeSeries, from: string, to: string, skip: readonly string[] = []): BarRow[] {
  return s.bars
    .filter((b) => b.date >= from && b.date <= to && !skip.includes(b.date))
    .map((b) => ({
      date: b.date,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      adj_close: b.adjClose ?? b.close,
      volume: b.volume,
      placeholder: b.volume === 0 && b.open === b.high && b.high === b.low && b.low === b.close ? 1 : 0,
    }));
}
