import { parseTicker, type Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { baseUrlSchema } from '../../../shared/contract/sync';
import type { SyncFinishedEvent } from '../../../shared/domain/sync';
import { apiKeysFromEnv, baseUrlsFromEnv, limitsFromEnv } from '../../services/sync/sync-env';
import { channelInput, optionalArg, stringFlag } from '../args';
import type { Command } from '../command';
import { syncSpec } from './specs';

/** `--symbols A,B`: split, each checked here so the message lists every bad one; the channel checks the rest. */
function parseSymbols(raw: string | boolean | Array<string | boolean> | undefined): Ticker[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string')
    throw new CatalystError('invalid-input', '--symbols needs a comma-separated list, e.g. --symbols 9988.HK,BABA');
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new CatalystError('invalid-input', '--symbols is empty');
  const bad = parts.filter((p) => parseTicker(p) === null);
  if (bad.length)
    throw new CatalystError(
      'invalid-input',
      `--symbols: not a symbol: ${bad.map((b) => `"${b}"`).join(', ')} (expected e.g. 9988.HK, BABA, ^HSI)`,
    );
  return parts.map((p) => parseTicker(p)!);
}

function human(f: SyncFinishedEvent): string {
  if (f.offline) return f.message;
  const width = Math.max(6, ...f.results.map((r) => r.symbol.length));
  const lines = f.results.map((r) => {
    const what =
      r.status === 'failed'
        ? `failed     ${r.reason}: ${r.error}`
        : `${r.status.padEnd(10)} +${r.added}${r.changed ? ` (${r.changed} revised)` : ''}${r.notice ? `: ${r.notice}` : ''}`;
    return `${r.symbol.padEnd(width)}  ${what}`;
  });
  return [...lines, f.message].join('\n');
}

/**
 * `catalyst sync`: updates cached prices from a public provider through the fetch worker.
 * Prints `{"results":[{symbol,status,added,error,…}],…}` with `--json`; exit 0 when every
 * symbol succeeded, 2 when some failed (offline included), 1 on bad input.
 */
export const syncCommand: Command = {
  ...syncSpec,
  async run(ctx) {
    const input = channelInput(
      'sync.start',
      {
        symbols: parseSymbols(ctx.flags.symbols),
        from: stringFlag(ctx.flags.from, '--from'),
        to: stringFlag(ctx.flags.to, '--to'),
        provider: stringFlag(ctx.flags.provider, '--provider'),
        force: ctx.flags.force === true,
      },
      { symbols: '--symbols', from: '--from', to: '--to', provider: '--provider', force: '--force' },
    );
    const baseUrl = optionalArg(ctx.flags['base-url'], '--base-url', baseUrlSchema);
    const options = {
      baseUrl,
      baseUrls: baseUrlsFromEnv(ctx.env),
      apiKeys: apiKeysFromEnv(ctx.env),
      limits: limitsFromEnv(ctx.env),
    };
    const sync = ctx.core().services.sync;
    const { runId } = await sync.start(input, options);
    // Ctrl-C cancels the run: in-flight requests stop, committed batches stay, results still print.
    const onInterrupt = () => sync.cancel(runId);
    process.once('SIGINT', onInterrupt);
    let finished: SyncFinishedEvent;
    try {
      finished = await sync.waitForRun(runId);
    } finally {
      process.off('SIGINT', onInterrupt);
    }
    const results = finished.results.map((r) => ({
      symbol: r.symbol,
      status: r.status,
      added: r.added,
      error: r.error,
      reason: r.reason,
      changed: r.changed,
      provider: r.provider,
      notice: r.notice ?? null,
    }));
    ctx.print(
      {
        results,
        summary: finished.summary,
        offline: finished.offline,
        cancelled: finished.cancelled,
        message: finished.message,
      },
      () => human(finished),
    );
    // 2 only for a partial failure (some symbols failed, others were done); all failed is exit 1.
    const s = finished.summary;
    if (s.failed === 0) return 0;
    return s.failed < s.total ? 2 : 1;
  },
};
