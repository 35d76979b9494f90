import type { ProviderId, SyncFailureReason } from '../../shared/domain/sync';

export interface SyncFailureOptions {
  /** Worth asking again (429, 5xx, timeouts, dropped connections). */
  readonly retryable?: boolean;
  /** How long the provider asked us to wait before asking again (from `Retry-After`), in ms. */
  readonly retryAfterMs?: number;
  readonly provider?: ProviderId;
}

/**
 * Why fetching one symbol from one provider failed. Thrown inside the worker only; what
 * leaves the worker is the reason code and the message.
 */
export class SyncFailure extends Error {
  readonly reason: SyncFailureReason;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly provider: ProviderId | null;
  constructor(reason: SyncFailureReason, message: string, options: SyncFailureOptions = {}) {
    super(message);
    this.name = 'SyncFailure';
    this.reason = reason;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.provider = options.provider ?? null;
  }
}

/** Any thrown value as a SyncFailure (an unexpected error becomes a non-retryable bad-response). */
export function asSyncFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SyncFailure('bad-response', `unexpected error while reading the response: ${message}`);
}
