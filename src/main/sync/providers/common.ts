import type { z } from 'zod';
import type { IsoDate } from '../../../shared/brand';
import { barProblem, toBar, type Bar, type BarInput } from '../../../shared/domain/bar';
import { SyncFailure } from '../sync-failure';
import type { HttpAnswer } from './types';
import { formatIssues } from '../../../shared/zod-issues';

/** Parses a JSON body, telling HTML pages and truncated JSON apart from data. */
export function parseJson(answer: HttpAnswer, label: string): unknown {
  const text = answer.body.replace(/^\uFEFF/, '').trimStart();
  if (/html/i.test(answer.contentType) || text.startsWith('<')) {
    const title = /<title[^>]*>([^<]{0,120})/i.exec(text)?.[1]?.trim();
    throw new SyncFailure(
      'bad-response',
      `${label} answered with an HTML page instead of data (HTTP ${answer.status}${title ? `, "${title}"` : ''}); a login wall, captive portal or proxy may be in the way`,
    );
  }
  if (text === '')
    throw new SyncFailure('bad-response', `${label} answered with an empty body (HTTP ${answer.status})`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = (e as Error).message;
    // V8 says "Unexpected end of JSON input", "Unterminated string …", or names a position at the very end.
    const pos = /position (\d+)/.exec(msg);
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(msg) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    throw new SyncFailure(
      'bad-response',
      truncated
        ? `${label} sent JSON that ends early (truncated after ${answer.body.length} characters); nothing was stored`
        : `${label} sent a body that is not JSON (HTTP ${answer.status}, content type "${answer.contentType || 'none'}")`,
    );
  }
}

/** Validates a parsed body with a provider schema; the message names the first problems. */
export function checkSchema<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = formatIssues(r.error, { root: '(root)', max: 3 });
  throw new SyncFailure('bad-response', `${label} sent data of an unexpected shape (${issues})`);
}

/**
 * Turns provider rows into bars: keeps those within [from, to], keeps the last row of a date
 * that appears twice (a live row after the session row), checks each bar, sorts ascending.
 * One impossible bar fails the whole answer: nothing of it is stored.
 */
export function finishBars(rows: ReadonlyArray<BarInput>, from: IsoDate, to: IsoDate, label: string): Bar[] {
  const byDate = new Map<string, BarInput>();
  for (const r of rows) if (r.date >= from && r.date <= to) byDate.set(r.date, r);
  const problems: string[] = [];
  const bars: Bar[] = [];
  for (const r of byDate.values()) {
    const p = barProblem(r);
    if (p) problems.push(`${r.date}: ${p}`);
    else bars.push(toBar(r));
  }
  if (problems.length) {
    const more = problems.length > 3 ? ` and ${problems.length - 3} more` : '';
    throw new SyncFailure(
      'invalid-data',
      `${label} sent impossible bars (${problems.slice(0, 3).join('; ')}${more}); nothing was stored`,
    );
  }
  return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Throws the failure of a 401/403 answer. */
export function authFailure(answer: HttpAnswer, label: string, detail?: string | null): SyncFailure {
  return new SyncFailure(
    'auth',
    `${label} refused the API key (HTTP ${answer.status}${detail ? `: ${detail}` : ''}); check it in the settings`,
  );
}

/** A short, single-line excerpt of a provider's own message. */
export function excerpt(text: string | null | undefined, max = 160): string | null {
  if (!text) return null;
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
