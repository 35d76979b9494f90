import type { z } from 'zod';
import { CatalystError } from '../../../shared/contract/errors';
import { baseUrlSchema } from '../../../shared/contract/sync';
import { keyedProviders, providerIds, type KeyedProviderId, type ProviderId } from '../../../shared/domain/sync';
import { apiKeyEnv } from './secret-store';
import type { SyncLimitsOverride } from './sync-service';
import { formatIssues } from '../../../shared/zod-issues';

/** The environment variable that overrides each provider's base URL. */
export const baseUrlEnv: Readonly<Record<ProviderId, string>> = {
  yahoo: 'CATALYST_YAHOO_BASE_URL',
  tiingo: 'CATALYST_TIINGO_BASE_URL',
  twelvedata: 'CATALYST_TWELVEDATA_BASE_URL',
};

function check<T>(schema: z.ZodType<T>, raw: string, name: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new CatalystError('invalid-input', `${name}: ${formatIssues(r.error, { path: 'none' })}`);
  return r.data;
}

/** Base URLs set in the environment (`CATALYST_YAHOO_BASE_URL` …); a malformed one is an input error. */
export function baseUrlsFromEnv(env: NodeJS.ProcessEnv): Partial<Record<ProviderId, string>> {
  const out: Partial<Record<ProviderId, string>> = {};
  for (const id of providerIds) {
    const raw = env[baseUrlEnv[id]]?.trim();
    if (raw) out[id] = check(baseUrlSchema, raw, baseUrlEnv[id]);
  }
  return out;
}

/** API keys set in the environment (`CATALYST_TIINGO_KEY`, `CATALYST_TWELVEDATA_KEY`). */
export function apiKeysFromEnv(env: NodeJS.ProcessEnv): Partial<Record<KeyedProviderId, string>> {
  const out: Partial<Record<KeyedProviderId, string>> = {};
  for (const id of keyedProviders) {
    const raw = env[apiKeyEnv[id]]?.trim();
    if (raw) out[id] = raw;
  }
  return out;
}

const TUNING: ReadonlyArray<readonly [string, (n: number) => SyncLimitsOverride, number, number]> = [
  ['CATALYST_SYNC_TIMEOUT_MS', (n) => ({ timeoutMs: n }), 100, 600_000],
  ['CATALYST_SYNC_BATCH_SIZE', (n) => ({ batchSize: n }), 1, 100_000],
  ['CATALYST_SYNC_ATTEMPTS', (n) => ({ retry: { maxAttempts: n } }), 1, 20],
  ['CATALYST_SYNC_RETRY_DELAY_MS', (n) => ({ retry: { baseDelayMs: n } }), 0, 600_000],
  [
    'CATALYST_SYNC_CONCURRENCY',
    (n) => ({ symbolConcurrency: n, hosts: Object.fromEntries(providerIds.map((p) => [p, { concurrency: n }])) }),
    1,
    64,
  ],
  [
    'CATALYST_SYNC_SPACING_MS',
    (n) => ({ hosts: Object.fromEntries(providerIds.map((p) => [p, { minSpacingMs: n }])) }),
    0,
    600_000,
  ],
];

/**
 * Run limits from the environment, for operators and tests (timeouts, batch size, attempts,
 * concurrency, spacing). Each must be a whole number in its range.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): SyncLimitsOverride {
  let out: SyncLimitsOverride = {};
  for (const [name, make, min, max] of TUNING) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max)
      throw new CatalystError('invalid-input', `${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    const o = make(n);
    out = { ...out, ...o, hosts: mergeHosts(out.hosts, o.hosts), retry: { ...out.retry, ...o.retry } };
  }
  return out;
}

function mergeHosts(a: SyncLimitsOverride['hosts'], b: SyncLimitsOverride['hosts']): SyncLimitsOverride['hosts'] {
  if (!a) return b;
  if (!b) return a;
  const out: Record<string, object> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = { ...a[k as ProviderId], ...v };
  return out as SyncLimitsOverride['hosts'];
}
