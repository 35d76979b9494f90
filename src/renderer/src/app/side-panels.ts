/**
 * The two side panels around the chart (the instruments sidebar on the left, the details panel
 * on the right): their widths and whether they are collapsed, as the user set them, and the
 * widths actually drawn in a window of a given width. Plain TypeScript, no DOM.
 */

export type PanelId = 'sidebar' | 'details';

export interface PanelPrefs {
  /** Width in CSS px the user chose (by dragging); the drawn width may be less in a small window. */
  readonly width: number;
  readonly collapsed: boolean;
}

export type SidePanels = Readonly<Record<PanelId, PanelPrefs>>;

/** Bounds of a panel's width in CSS px. */
export const PANEL_LIMITS: Readonly<Record<PanelId, { readonly min: number; readonly max: number }>> = {
  sidebar: { min: 160, max: 480 },
  details: { min: 220, max: 640 },
};

export const DEFAULT_PANELS: SidePanels = {
  sidebar: { width: 240, collapsed: false },
  details: { width: 320, collapsed: false },
};

/** The chart keeps at least this share of the window, and at least `CHART_MIN_PX`. */
export const CHART_MIN_SHARE = 0.5;
export const CHART_MIN_PX = 440;

export function clampWidth(panel: PanelId, width: number): number {
  const { min, max } = PANEL_LIMITS[panel];
  if (!Number.isFinite(width)) return DEFAULT_PANELS[panel].width;
  return Math.round(Math.min(max, Math.max(min, width)));
}

/**
 * Widths drawn in a window `viewport` px wide (0 for a collapsed panel). When the chosen
 * widths would leave the chart less than its minimum, both panels shrink in proportion, never
 * below their own minimum: a narrow window squeezes the panels before the chart.
 */
export function drawnWidths(prefs: SidePanels, viewport: number): Record<PanelId, number> {
  const want = {
    sidebar: prefs.sidebar.collapsed ? 0 : clampWidth('sidebar', prefs.sidebar.width),
    details: prefs.details.collapsed ? 0 : clampWidth('details', prefs.details.width),
  };
  const room = viewport - Math.max(CHART_MIN_PX, viewport * CHART_MIN_SHARE);
  const total = want.sidebar + want.details;
  if (total <= room || total === 0) return want;
  const factor = Math.max(0, room) / total;
  const shrink = (id: PanelId) => (want[id] === 0 ? 0 : Math.max(PANEL_LIMITS[id].min, Math.floor(want[id] * factor)));
  return { sidebar: shrink('sidebar'), details: shrink('details') };
}

/**
 * Reads saved panels (the workspace's value, or its JSON text); anything unreadable falls back
 * to the defaults, and widths are clamped to the panels' limits.
 */
export function parsePanels(saved: unknown): SidePanels {
  if (!saved) return DEFAULT_PANELS;
  let raw: unknown = saved;
  if (typeof saved === 'string') {
    try {
      raw = JSON.parse(saved);
    } catch {
      return DEFAULT_PANELS;
    }
  }
  const read = (id: PanelId): PanelPrefs => {
    const p = (raw as Record<string, unknown> | null)?.[id] as Partial<PanelPrefs> | undefined;
    return {
      width: typeof p?.width === 'number' ? clampWidth(id, p.width) : DEFAULT_PANELS[id].width,
      collapsed: typeof p?.collapsed === 'boolean' ? p.collapsed : DEFAULT_PANELS[id].collapsed,
    };
  };
  return { sidebar: read('sidebar'), details: read('details') };
}
