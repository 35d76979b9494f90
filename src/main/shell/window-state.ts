import type { Rect, WindowState } from '../../shared/domain/window-state';

export type { Rect, WindowState };

export const MIN_WINDOW = { width: 960, height: 600 } as const;
const DEFAULT_SIZE = { width: 1440, height: 900 } as const;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds clamped onto a screen that still exists (a
 * monitor unplugged since, a smaller resolution), never smaller than the minimum and never
 * larger than that screen's work area. No saved state, or one on no screen at all: the
 * default size centred on the primary work area.
 */
export function restoreWindowBounds(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const centred = (area: Rect, width: number, height: number): Rect => ({
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  });
  const fit = (area: Rect, w: number, h: number) => ({
    width: Math.min(Math.max(w, MIN_WINDOW.width), area.width),
    height: Math.min(Math.max(h, MIN_WINDOW.height), area.height),
  });
  if (!saved) {
    const size = fit(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
    return { bounds: centred(primary, size.width, size.height), maximized: false };
  }
  const best = workAreas
    .map((area) => ({ area, shared: overlap(area, saved.bounds) }))
    .sort((a, b) => b.shared - a.shared)[0];
  if (!best || best.shared === 0) {
    const size = fit(primary, saved.bounds.width, saved.bounds.height);
    return { bounds: centred(primary, size.width, size.height), maximized: saved.maximized };
  }
  const { area } = best;
  const size = fit(area, saved.bounds.width, saved.bounds.height);
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, maximized: saved.maximized };
}
