/*
 * One way to turn zod's issues into the messages users read (the router's invalid-input
 * errors, CLI arguments, environment variables, shipped files, provider answers, study files).
 */

/** The part of a zod issue a message needs (zod's `$ZodIssue` satisfies it). */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export interface IssueFormat {
  /**
   * How a path is written: `dotted` (`events.3.date`, the default), `none` (messages only), or
   * a function (a study file names the event id at `events[3]`).
   */
  readonly path?: 'dotted' | 'none' | ((path: readonly PropertyKey[]) => string);
  /** What stands for an empty path; absent = the message alone. */
  readonly root?: string;
  /** At most this many issues (the rest are dropped). */
  readonly max?: number;
}

/** `a.b.0.c` */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One line per issue: `path: message` (or the message alone for the root or with `path: 'none'`). */
export function issueMessages(issues: readonly IssueLike[], o: IssueFormat = {}): string[] {
  const style = o.path ?? 'dotted';
  return issues.slice(0, o.max ?? issues.length).map((i) => {
    if (style === 'none') return i.message;
    const where = i.path.length ? (style === 'dotted' ? dottedPath(i.path) : style(i.path)) : o.root;
    return where ? `${where}: ${i.message}` : i.message;
  });
}

/** The issues of a failed parse as one line, joined by `; `. */
export function formatIssues(error: { readonly issues: readonly IssueLike[] }, o: IssueFormat = {}): string {
  return issueMessages(error.issues, o).join('; ');
}
