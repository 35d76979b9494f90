import { CatalystError } from '../../../shared/contract/errors';

/** A one-line message for the user from anything a call threw. */
export function describeError(error: unknown): string {
  if (error instanceof CatalystError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
