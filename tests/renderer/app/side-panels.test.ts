import { describe, expect, it } from 'vitest';
import {
  CHART_MIN_PX,
  DEFAULT_PANELS,
  drawnWidths,
  PANEL_LIMITS,
  parsePanels,
  type SidePanels,
} from '../../../src/renderer/src/app/side-panels';

const panels = (sidebar: number, details: number, collapsed: Partial<Record<'sidebar' | 'details', boolean>> = {}) =>
  ({
    sidebar: { width: sidebar, collapsed: collapsed.sidebar ?? false },
    details: { width: details, collapsed: collapsed.details ?? false },
  }) satisfies SidePanels;

describe('side panel widths', () => {
  it('draws the chosen widths when the window has room', () => {
    expect(drawnWidths(DEFAULT_PANELS, 1400)).toEqual({ sidebar: 240, details: 320 });
    expect(drawnWidths(panels(300, 400), 2560)).toEqual({ sidebar: 300, details: 400 });
  });

  it('squeezes both panels in proportion so the chart keeps half a narrow window', () => {
    for (const viewport of [960, 1024, 1100]) {
      const w = drawnWidths(DEFAULT_PANELS, viewport);
      const chart = viewport - w.sidebar - w.details;
      expect(chart).toBeGreaterThanOrEqual(Math.max(CHART_MIN_PX, viewport / 2));
      expect(chart).toBeLessThan(Math.max(CHART_MIN_PX, viewport / 2) + 3);
      expect(w.sidebar / w.details).toBeCloseTo(240 / 320, 1);
    }
  });

  it('never squeezes a panel below its minimum', () => {
    const w = drawnWidths(DEFAULT_PANELS, 600);
    expect(w).toEqual({ sidebar: PANEL_LIMITS.sidebar.min, details: PANEL_LIMITS.details.min });
  });

  it('gives a collapsed panel no width, and its room to the chart', () => {
    expect(drawnWidths(panels(240, 320, { sidebar: true }), 1024)).toEqual({ sidebar: 0, details: 320 });
    expect(drawnWidths(panels(240, 320, { sidebar: true, details: true }), 960)).toEqual({ sidebar: 0, details: 0 });
  });

  it('clamps chosen widths to the panel limits', () => {
    expect(drawnWidths(panels(10, 5000), 4000)).toEqual({
      sidebar: PANEL_LIMITS.sidebar.min,
      details: PANEL_LIMITS.details.max,
    });
  });
});

describe('remembered panels', () => {
  it('reads back what was saved', () => {
    const saved = panels(300, 280, { details: true });
    expect(parsePanels(JSON.stringify(saved))).toEqual(saved);
  });

  it('falls back to the defaults for anything unreadable, field by field', () => {
    expect(parsePanels(null)).toEqual(DEFAULT_PANELS);
    expect(parsePanels('{not json')).toEqual(DEFAULT_PANELS);
    expect(parsePanels('null')).toEqual(DEFAULT_PANELS);
    expect(parsePanels(JSON.stringify({ sidebar: { width: 'wide', collapsed: true } }))).toEqual({
      sidebar: { width: DEFAULT_PANELS.sidebar.width, collapsed: true },
      details: DEFAULT_PANELS.details,
    });
    expect(parsePanels(JSON.stringify({ sidebar: { width: 99999 } })).sidebar.width).toBe(PANEL_LIMITS.sidebar.max);
  });
});
