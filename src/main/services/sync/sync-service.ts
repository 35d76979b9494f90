import { randomUUID } from 'node:crypto';
import type { Page } from '../../../shared/contract/page';
import { z } from 'zod';
import type { Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { utcDate } from '../../../shared/dates';
import {
  baseUrlSchema,
  providerIdSchema,
  type SyncSettingsPatch,
  type SyncStartInput,
  type SyncStartResult,
} from '../../../shared/contract/sync';
import {
  defaultBaseUrls,
  keyedProviders,
  providerIds,
  summarise,
  summaryMessage,
  type KeyedProviderId,
  type ProviderId,
  type SymbolSyncResult,
  type SyncFinishedEvent,
  type SyncProgress,
  type SyncSettings,
  type SyncStartedEvent,
  type SyncStatus,
  type SyncSymbolEvent,
} from '../../../shared/domain/sync';
import type { Clock } from '../clock';
import type { InstrumentsRepository } from '../../db/repositories/instruments-repository';
import type { WriteTransaction } from '../../db/transaction';
import type { SyncRepository } from '../../db/repositories/sync-repository';
import {
  defaultSyncLimits,
  type ProviderConfig,
  type SyncCommit,
  type SyncLimits,
  type SyncRunRequest,
  type SyncWireEvent,
} from '../../sync/protocol';
import type { SyncRunHandle, SyncRunner } from '../../sync/runner';
import { silentLogger, type Logger } from '../../log/logger';
import { apiKeySecret, type SecretStore } from './secret-store';

/** A partial override of the run limits (deep for hosts and retry). */
export interface SyncLimitsOverride extends Partial<Omit<SyncLimits, 'hosts' | 'retry'>> {
  readonly hosts?: Partial<Record<ProviderId, Partial<SyncLimits['hosts'][ProviderId]>>>;
  readonly retry?: Partial<SyncLimits['retry']>;
}

export function mergeLimits(base: SyncLimits, o: SyncLimitsOverride | undefined): SyncLimits {
  if (!o) return base;
  const hosts = { ...base.hosts };
  for (const id of providerIds) hosts[id] = { ...base.hosts[id], ...o.hosts?.[id] };
  return { ...base, ...o, hosts, retry: { ...base.retry, ...o.retry } };
}

export interface SyncServiceDeps {
  /** The database file the worker opens (its own connection to the same WAL file). */
  readonly dbPath: string;
  readonly repo: SyncRepository;
  /** The one write transaction helper; a settings change is written all or nothing. */
  readonly transact?: WriteTransaction;
  readonly instruments: InstrumentsRepository;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly runner: SyncRunner;
  /** Base URLs forced by the environment (`CATALYST_YAHOO_BASE_URL` …): they win over the settings. */
  readonly baseUrlOverrides?: Partial<Record<ProviderId, string>>;
  readonly limits?: SyncLimitsOverride;
  readonly newRunId?: () => string;
  /** Where a run's start, retries, failures and summary are written (the app's log file). */
  readonly log?: Logger;
}

/** Per-run choices the contract does not expose (CLI flags and environment). */
export interface SyncStartOptions {
  /** `--base-url`: for the chosen provider (or the first of the order). */
  readonly baseUrl?: string;
  /** Base URLs from the CLI's environment. */
  readonly baseUrls?: Partial<Record<ProviderId, string>>;
  /** Keys from the CLI's environment (win over the secret store). */
  readonly apiKeys?: Partial<Record<KeyedProviderId, string>>;
  readonly limits?: SyncLimitsOverride;
}

const SETTINGS = {
  providerOrder: z.array(providerIdSchema).min(1),
  baseUrls: z.partialRecord(providerIdSchema, baseUrlSchema),
  updateOnLaunch: z.boolean(),
};

/**
 * What a {@link SyncService} tells its listeners, in order: a run started, a symbol started or
 * finished, a batch was committed to the cache, the run finished (exactly once per run, also
 * when the worker died), the settings changed. The composition root maps these to push events;
 * the service knows no wire names.
 */
export type SyncServiceEvent =
  | { readonly type: 'started'; readonly event: SyncStartedEvent }
  | { readonly type: 'symbol'; readonly event: SyncSymbolEvent }
  | { readonly type: 'committed'; readonly commit: SyncCommit }
  | { readonly type: 'finished'; readonly event: SyncFinishedEvent }
  | { readonly type: 'settings' };

/** In-memory state of the service (VS Code's update service model: one snapshot plus a change event). */
export interface SyncState {
  /** The run under way, or null. */
  readonly running: SyncProgress | null;
  /** The last finished run in this process, or null. */
  readonly lastRun: SyncFinishedEvent | null;
}

interface Running {
  readonly runId: string;
  readonly handle: SyncRunHandle;
  readonly symbols: readonly Ticker[];
  readonly startedAt: string;
  readonly current: Set<Ticker>;
  readonly results: SymbolSyncResult[];
  done: number;
  readonly finished: Promise<SyncFinishedEvent>;
}

/**
 * Price updates: resolves what to fetch and from where (symbols, range, provider order, base
 * URLs, keys), starts one run at a time on the runner (the fetch worker in the app and CLI),
 * forwards its progress as `sync.*` push events, and answers status and settings.
 */
export class SyncService {
  private readonly deps: SyncServiceDeps;
  private running: Running | null = null;
  private lastRun: SyncFinishedEvent | null = null;
  private readonly listeners = new Set<(e: SyncServiceEvent) => void>();
  private readonly log: Logger;
  constructor(deps: SyncServiceDeps) {
    this.deps = deps;
    this.log = deps.log ?? silentLogger;
  }

  /** Subscribes to the service's events; returns the unsubscribe function. */
  onEvent(listener: (e: SyncServiceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private fire(e: SyncServiceEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A failing listener (a window closed mid-send) must not break the run.
      }
    }
  }

  /** Starts a run; progress follows as push events. Conflict while another run is going. */
  async start(input: SyncStartInput, options: SyncStartOptions = {}): Promise<SyncStartResult> {
    if (this.running) {
      throw new CatalystError(
        'conflict',
        `A price update is already running (${this.running.done} of ${this.running.symbols.length} done); cancel it or wait for it.`,
      );
    }
    const symbols = input.symbols?.length
      ? [...new Set(input.symbols)]
      : this.deps.instruments.list().map((i) => i.symbol);
    if (symbols.length === 0)
      throw new CatalystError('invalid-input', 'The cache has no instruments yet: name the symbols to fetch.');
    const today = utcDate(this.deps.clock.now());
    const to = input.to ?? today;
    const from = input.from ?? null;
    const providers = await this.providerChain(input.provider, options);
    const limits = mergeLimits(mergeLimits(defaultSyncLimits, this.deps.limits), options.limits);
    const runId = this.deps.newRunId?.() ?? randomUUID();
    const request: SyncRunRequest = {
      runId,
      jobs: symbols.map((symbol) => ({ symbol, from, to })),
      providers,
      limits,
      now: this.deps.clock.now().toISOString(),
      force: input.force ?? false,
      from,
      to,
    };
    // A run started before the window (re)loads must still be visible in `status`.
    let resolveFinished!: (e: SyncFinishedEvent) => void;
    const finished = new Promise<SyncFinishedEvent>((r) => (resolveFinished = r));
    const handle = this.deps.runner(this.deps.dbPath, request, (e) => this.onWire(e), {
      onCommit: (commit) => this.fire({ type: 'committed', commit }),
      onLog: (level, message) => this.log[level](message),
    });
    this.log.info(
      `run ${runId}: ${symbols.length} symbol(s) from ${providers.map((p) => p.id).join(', ')}, ${from ?? 'what is cached'} → ${to}`,
    );
    const running: Running = {
      runId,
      handle,
      symbols,
      startedAt: request.now,
      current: new Set(),
      results: [],
      done: 0,
      finished,
    };
    this.running = running;
    handle.done.then(
      (event) => this.finish(running, event, resolveFinished),
      (error: unknown) => this.finish(running, this.crashed(running, error), resolveFinished),
    );
    return { runId, total: symbols.length, symbols };
  }

  /** Cancels the running update; false when none is running (or `runId` names another). */
  cancel(runId?: string): { cancelled: boolean } {
    const r = this.running;
    if (!r || (runId && runId !== r.runId)) return { cancelled: false };
    r.handle.cancel();
    return { cancelled: true };
  }

  /** Resolves when the given (or current) run finishes; the last run's result when none is running. */
  async waitForRun(runId?: string): Promise<SyncFinishedEvent> {
    const r = this.running;
    if (r && (!runId || r.runId === runId)) return r.finished;
    if (this.lastRun && (!runId || this.lastRun.runId === runId)) return this.lastRun;
    throw new CatalystError('not-found', `no run ${runId ?? ''}`.trim());
  }

  /** The in-memory snapshot: the running update and the last finished one. */
  get state(): SyncState {
    const r = this.running;
    const progress: SyncProgress | null = r
      ? {
          runId: r.runId,
          total: r.symbols.length,
          done: r.done,
          current: [...r.current],
          results: [...r.results],
          startedAt: r.startedAt,
        }
      : null;
    return { running: progress, lastRun: this.lastRun };
  }

  /**
   * The snapshot plus when each cached symbol was last updated (read from the database), by
   * symbol; `page` narrows the symbols to one page (the channel always passes one).
   */
  status(page?: Page): SyncStatus {
    return {
      ...this.state,
      symbols: this.deps.repo.symbolStates(this.deps.instruments.list(page).map((i) => i.symbol)),
    };
  }

  async getSettings(): Promise<SyncSettings> {
    const repo = this.deps.repo;
    // A value that no longer parses (edited by hand, older format) falls back to the default.
    const read = <T>(key: keyof typeof SETTINGS, schema: z.ZodType<T>, fallback: T): T => {
      const r = schema.safeParse(repo.getSetting(key));
      return r.success ? r.data : fallback;
    };
    const keys = {} as Record<KeyedProviderId, boolean>;
    for (const p of keyedProviders) keys[p] = (await this.deps.secrets.get(apiKeySecret(p))) !== null;
    return {
      providerOrder: read('providerOrder', SETTINGS.providerOrder, ['yahoo']),
      baseUrls: read('baseUrls', SETTINGS.baseUrls, {}),
      keys,
      updateOnLaunch: read('updateOnLaunch', SETTINGS.updateOnLaunch, false),
    };
  }

  async updateSettings(patch: SyncSettingsPatch): Promise<SyncSettings> {
    const current = await this.getSettings();
    const write = (): void => {
      if (patch.providerOrder) this.deps.repo.setSetting('providerOrder', patch.providerOrder);
      if (patch.baseUrls) {
        const next: Partial<Record<ProviderId, string>> = { ...current.baseUrls };
        for (const [id, url] of Object.entries(patch.baseUrls) as Array<[ProviderId, string | null]>) {
          if (url === null) delete next[id];
          else next[id] = url;
        }
        this.deps.repo.setSetting('baseUrls', next);
      }
      if (patch.updateOnLaunch !== undefined) this.deps.repo.setSetting('updateOnLaunch', patch.updateOnLaunch);
    };
    if (this.deps.transact) this.deps.transact(write);
    else write();
    this.fire({ type: 'settings' });
    return this.getSettings();
  }

  async setApiKey(
    provider: KeyedProviderId,
    key: string | null,
    options: { readonly keepInMemory?: boolean } = {},
  ): Promise<SyncSettings> {
    if (key === null) await this.deps.secrets.delete(apiKeySecret(provider));
    else await this.deps.secrets.set(apiKeySecret(provider), key, { memoryOnly: options.keepInMemory === true });
    this.fire({ type: 'settings' });
    return this.getSettings();
  }

  /** Starts an update of every cached symbol when the user turned "update on launch" on. */
  async startOnLaunch(): Promise<SyncStartResult | null> {
    const s = await this.getSettings();
    if (!s.updateOnLaunch || this.running || this.deps.instruments.list().length === 0) return null;
    return this.start({});
  }

  /** Cancels a running update and waits for it to end (app quit, core close). */
  async close(): Promise<void> {
    const r = this.running;
    if (!r) return;
    r.handle.cancel();
    await r.finished;
  }

  private async providerChain(only: ProviderId | undefined, o: SyncStartOptions): Promise<ProviderConfig[]> {
    const settings = await this.getSettings();
    let order: ProviderId[];
    if (only) order = [only];
    else {
      const keyed = new Set<string>(keyedProviders);
      const usable = settings.providerOrder.filter(
        (p) => !keyed.has(p) || settings.keys[p as KeyedProviderId] || o.apiKeys?.[p as KeyedProviderId],
      );
      // Keep a keyed provider without key only when nothing else is left, so the run says "missing key".
      order = usable.length ? usable : [...settings.providerOrder];
    }
    const configs: ProviderConfig[] = [];
    for (const [i, id] of order.entries()) {
      const baseUrl =
        (i === 0 && o.baseUrl) ||
        o.baseUrls?.[id] ||
        this.deps.baseUrlOverrides?.[id] ||
        settings.baseUrls[id] ||
        defaultBaseUrls[id];
      const apiKey = id === 'yahoo' ? null : (o.apiKeys?.[id] ?? (await this.deps.secrets.get(apiKeySecret(id))));
      configs.push({ id, baseUrl, apiKey });
    }
    return configs;
  }

  private onWire(e: SyncWireEvent): void {
    const r = this.running;
    if (e.type === 'started') this.fire({ type: 'started', event: e.payload });
    else if (e.type === 'symbol') {
      if (r && e.payload.runId === r.runId) {
        if (e.payload.state === 'running') r.current.add(e.payload.symbol);
        else {
          r.current.delete(e.payload.symbol);
          r.done = e.payload.done;
          const { symbol, state, added, changed, provider, reason, error } = e.payload;
          r.results.push({ symbol, status: state, added, changed, provider, reason, error });
        }
      }
      this.fire({ type: 'symbol', event: e.payload });
    }
    // `finished` is emitted by finish(), once, also when the worker died without sending it.
  }

  private finish(r: Running, event: SyncFinishedEvent, resolve: (e: SyncFinishedEvent) => void): void {
    if (this.running === r) this.running = null;
    this.lastRun = event;
    for (const f of event.results.filter((x) => x.status === 'failed' && x.reason !== 'cancelled'))
      this.log.warn(`run ${event.runId}: ${f.symbol} failed (${f.reason}): ${f.error}`);
    this.log.info(`run ${event.runId}: ${event.message}`);
    this.fire({ type: 'finished', event });
    resolve(event);
  }

  /** A finished event for a run whose worker died: what completed stays, the rest failed. */
  private crashed(r: Running, error: unknown): SyncFinishedEvent {
    this.log.error(`run ${r.runId}: the fetch worker stopped`, error);
    const message = `the fetch worker stopped: ${error instanceof Error ? error.message : String(error)}`;
    const known = new Map(r.results.map((x) => [x.symbol, x]));
    const results: SymbolSyncResult[] = r.symbols.map(
      (symbol) =>
        known.get(symbol) ?? {
          symbol,
          status: 'failed',
          added: 0,
          changed: 0,
          provider: null,
          reason: 'storage',
          error: message,
        },
    );
    const summary = summarise(results);
    return {
      runId: r.runId,
      results,
      summary,
      cancelled: false,
      offline: false,
      message: `${summaryMessage(summary, { cancelled: false, offline: false })} ${message}`,
      startedAt: r.startedAt,
      finishedAt: this.deps.clock.now().toISOString(),
    };
  }
}
