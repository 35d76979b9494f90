import type { Database } from 'better-sqlite3';
import type { IsoDate, Ticker } from '../../shared/brand';
import type { Bar } from '../../shared/domain/bar';
import type { Instrument } from '../../shared/domain/instrument';
import {
  providerLabels,
  summarise,
  summaryMessage,
  type ProviderId,
  type SymbolSyncResult,
  type SyncFailureReason,
  type SyncFinishedEvent,
} from '../../shared/domain/sync';
import { BarsRepository } from '../db/repositories/bars-repository';
import { bareInstrument, InstrumentsRepository } from '../db/repositories/instruments-repository';
import { nextDay, SyncRepository } from '../db/repositories/sync-repository';
import { HostLimiter, type HostLimits } from './host-limiter';
import { getOnce, HostHealth, type FetchFn } from './http-client';
import { planRequests, type PlannedRequest } from './plan';
import type { ProviderConfig, SyncCommit, SyncJob, SyncLogLevel, SyncRunRequest, SyncWireEvent } from './protocol';
import { providers } from './providers/index';
import type { CorporateAction, InstrumentMeta, Provider, ProviderData } from './providers/types';
import { findReadjustment, joinAnswers, readjustmentNotice, replaceHistory } from './readjust';
import { realSleep, withRetries, type Sleep } from './retry';
import { isSettled } from './settled';
import { asSyncFailure, SyncFailure } from './sync-failure';
import { addDays, utcDate } from './zone-date';

/*
 * The sync pipeline, in one place:
 *
 *   runSync ── for each symbol (a small pool) ── for each provider in the fallback order
 *     └─ isSettled? (fetched after the exchange's last close: no request unless forced)
 *     └─ planRequests (what is missing, from sync_coverage)
 *         └─ getOnce through HostLimiter (concurrency, adaptive spacing) ── withRetries (backoff + jitter, Retry-After)
 *             └─ provider.parse (zod schema → validated bars, meta, dividends/splits)
 *                 └─ commit: one IMMEDIATE transaction per answer (per batch of `batchSize`
 *                    sessions when an answer is larger) writes the bars, the instrument, the
 *                    provider events and the extended fetched range together.
 *
 * It runs wherever it is called: in the fetch worker (the app and the CLI) or in-process
 * (the benchmark's baseline). It never throws for a symbol's failure; it reports it.
 */

export interface SyncEngineDeps {
  /** A writable connection to the cache (the worker's own). */
  readonly db: Database;
  readonly emit: (event: SyncWireEvent) => void;
  /** Told after each committed batch that changed bars or the instrument (main turns it into `data.changed`). */
  readonly onCommit?: (commit: SyncCommit) => void;
  /** Told about retries and provider fallbacks (main writes them to the log). */
  readonly onLog?: (level: SyncLogLevel, message: string) => void;
  /** Aborted to cancel: in-flight requests abort, committed batches stay. */
  readonly signal: AbortSignal;
  readonly fetch?: FetchFn;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** Wall clock for startedAt/finishedAt. */
  readonly now?: () => Date;
}

const ADJUSTMENT_NOTES: Readonly<Record<ProviderId, string>> = {
  yahoo:
    'Sessions from Yahoo Finance: open, high, low and close are split-adjusted but not dividend-adjusted; the adjusted close includes dividends.',
  tiingo:
    'Sessions from Tiingo: open, high, low and close as traded; the adjusted close includes splits and dividends.',
  twelvedata: 'Sessions from Twelve Data: split-adjusted prices, no adjusted close.',
};

/** Yields to the event loop between batches, so a cancel message is seen promptly. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Counts {
  added: number;
  changed: number;
  /** Set when the history was re-fetched (see readjust.ts). */
  notice?: string;
}

interface Chunk {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly bars: readonly Bar[];
  readonly actions: readonly CorporateAction[];
}

/**
 * Splits one answer into write batches whose date ranges tile [request.from, request.to]
 * without gaps, in commit order: ascending for a forward request, newest first for a
 * backward one, so each commit extends the recorded range contiguously.
 */
export function chunkAnswer(
  req: PlannedRequest,
  bars: readonly Bar[],
  actions: readonly CorporateAction[],
  size: number,
): Chunk[] {
  const groups: Bar[][] = [];
  for (let i = 0; i < bars.length; i += size) groups.push(bars.slice(i, i + size));
  if (groups.length === 0) return [{ from: req.from, to: req.to, bars: [], actions }];
  const last = groups.length - 1;
  const ranges = groups.map((g, k) =>
    req.direction === 'forward'
      ? { from: k === 0 ? req.from : nextDay(groups[k - 1]!.at(-1)!.date), to: k === last ? req.to : g.at(-1)!.date }
      : { from: k === 0 ? req.from : g[0]!.date, to: k === last ? req.to : addDays(groups[k + 1]![0]!.date, -1) },
  );
  const chunks = groups.map((g, k) => ({
    ...ranges[k]!,
    bars: g,
    actions: actions.filter((a) => a.date >= ranges[k]!.from && a.date <= ranges[k]!.to),
  }));
  return req.direction === 'forward' ? chunks : chunks.reverse();
}

function withProvenance(current: string | null, label: string): string {
  if (!current) return `${label} (daily sessions fetched by Catalyst)`;
  return current.includes(label) ? current : `${current}; later sessions from ${label}`;
}

/** The instrument after an answer: keeps what the cache knew, fills what it did not. */
export function mergeInstrument(
  existing: Instrument | null,
  symbol: Ticker,
  meta: InstrumentMeta,
  provider: Provider,
  bars: readonly Bar[],
): Instrument {
  const base = existing ?? bareInstrument(symbol, { closeOnly: bars.length > 0 && bars.every((b) => b.open === null) });
  return {
    ...base,
    name: base.name ?? meta.name,
    exchange: base.exchange ?? meta.exchange,
    currency: base.currency ?? meta.currency,
    // 'UTC' is the placeholder of an instrument imported without a zone.
    timezone: base.timezone === 'UTC' && meta.timezone ? meta.timezone : base.timezone,
    kind: existing ? existing.kind : (meta.kind ?? base.kind),
    provenance: withProvenance(base.provenance, provider.label),
    adjustmentNote: base.adjustmentNote ?? ADJUSTMENT_NOTES[provider.id],
  };
}

function sameInstrument(a: Instrument | null, b: Instrument): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** Reasons that say "this provider cannot be used for this symbol" rather than "it failed". */
const NOT_APPLICABLE: ReadonlySet<SyncFailureReason> = new Set(['unsupported-symbol', 'missing-key']);

function combineFailures(
  symbol: Ticker,
  attempts: ReadonlyArray<{ provider: ProviderId; failure: SyncFailure }>,
): { reason: SyncFailureReason; error: string } {
  const real = attempts.filter((a) => !NOT_APPLICABLE.has(a.failure.reason));
  if (real.length > 0 && real.every((a) => a.failure.reason === 'offline'))
    return { reason: 'offline', error: `not updated: ${real[0]!.failure.message}` };
  const primary = real[0] ?? attempts[0];
  if (!primary) return { reason: 'cancelled', error: `${symbol} was not attempted` };
  const error =
    attempts.length === 1
      ? primary.failure.message
      : attempts.map((a) => `${providerLabels[a.provider]}: ${a.failure.message}`).join('; ');
  return { reason: primary.failure.reason, error };
}

/**
 * Runs one sync: emits `started`, a `running` and a result event per symbol, and `finished`;
 * returns the finished event. Offline is said once (in `finished`), not per symbol.
 */
export async function runSync(req: SyncRunRequest, deps: SyncEngineDeps): Promise<SyncFinishedEvent> {
  const clock = deps.now ?? (() => new Date());
  const startedAt = clock().toISOString();
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const instruments = new InstrumentsRepository(deps.db);
  const barsRepo = new BarsRepository(deps.db);
  const syncRepo = new SyncRepository(deps.db);
  const stop = new AbortController();
  const signal = AbortSignal.any([deps.signal, stop.signal]);
  const limits = req.limits;
  const runNow = new Date(req.now);
  const today = utcDate(runNow);
  const hostOf = (cfg: ProviderConfig) => new URL(cfg.baseUrl).host;
  const limitsFor = (host: string): HostLimits => {
    const cfg = req.providers.find((p) => hostOf(p) === host);
    return limits.hosts[cfg?.id ?? 'yahoo'];
  };
  const http = {
    fetch: deps.fetch ?? ((url: string, init: RequestInit) => fetch(url, init)),
    limiter: new HostLimiter(limitsFor, undefined, limits.retry.maxRetryAfterMs),
    health: new HostHealth(),
    timeoutMs: limits.timeoutMs,
    maxBodyBytes: limits.maxBodyBytes,
    signal,
  };
  const total = req.jobs.length;
  let done = 0;
  let offline = false;
  let offlineMessage = '';

  deps.emit({
    type: 'started',
    payload: {
      runId: req.runId,
      symbols: req.jobs.map((j) => j.symbol),
      total,
      providers: req.providers.map((p) => p.id),
      from: req.from,
      to: req.to,
    },
  });

  const commit = (
    symbol: Ticker,
    provider: Provider,
    data: ProviderData,
    planned: PlannedRequest,
    counts: Counts,
  ): Promise<void> => {
    const chunks = chunkAnswer(planned, data.bars, data.actions, limits.batchSize);
    const write = deps.db.transaction((chunk: Chunk, withInstrument: boolean) => {
      let instrumentChanged = false;
      if (withInstrument) {
        const existing = instruments.get(symbol);
        const merged = mergeInstrument(existing, symbol, data.meta, provider, data.bars);
        instrumentChanged = !sameInstrument(existing, merged);
        if (instrumentChanged) instruments.upsert(merged);
      }
      const before = barsRepo.countRange(symbol, chunk.from, chunk.to);
      const changes = chunk.bars.length ? barsRepo.upsertBatch(symbol, chunk.bars) : 0;
      const inserted = barsRepo.countRange(symbol, chunk.from, chunk.to) - before;
      syncRepo.upsertEvents(chunk.actions.map((a) => ({ ...a, symbol, provider: provider.id })));
      syncRepo.extendCoverage(symbol, provider.id, chunk.from, chunk.to, req.now);
      return { inserted, revised: changes - inserted, instrumentChanged };
    });
    return (async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (signal.aborted) throw new SyncFailure('cancelled', 'cancelled');
        let r: { inserted: number; revised: number; instrumentChanged: boolean };
        try {
          // IMMEDIATE: take the write lock up front instead of failing to upgrade a read lock.
          r = write.immediate(chunk, i === 0);
        } catch (e) {
          throw new SyncFailure('storage', `the cache could not be written: ${(e as Error).message}`);
        }
        counts.added += r.inserted;
        counts.changed += r.revised;
        if (r.inserted + r.revised > 0 || r.instrumentChanged) deps.onCommit?.({ runId: req.runId, symbol, ...r });
        await yieldToLoop();
      }
    })();
  };

  const fromProvider = async (job: SyncJob, cfg: ProviderConfig, counts: Counts): Promise<void> => {
    const provider = providers[cfg.id];
    const to = job.to > today ? today : job.to;
    const coverage = syncRepo.coverage(job.symbol, cfg.id);
    const lastBar = barsRepo.latestDate(job.symbol);
    const from =
      job.from ??
      coverage?.from ??
      (lastBar ? addDays(lastBar, -limits.overlapDays) : addDays(to, -limits.defaultHistoryDays));
    // Nothing can be new since the exchange's last close: no request (unless forced).
    if (!req.force && isSettled(coverage, from, to, instruments.get(job.symbol)?.timezone ?? null, runNow)) return;
    const plan = planRequests(coverage, from, to, limits, req.force === true);
    const firstBar = barsRepo.earliestDate(job.symbol);
    const fetchRange = (rangeFrom: IsoDate, rangeTo: IsoDate): Promise<ProviderData> => {
      const request = provider.buildRequest(job.symbol, rangeFrom, rangeTo, {
        baseUrl: cfg.baseUrl,
        apiKey: cfg.apiKey,
      });
      return withRetries(
        async () => provider.parse(await getOnce(request, provider.label, http), job.symbol, rangeFrom, rangeTo),
        limits.retry,
        {
          sleep,
          random,
          signal,
          onRetry: (f, attempt, delayMs) =>
            deps.onLog?.(
              'warn',
              `${job.symbol} from ${provider.label}: ${f.message}; attempt ${attempt + 1} in ${Math.round(delayMs)} ms`,
            ),
        },
      );
    };
    for (const planned of plan) {
      const data = await fetchRange(planned.from, planned.to);
      const cachedNow = barsRepo.range(job.symbol, planned.from, planned.to);
      const readjust = findReadjustment(cachedNow, data, firstBar, lastBar);
      if (readjust && firstBar) {
        // A split or a revision: the whole cached range again, replaced in one transaction.
        const whole = planRequests(null, firstBar, to, limits);
        const parts: ProviderData[] = [];
        for (const p of whole) parts.push(await fetchRange(p.from, p.to));
        const r = replaceHistory(
          {
            db: deps.db,
            bars: barsRepo,
            instruments,
            sync: syncRepo,
            provider,
            now: req.now,
            mergeInstrument: (existing, meta, bars) => mergeInstrument(existing, job.symbol, meta, provider, bars),
          },
          job.symbol,
          firstBar,
          to,
          joinAnswers(parts),
        );
        counts.added += r.added;
        counts.changed += r.changed;
        counts.notice = readjustmentNotice(readjust, provider.label);
        // A replaced history is a commit like any batch: the views must re-read it.
        if (r.added + r.changed > 0)
          deps.onCommit?.({
            runId: req.runId,
            symbol: job.symbol,
            inserted: r.added,
            revised: r.changed,
            instrumentChanged: false,
          });
        return;
      }
      await commit(job.symbol, provider, data, planned, counts);
    }
  };

  const syncSymbol = async (job: SyncJob): Promise<SymbolSyncResult> => {
    const counts: Counts = { added: 0, changed: 0 };
    const attempts: Array<{ provider: ProviderId; failure: SyncFailure }> = [];
    for (const cfg of req.providers) {
      try {
        await fromProvider(job, cfg, counts);
        const status = counts.added + counts.changed > 0 ? 'updated' : 'up-to-date';
        const { notice, ...added } = counts;
        return {
          symbol: job.symbol,
          status,
          ...added,
          provider: cfg.id,
          reason: null,
          error: null,
          ...(notice ? { notice } : {}),
        };
      } catch (e) {
        const failure = asSyncFailure(e);
        attempts.push({ provider: cfg.id, failure });
        if (failure.reason !== 'cancelled')
          deps.onLog?.(
            'warn',
            `${job.symbol} from ${providerLabels[cfg.id]} failed (${failure.reason}): ${failure.message}`,
          );
        if (failure.reason === 'cancelled' || signal.aborted) break;
      }
    }
    const cancelled = attempts.some((a) => a.failure.reason === 'cancelled') || (signal.aborted && !offline);
    const { reason, error } = cancelled
      ? { reason: 'cancelled' as const, error: 'cancelled before it finished' }
      : combineFailures(job.symbol, attempts);
    return {
      symbol: job.symbol,
      status: 'failed',
      added: counts.added,
      changed: counts.changed,
      provider: attempts.at(-1)?.provider ?? null,
      reason,
      error,
    };
  };

  const results: Array<SymbolSyncResult | undefined> = new Array<SymbolSyncResult | undefined>(total);
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const job = req.jobs[i]!;
      if (signal.aborted) continue;
      deps.emit({
        type: 'symbol',
        payload: {
          runId: req.runId,
          symbol: job.symbol,
          state: 'running',
          provider: null,
          added: 0,
          changed: 0,
          reason: null,
          error: null,
          done,
          total,
        },
      });
      let r = await syncSymbol(job);
      if (r.reason === 'offline' && !offline) {
        offline = true;
        offlineMessage = r.error ?? 'offline';
        stop.abort();
      }
      // Symbols cut short because the run found itself offline are offline, not cancelled.
      if (offline && r.reason === 'cancelled' && !deps.signal.aborted)
        r = { ...r, reason: 'offline', error: offlineMessage };
      results[i] = r;
      done++;
      if (r.reason !== 'offline') {
        deps.emit({
          type: 'symbol',
          payload: {
            runId: req.runId,
            symbol: r.symbol,
            state: r.status,
            provider: r.provider,
            added: r.added,
            changed: r.changed,
            reason: r.reason,
            error: r.error,
            ...(r.notice ? { notice: r.notice } : {}),
            done,
            total,
          },
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.symbolConcurrency, total)) }, lane));

  const final: SymbolSyncResult[] = req.jobs.map(
    (job, i) =>
      results[i] ?? {
        symbol: job.symbol,
        status: 'failed',
        added: 0,
        changed: 0,
        provider: null,
        reason: offline ? 'offline' : 'cancelled',
        error: offline ? offlineMessage : 'cancelled before it started',
      },
  );
  const cancelled = deps.signal.aborted;
  const summary = summarise(final);
  const finished: SyncFinishedEvent = {
    runId: req.runId,
    results: final,
    summary,
    cancelled,
    offline,
    message: summaryMessage(summary, { cancelled, offline }),
    startedAt,
    finishedAt: clock().toISOString(),
  };
  deps.emit({ type: 'finished', payload: finished });
  return finished;
}
