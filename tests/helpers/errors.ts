import { CatalystError } from '../../src/shared/contract/errors';

/** The CatalystError `fn` throws; fails the test when it throws nothing or something else. */
export function catalystErrorOf(fn: () => unknown): CatalystError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CatalystError) return e;
    throw e;
  }
  throw new Error('expected a CatalystError');
}
