import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpAnswer } from '../../../../src/main/sync/providers/types';
import { SyncFailure } from '../../../../src/main/sync/sync-failure';

const DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../fixtures/sync');

/** A recorded-style provider body from tests/fixtures/sync. */
export function fixture(name: string): string {
  return readFileSync(resolve(DIR, name), 'utf8');
}

/** An HTTP answer around a body. */
export function answer(body: string, status = 200, contentType = 'application/json;charset=utf-8'): HttpAnswer {
  return { status, contentType, body, retryAfter: null };
}

/** The SyncFailure `fn` throws (fails the test when it throws nothing or something else). */
export function failure(fn: () => unknown): SyncFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof SyncFailure) return e;
    throw e;
  }
  throw new Error('expected a SyncFailure');
}
