import type { Database } from 'better-sqlite3';
import type { IsoDate, Ticker } from '../../shared/brand';
import type { Bar } from '../../shared/domain/bar';
import type { Instrument } from '../../shared/domain/instrument';
import type { BarsRepository } from '../db/repositories/bars-repository';
import type { InstrumentsRepository } from '../db/repositories/instruments-repository';
import type { SyncRepository } from '../db/repositories/sync-repository';
import type { CorporateAction, InstrumentMeta, Provider, ProviderData } from './providers/types';
import { SyncFailure } from './sync-failure';

/*
 * Prices that change under the cache. Yahoo (and Twelve Data) send split-adjusted history: after
 * a split every cached bar before it is on the old scale, and appending new sessions would
 * leave a 3:1 cliff in the chart. When an answer reports a split after the last cached session,
 * or the overlap with the cache shows prices revised beyond rounding, the symbol's whole cached
 * range is fetched again and replaced in one transaction.
 */

/** Why a symbol's history must be fetched again. */
export type Readjustment =
  | { readonly reason: 'split'; readonly date: IsoDate; readonly numerator: number; readonly denominator: number }
  | { readonly reason: 'revised'; readonly date: IsoDate; readonly cached: number; readonly fetched: number };

/**
 * A difference of more than 0.1% (and more than half a cent) between a cached and a fetched
 * close: beyond float32 and decimal rounding, and beyond the last digit vendors round to.
 */
function revisedBeyondRounding(cached: number, fetched: number): boolean {
  const diff = Math.abs(cached - fetched);
  return diff > 0.005 && diff > 0.001 * Math.abs(cached);
}

/**
 * Decides from one answer whether the cached history must be re-fetched. `cached` are the cached
 * bars within the answer's dates; `firstCached`/`lastCached` the symbol's cached range before
 * this sync. The last cached session is not compared: it may have been stored while it was
 * still trading.
 */
export function findReadjustment(
  cached: readonly Bar[],
  data: Pick<ProviderData, 'bars' | 'actions'>,
  firstCached: IsoDate | null,
  lastCached: IsoDate | null,
): Readjustment | null {
  if (firstCached === null || lastCached === null) return null;
  const split = data.actions.find(
    (a): a is CorporateAction & { numerator: number; denominator: number } =>
      a.kind === 'split' &&
      a.date > lastCached &&
      a.date > firstCached &&
      a.numerator !== null &&
      a.denominator !== null &&
      a.numerator !== a.denominator,
  );
  if (split) return { reason: 'split', date: split.date, numerator: split.numerator, denominator: split.denominator };
  const fetched = new Map(data.bars.map((b) => [b.date, b]));
  for (const c of cached) {
    if (c.date >= lastCached) continue;
    const f = fetched.get(c.date);
    if (f && revisedBeyondRounding(c.close, f.close))
      return { reason: 'revised', date: c.date, cached: c.close, fetched: f.close };
  }
  return null;
}

/** The sentence the Updates panel and the CLI show. */
export function readjustmentNotice(r: Readjustment, label: string): string {
  return r.reason === 'split'
    ? `history re-adjusted for a ${r.numerator}:${r.denominator} split on ${r.date}`
    : `history re-fetched: ${label} revised the close of ${r.date} from ${r.cached} to ${r.fetched}`;
}

export interface ReplaceHistoryDeps {
  readonly db: Database;
  readonly bars: BarsRepository;
  readonly instruments: InstrumentsRepository;
  readonly sync: SyncRepository;
  readonly provider: Provider;
  /** ISO instant recorded as the coverage's fetch time. */
  readonly now: string;
  readonly mergeInstrument: (existing: Instrument | null, meta: InstrumentMeta, bars: readonly Bar[]) => Instrument;
}

/**
 * Replaces a symbol's bars within [from, to] by `data` (the provider's whole answer for that
 * range) in one IMMEDIATE transaction: the old scale never sits next to the new one, and a
 * failure leaves the cache as it was. Returns sessions added and sessions replaced or removed.
 */
export function replaceHistory(
  deps: ReplaceHistoryDeps,
  symbol: Ticker,
  from: IsoDate,
  to: IsoDate,
  data: ProviderData,
): { added: number; changed: number } {
  const write = deps.db.transaction(() => {
    const before = new Map(deps.bars.range(symbol, from, to).map((b) => [b.date, b]));
    const existing = deps.instruments.get(symbol);
    deps.instruments.upsert(deps.mergeInstrument(existing, data.meta, data.bars));
    deps.bars.deleteRange(symbol, from, to);
    deps.bars.upsertBatch(symbol, data.bars);
    deps.sync.upsertEvents(data.actions.map((a) => ({ ...a, symbol, provider: deps.provider.id })));
    deps.sync.extendCoverage(symbol, deps.provider.id, from, to, deps.now);
    let added = 0;
    let changed = 0;
    const kept = new Set<string>();
    for (const b of data.bars) {
      const old = before.get(b.date);
      if (!old) added++;
      else {
        kept.add(b.date);
        if (old.open !== b.open || old.high !== b.high || old.low !== b.low || old.close !== b.close) changed++;
        else if (old.adjClose !== b.adjClose || old.volume !== b.volume) changed++;
      }
    }
    changed += [...before.keys()].filter((d) => !kept.has(d)).length;
    return { added, changed };
  });
  try {
    return write.immediate();
  } catch (e) {
    throw new SyncFailure('storage', `the cache could not be written: ${(e as Error).message}`);
  }
}

/** Joins the answers of several requests for one symbol (ascending, later answers win a date). */
export function joinAnswers(parts: readonly ProviderData[]): ProviderData {
  const byDate = new Map<string, Bar>();
  const actions = new Map<string, CorporateAction>();
  for (const p of parts) {
    for (const b of p.bars) byDate.set(b.date, b);
    for (const a of p.actions) actions.set(`${a.date}|${a.kind}`, a);
  }
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bars, actions: [...actions.values()], meta: parts.at(-1)!.meta };
}
