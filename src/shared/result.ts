/**
 * The outcome of a check that can refuse its input without throwing: the value, or why not.
 * `reason` is a sentence for the user by default (`E = string`); a parser that reports
 * several problems uses `Result<T, readonly string[]>`.
 */
export type Result<T, E = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: E };

/** A success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A refusal with its reason. */
export function fail<E = string>(reason: E): { readonly ok: false; readonly reason: E } {
  return { ok: false, reason };
}
