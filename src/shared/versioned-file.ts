import { fail, ok, type Result } from './result';

/*
 * The header every Catalyst JSON file starts with: `{"format": "catalyst-…", "version": N, …}`.
 * A reader checks it before anything else, so a file of another kind, or one written by a
 * newer Catalyst, gets one clear sentence instead of a list of schema errors.
 */

/** What a reader accepts: its format name, the newest version it reads, and the noun users know the file by. */
export interface VersionedFormat {
  readonly format: string;
  readonly version: number;
  /** "watchlist", "study": used in the messages. */
  readonly noun: string;
  /** Overrides of the first two messages, where a format has its own wording. */
  readonly messages?: {
    readonly notObject?: (got: string) => string;
    readonly wrongFormat?: (got: string) => string;
  };
}

/** The top-level object of a file whose header a reader accepts, and its version. */
export interface VersionedHead {
  readonly version: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Checks a parsed JSON value's header against `spec`: an object, the right `format`, a version ≥ 1 not newer than the reader. */
export function checkVersionedHeader(value: unknown, spec: VersionedFormat): Result<VersionedHead> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    return fail(spec.messages?.notObject?.(got) ?? `the JSON is ${got}, not a Catalyst ${spec.noun} object`);
  }
  const v = value as Record<string, unknown>;
  if (v.format !== spec.format) {
    const got = JSON.stringify(v.format) ?? 'missing';
    return fail(
      spec.messages?.wrongFormat?.(got) ??
        `not a Catalyst ${spec.noun} file ("format" is ${got}, expected "${spec.format}")`,
    );
  }
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1)
    return fail(`"version" must be a whole number ≥ 1 (got ${JSON.stringify(v.version) ?? 'nothing'})`);
  if (v.version > spec.version) {
    return fail(
      `the file is ${spec.noun} format version ${v.version}, written by a newer Catalyst; this version reads up to ${spec.version}`,
    );
  }
  return ok({ version: v.version, fields: v });
}
