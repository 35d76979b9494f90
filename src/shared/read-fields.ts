import type { z } from 'zod';

/**
 * The fields of stored JSON that still parse, each with its own schema: one unreadable value
 * (edited by hand, written by another version) is dropped alone instead of losing the rest.
 * Fields absent or invalid are absent from the result. Never throws.
 */
export function readFields<S extends Record<string, z.ZodType>>(
  shape: S,
  stored: unknown,
): { [K in keyof S]?: z.output<S[K]> } {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (raw[key] === undefined) continue;
    const r = schema.safeParse(raw[key]);
    if (r.success) out[key] = r.data;
  }
  return out as { [K in keyof S]?: z.output<S[K]> };
}
