/**
 * Errors that cross the IPC boundary. Only `{code, message}` (and optional structured
 * `details`) ever leave the main process: never a stack trace.
 */
export const errorCodes = [
  'invalid-input',
  'forbidden',
  'not-found',
  'conflict',
  'unavailable',
  'cancelled',
  'offline',
  'provider-error',
  'unsupported-database',
  /** The database file is damaged (failed its integrity check, not SQLite, unreadable pages). */
  'damaged-database',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  /** Structured detail for the UI (e.g. per-line problems); plain JSON only. */
  readonly details?: unknown;
}

/** An expected failure with a code the UI and CLI can act on. */
export class CatalystError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CatalystError';
    this.code = code;
    this.details = details;
  }
  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** What a request returns over the wire: the value, or a typed error. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export function isErrorInfo(v: unknown): v is ErrorInfo {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorInfo).message === 'string' &&
    (errorCodes as readonly string[]).includes((v as ErrorInfo).code)
  );
}
