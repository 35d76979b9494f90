import { describe, expect, it } from 'vitest';
import { restoreWindowBounds } from '../../../src/main/shell/window-state';
import { readWindowState } from '../../../src/shared/domain/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('reads a saved state and ignores a damaged one', () => {
    const ok = { bounds: { x: -10, y: 20, width: 1200, height: 800 }, maximized: true };
    expect(readWindowState(ok)).toEqual(ok);
    // Extra fields are dropped, not kept.
    expect(readWindowState({ ...ok, bounds: { ...ok.bounds, z: 1 }, extra: true })).toEqual(ok);
    for (const bad of [
      null,
      '',
      '{"bounds":{"x":1,"y":2,"width":3,"height":4},"maximized":true}',
      { bounds: { x: 1 }, maximized: true },
      { bounds: { x: 1, y: 2, width: 3, height: '4' }, maximized: false },
      { bounds: { x: 1, y: 2, width: 0, height: 4 }, maximized: false },
      { bounds: { x: 1, y: 2, width: 3, height: Number.NaN }, maximized: false },
      { bounds: { x: 1e12, y: 2, width: 3, height: 4 }, maximized: false },
      { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: 'yes' },
    ]) {
      expect(readWindowState(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('opens at the default size centred on the primary screen the first time, fitted to a small one', () => {
    expect(restoreWindowBounds(null, [external])).toEqual({
      bounds: { x: 1440 + 560, y: 250, width: 1440, height: 900 },
      maximized: false,
    });
    expect(restoreWindowBounds(null, [laptop])).toEqual({
      bounds: { x: 0, y: 0, width: 1440, height: 875 },
      maximized: false,
    });
  });

  it('restores the saved place on a screen that still exists', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, external])).toEqual(saved);
  });

  it('moves a window from an unplugged monitor onto the primary screen, and shrinks it to fit', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 2400, height: 1300 }, maximized: true };
    const r = restoreWindowBounds(saved, [laptop]);
    expect(r.maximized).toBe(true);
    expect(r.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('pulls a window hanging off the edge back inside, and never below the minimum size', () => {
    const r = restoreWindowBounds({ bounds: { x: 1300, y: 700, width: 400, height: 300 }, maximized: false }, [laptop]);
    expect(r.bounds).toEqual({ x: 480, y: 275, width: 960, height: 600 });
  });
});
