import { basename } from 'node:path';
import { CatalystError, type ErrorCode } from '../../shared/contract/errors';
import { UsageError } from './command';

/** What the CLI prints for a failed command: a typed code and one line. */
export interface CliFailure {
  readonly code: ErrorCode;
  /** One line, at most {@link MAX_MESSAGE} characters. */
  readonly message: string;
  /** Shown on a second line for usage errors (`Usage: catalyst …`). */
  readonly usage?: string;
}

/** Longest message the CLI prints; longer ones are cut (the rest is in --verbose). */
export const MAX_MESSAGE = 500;

const SQLITE_CODES: ReadonlyArray<readonly [RegExp, ErrorCode, string]> = [
  [/^SQLITE_(BUSY|LOCKED)/, 'unavailable', 'the database is busy (another Catalyst process is writing); try again'],
  [
    /^SQLITE_(CORRUPT|NOTADB)/,
    'damaged-database',
    'the database file is damaged or is not a Catalyst database; run `catalyst recover` to move it aside and restore your data',
  ],
  [/^SQLITE_CANTOPEN/, 'unavailable', 'the database file cannot be opened (check the path and its permissions)'],
  [/^SQLITE_FULL/, 'unavailable', 'the disk is full; free some space and try again'],
  [/^SQLITE_(READONLY|PERM|AUTH)/, 'forbidden', 'the database file is read-only or not accessible'],
  [/^SQLITE_IOERR/, 'unavailable', 'the database file could not be read or written (disk error)'],
  [/^SQLITE_CONSTRAINT/, 'conflict', 'the change conflicts with data already stored'],
];

const NODE_CODES: Readonly<Record<string, readonly [ErrorCode, string]>> = {
  ENOENT: ['not-found', 'no such file or folder'],
  EACCES: ['forbidden', 'permission denied'],
  EPERM: ['forbidden', 'operation not permitted'],
  EISDIR: ['invalid-input', 'a folder was given where a file is needed'],
  ENOTDIR: ['invalid-input', 'a file was given where a folder is needed'],
  ENOSPC: ['unavailable', 'the disk is full'],
  EMFILE: ['unavailable', 'too many open files'],
  EROFS: ['forbidden', 'the file system is read-only'],
};

function errorCodeOf(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** One line: newlines folded, control characters dropped, cut at {@link MAX_MESSAGE}. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

/** Replaces absolute paths (POSIX and Windows) by their last segment, for `--json` output. */
export function withoutAbsolutePaths(text: string): string {
  return text
    .replace(/(^|[\s"'(=[,])((?:\/[^\s"'()[\],/]+)+\/?)/g, (_m, pre: string, p: string) => `${pre}${basename(p)}`)
    .replace(
      /(^|[\s"'(=[,])([A-Za-z]:\\[^\s"'()[\],]*)/g,
      (_m, pre: string, p: string) => `${pre}${p.split('\\').pop()}`,
    );
}

/**
 * Maps anything a command throws to a typed code and a one-line message: CatalystError as is,
 * SQLite and file-system errors by their code (a damaged file, a busy or read-only database,
 * a missing file), anything else `internal`. Never a stack trace (that is `--verbose`).
 */
export function toCliFailure(e: unknown, usage?: string): CliFailure {
  if (e instanceof UsageError) return { code: 'invalid-input', message: oneLine(e.message), usage };
  if (e instanceof CatalystError) return { code: e.code, message: oneLine(e.message) };
  const code = errorCodeOf(e);
  if (code?.startsWith('SQLITE_')) {
    const hit = SQLITE_CODES.find(([re]) => re.test(code));
    if (hit) return { code: hit[1], message: hit[2] };
    return { code: 'internal', message: `unexpected database error (${code}); run again with --verbose for details` };
  }
  if (code && NODE_CODES[code]) {
    const [c, text] = NODE_CODES[code];
    const path = (e as { path?: unknown }).path;
    return { code: c, message: typeof path === 'string' ? `${text}: ${path}` : text };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return { code: 'invalid-input', message: 'the input is nested too deeply to process' };
  return { code: 'internal', message: 'unexpected error; run again with --verbose for details' };
}
