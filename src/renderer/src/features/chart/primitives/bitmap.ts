/**
 * Media (CSS pixel) to bitmap (device pixel) conversions for primitive renderers, so lines
 * land on whole device pixels and stay crisp at any devicePixelRatio (the same arithmetic as
 * lightweight-charts' own plugin helpers).
 */

/** A vertical line of `width` CSS px centred on `x`: its left edge and width in device px. */
export function linePositions(x: number, pixelRatio: number, width: number): { position: number; length: number } {
  const length = Math.max(1, Math.floor(width * pixelRatio));
  const centre = Math.round(x * pixelRatio);
  return { position: centre - Math.floor(length / 2), length };
}

/** A horizontal span between two CSS px coordinates: its start and length in device px. */
export function spanPositions(a: number, b: number, pixelRatio: number): { position: number; length: number } {
  const from = Math.round(Math.min(a, b) * pixelRatio);
  const to = Math.round(Math.max(a, b) * pixelRatio);
  return { position: from, length: Math.max(1, to - from) };
}
