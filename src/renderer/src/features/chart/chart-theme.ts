import { ColorType, type DeepPartial, type ChartOptions } from 'lightweight-charts';
import type { SeriesColors } from './series-data';

export type ThemeName = 'light' | 'dark';

/** Chart colours per theme; the CSS variables in ui/styles.css use the same palette. */
export const chartPalette: Record<
  ThemeName,
  SeriesColors & { background: string; text: string; grid: string; border: string; line: string }
> = {
  light: {
    background: '#ffffff',
    text: '#1f2933',
    grid: '#eef1f4',
    border: '#d5dbe1',
    line: '#2563eb',
    up: '#16a34a',
    down: '#dc2626',
    upVolume: 'rgba(22, 163, 74, 0.45)',
    downVolume: 'rgba(220, 38, 38, 0.45)',
  },
  dark: {
    background: '#111418',
    text: '#d8dee4',
    grid: '#1d232a',
    border: '#2d353e',
    line: '#60a5fa',
    up: '#22c55e',
    down: '#ef4444',
    upVolume: 'rgba(34, 197, 94, 0.4)',
    downVolume: 'rgba(239, 68, 68, 0.4)',
  },
};

export function chartOptions(theme: ThemeName): DeepPartial<ChartOptions> {
  const p = chartPalette[theme];
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: p.background },
      textColor: p.text,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      panes: { separatorColor: p.border, enableResize: true },
    },
    grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
    rightPriceScale: { borderColor: p.border },
    timeScale: { borderColor: p.border, rightOffset: 4 },
    crosshair: { mode: 0 },
  };
}
