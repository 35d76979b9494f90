import { formatPercent as formatSharedPercent } from '../../../shared/format';

// One set of number formats for main and renderer: src/shared/format.ts.
export { formatPrice, formatVolume } from '../../../shared/format';

/** A fraction as a signed percentage: 0.0123 → "+1.23%". */
export function formatPercent(v: number | null | undefined, digits = 2): string {
  return formatSharedPercent(v, { digits });
}

/** CSS class for the sign of a change. */
export function signClass(v: number | null | undefined): string {
  if (v === null || v === undefined || v === 0) return 'flat';
  return v > 0 ? 'up' : 'down';
}
