import { ColorType, type DeepPartial, type ChartOptions } from 'lightweight-charts';
import { themeTokens, type ThemeName, type ThemeTokens } from '../../../../shared/theme';

export type { ThemeName } from '../../../../shared/theme';

/** What the chart draws with, per theme: the shared theme tokens (src/shared/theme.ts). */
export type ChartPalette = ThemeTokens;

/** Chart colours per theme, from the tokens the CSS and the window background use too. */
export const chartPalette: Readonly<Record<ThemeName, ChartPalette>> = themeTokens;

/**
 * The colours of a theme, for `applyOptions` on a theme switch. Only colours: re-applying
 * time-scale options (the right offset) would scroll the chart back to its last bar.
 */
export function themeOptions(theme: ThemeName): DeepPartial<ChartOptions> {
  const p = chartPalette[theme];
  return {
    layout: {
      background: { type: ColorType.Solid, color: p.panel },
      textColor: p.text,
      panes: { separatorColor: p.border },
    },
    grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
    rightPriceScale: { borderColor: p.border },
    timeScale: { borderColor: p.border },
  };
}

/** The chart's options when it is created: the theme's colours and the fixed behaviour. */
export function chartOptions(theme: ThemeName): DeepPartial<ChartOptions> {
  const colours = themeOptions(theme);
  return {
    ...colours,
    autoSize: true,
    layout: {
      ...colours.layout,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      panes: { ...colours.layout?.panes, enableResize: true },
    },
    timeScale: { ...colours.timeScale, rightOffset: 4 },
    crosshair: { mode: 0 },
  };
}
