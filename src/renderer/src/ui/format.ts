/** Price with sensible precision for its magnitude. */
export function formatPrice(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const digits = Math.abs(v) >= 1000 ? 2 : Math.abs(v) >= 10 ? 2 : 4;
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits });
}

/** A fraction as a signed percentage: 0.0123 → "+1.23%". */
export function formatPercent(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${v > 0 ? '+' : ''}${(v * 100).toFixed(digits)}%`;
}

export function formatVolume(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const abs = Math.abs(v);
  if (abs >= 1e9) return `${(v / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(v / 1e3).toFixed(1)}K`;
  return String(v);
}

/** CSS class for the sign of a change. */
export function signClass(v: number | null | undefined): string {
  if (v === null || v === undefined || v === 0) return 'flat';
  return v > 0 ? 'up' : 'down';
}
