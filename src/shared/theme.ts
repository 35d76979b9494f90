/**
 * The one set of theme tokens: the renderer's CSS custom properties are set from them
 * (`cssVariables`), the chart palette reads them, and the Electron window paints `bg` before
 * the page does, so no surface ever shows a third shade of dark. Pure data: no DOM, no Node.
 */

export type ThemeName = 'light' | 'dark';

/** Event categories the chart and the panels colour apart (DESIGN.md, "Event"). */
export type CategoryToken = 'ai' | 'policy' | 'market' | 'corporate' | 'macro' | 'user';

export interface ThemeTokens {
  /** Page background: behind the panels, and the window's colour before the first paint. */
  readonly bg: string;
  /** Panels, toolbar, status bar and the chart's own background. */
  readonly panel: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly accentSoft: string;
  /** Text on an `accent` background (a primary button): 4.5:1 or more against it. */
  readonly onAccent: string;
  /**
   * Rising and falling: candles and the figures in the panels. Both are text colours too, so
   * each keeps WCAG AA contrast (4.5:1) on `panel`, `bg` and a selected row (`accentSoft` over
   * `panel`); tests/shared/theme.test.ts checks it.
   */
  readonly up: string;
  readonly down: string;
  readonly warn: string;
  /** Chart grid lines (fainter than `border`). */
  readonly grid: string;
  /** A close-only series' line. */
  readonly line: string;
  readonly upVolume: string;
  readonly downVolume: string;
  /** Text on a category-coloured label (the selected event's time-axis label). */
  readonly onCategory: string;
  /** Lines of a comparison, in order; none of them is the up/down green or red. */
  readonly compare: readonly string[];
  /** One colour per event category; none of them is the up/down green or red of candles. */
  readonly category: Readonly<Record<CategoryToken, string>>;
}

export const themeTokens: Readonly<Record<ThemeName, ThemeTokens>> = {
  light: {
    bg: '#f6f7f9',
    panel: '#ffffff',
    text: '#1f2933',
    muted: '#5f6b7a',
    border: '#d5dbe1',
    accent: '#2563eb',
    accentSoft: 'rgba(37, 99, 235, 0.12)',
    onAccent: '#ffffff',
    up: '#137333',
    down: '#b91c1c',
    warn: '#92400e',
    grid: '#eef1f4',
    line: '#2563eb',
    upVolume: 'rgba(22, 163, 74, 0.45)',
    downVolume: 'rgba(220, 38, 38, 0.45)',
    onCategory: '#ffffff',
    compare: ['#2563eb', '#c2410c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#475569', '#a16207'],
    category: {
      ai: '#7c3aed',
      policy: '#c2410c',
      market: '#0e7490',
      corporate: '#be185d',
      macro: '#4d7c0f',
      user: '#475569',
    },
  },
  dark: {
    bg: '#0b0d10',
    panel: '#111418',
    text: '#d8dee4',
    muted: '#8b96a3',
    border: '#2d353e',
    accent: '#60a5fa',
    accentSoft: 'rgba(96, 165, 250, 0.15)',
    onAccent: '#0b0d10',
    up: '#22c55e',
    down: '#f87171',
    warn: '#f59e0b',
    grid: '#1d232a',
    line: '#60a5fa',
    upVolume: 'rgba(34, 197, 94, 0.4)',
    downVolume: 'rgba(239, 68, 68, 0.4)',
    onCategory: '#0b0d10',
    compare: ['#60a5fa', '#fb923c', '#a78bfa', '#22d3ee', '#f472b6', '#a3e635', '#cbd5e1', '#facc15'],
    category: {
      ai: '#a78bfa',
      policy: '#fb923c',
      market: '#22d3ee',
      corporate: '#f472b6',
      macro: '#a3e635',
      user: '#cbd5e1',
    },
  },
};

/** The tokens the CSS reads, as custom-property name → value (`--bg`, `--accent-soft`, …). */
export function cssVariables(theme: ThemeName): Record<string, string> {
  const t = themeTokens[theme];
  const out: Record<string, string> = {
    '--bg': t.bg,
    '--panel': t.panel,
    '--text': t.text,
    '--muted': t.muted,
    '--border': t.border,
    '--accent': t.accent,
    '--accent-soft': t.accentSoft,
    '--on-accent': t.onAccent,
    '--up': t.up,
    '--down': t.down,
    '--warn': t.warn,
  };
  for (const [name, colour] of Object.entries(t.category)) out[`--category-${name}`] = colour;
  return out;
}
