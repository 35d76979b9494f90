import type { Result } from './result';

/**
 * JSON from outside (imported files) parsed with a nesting limit checked before the parse, so
 * a deeply nested file is a typed refusal instead of a stack overflow later (in
 * `JSON.stringify`, a schema walk or a renderer). Pure: no Node, no DOM.
 */

/** Deepest nesting of arrays/objects accepted; Catalyst's own files use fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;

/** The deepest array/object nesting of a JSON text (strings skipped), stopping early once past `stopAt`. */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export type BoundedJson = Result<unknown>;

/** `JSON.parse` behind a nesting limit; the reason never quotes more than V8's short excerpt. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): BoundedJson {
  if (jsonDepth(text, maxDepth) > maxDepth)
    return { ok: false, reason: `the JSON is nested more than ${maxDepth} levels deep` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    return { ok: false, reason: `invalid JSON: ${message.length > 160 ? `${message.slice(0, 159)}…` : message}` };
  }
}
