import { z } from 'zod';

/**
 * Paging of list channels. A list that can grow without bound (instruments, watchlists,
 * studies, events) answers at most its channel's documented page size per call, in a stable
 * order; `offset` skips that many items. A page as long as the limit may have a next one: ask
 * again with `offset + limit`. The answer stays a plain array, so callers that never page
 * read the first (large) page as before.
 */
export interface PageQuery {
  readonly offset?: number;
  readonly limit?: number;
}

/** A resolved page: how many to skip, how many at most to return. */
export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** Beyond this an offset can only be a mistake (no list holds a billion rows). */
export const MAX_PAGE_OFFSET = 1_000_000_000;

/** The `offset`/`limit` fields of a list channel whose page holds at most `max` items. */
export function pageFields(max: number) {
  return {
    /** Items to skip (default 0). */
    offset: z.number().int().nonnegative().max(MAX_PAGE_OFFSET).optional(),
    /** Items to return at most (default and maximum: the channel's page size). */
    limit: z
      .number()
      .int()
      .positive()
      .max(max, { message: `at most ${max} per page` })
      .optional(),
  };
}

/** The page a parsed query asks for, with the channel's page size as default. */
export function resolvePage(q: PageQuery | undefined, max: number): Page {
  return { offset: q?.offset ?? 0, limit: Math.min(q?.limit ?? max, max) };
}

/** The page of an in-memory list (for lists a repository cannot page in SQL). */
export function pageOf<T>(items: readonly T[], page: Page): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}

/** The sentence every paged channel's doc ends with. */
export function pageDoc(max: number): string {
  return `At most ${max} per call (offset/limit page on; a full page may have a next one).`;
}
