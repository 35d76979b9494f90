/**
 * The main window's place, kept with the rest of what a launch restores (the workspace) in the
 * database's `app_state` (key `window`): its normal bounds and whether it was maximised. Read
 * back through {@link readWindowState}, so a damaged value counts as none; where it opens is
 * decided by `restoreWindowBounds` (src/main/shell/window-state.ts) against today's screens.
 */

/** A rectangle in DIPs, as Electron's `screen` and `BrowserWindow.getBounds()` give it. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What is saved of the main window when it closes, and restored at the next launch. */
export interface WindowState {
  /** The normal (not maximised) bounds. */
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** Larger than any screen: a value beyond it is not a window's. */
const MAX_COORDINATE = 1_000_000;

function isRect(r: unknown): r is Rect {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  const finite = (k: string) => typeof o[k] === 'number' && Number.isFinite(o[k]) && Math.abs(o[k]) <= MAX_COORDINATE;
  return ['x', 'y', 'width', 'height'].every(finite) && (o.width as number) > 0 && (o.height as number) > 0;
}

/** A stored window state, or null for anything malformed (never saved, damaged, hand-edited). */
export function readWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { bounds?: unknown; maximized?: unknown };
  if (!isRect(v.bounds) || typeof v.maximized !== 'boolean') return null;
  const { x, y, width, height } = v.bounds;
  return { bounds: { x, y, width, height }, maximized: v.maximized };
}
