/*
 * Number formatting shared by the main process (CLI output, claim notes) and the renderer.
 * Fractions are fractions everywhere (0.25 = +25 %); these turn them into text once.
 */

/** Shown where a number is missing or not finite. */
export const MISSING = '–';

export interface PercentOptions {
  /** Decimals after the point (default 2). */
  readonly digits?: number;
  /** Zero shows `+0.0%` instead of `0.0%` (claim notes and the claims table read it as "no loss"). */
  readonly plusOnZero?: boolean;
  /** Negative values use the typographic minus `−` (U+2212) instead of `-` (tables set in a proportional font). */
  readonly typographicMinus?: boolean;
}

/** A fraction as a signed percentage: 0.0123 → "+1.23%"; {@link MISSING} for null, undefined or not finite. */
export function formatPercent(v: number | null | undefined, o: PercentOptions = {}): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  const digits = o.digits ?? 2;
  const body = Math.abs(v * 100).toFixed(digits);
  // A value that rounds to zero keeps its sign only when it is really negative (toFixed's "-0.00").
  const sign = v < 0 ? (o.typographicMinus ? '−' : '-') : v > 0 || o.plusOnZero ? '+' : '';
  return `${sign}${body}%`;
}

/** A fraction as an unsigned-style percentage with at most one decimal and no trailing zeros: 0.33 → "33%", 0.275 → "27.5%". */
export function formatPercentBare(v: number): string {
  return `${Math.round(v * 1000) / 10}%`;
}

/** A band of fractions as percentages: {min: 0.25, max: 0.35} → "25–35%". */
export function formatPercentBand(b: { readonly min: number; readonly max: number }): string {
  return `${Math.round(b.min * 1000) / 10}–${formatPercentBare(b.max)}`;
}

/** A number rounded to at most `decimals` decimals, without trailing zeros or grouping: 12.34567 → "12.3457". */
export function formatRounded(v: number, decimals = 4): string {
  const f = 10 ** decimals;
  return String(Math.round(v * f) / f);
}

/** A price with precision for its magnitude and grouping: 1234.5 → "1,234.50", 0.12345 → "0.1235". */
export function formatPrice(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  const digits = Math.abs(v) >= 10 ? 2 : 4;
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits });
}

/** A volume in K/M/B: 1_234_567 → "1.23M". */
export function formatVolume(v: number | null | undefined): string {
  if (v === null || v === undefined) return MISSING;
  const abs = Math.abs(v);
  if (abs >= 1e9) return `${(v / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(v / 1e3).toFixed(1)}K`;
  return String(v);
}

/** A byte count with its binary unit: 1536 → "1536 bytes (1.5 KiB)". */
export function formatBytes(n: number): string {
  const unit = n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(2)} MiB` : `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes (${unit})`;
}

/** A number with grouping and at most `maxDecimals` decimals: 12345.678912 → "12,345.6789". */
export function formatNumber(v: number, maxDecimals = 4): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: maxDecimals });
}
