/** Longest piece of an offending input an error message quotes. */
export const MAX_QUOTED = 40;

/**
 * Quotes a piece of untrusted input for an error message: at most `max` characters (then
 * "…" and the full length), control characters shown as `\uXXXX`, so a 5 MB line never
 * becomes a 5 MB message and a message stays one line.
 */
export function quoteInput(value: string, max = MAX_QUOTED): string {
  const head = value.length > max ? value.slice(0, max) : value;
  const safe = head.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return value.length > max ? `"${safe}…" (${value.length} characters)` : `"${safe}"`;
}
