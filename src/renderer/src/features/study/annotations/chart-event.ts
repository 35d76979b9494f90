import type { IsoDate } from '../../../../../shared/brand';
import { themeTokens, type CategoryToken, type ThemeName } from '../../../../../shared/theme';

/** Event categories the chart colours apart (DESIGN.md, "Event"). */
export type ChartEventCategory = CategoryToken;

/**
 * What the annotation layer needs to draw one event on one symbol's chart: the study's event
 * reduced to its T0 for the charted symbol. The renderer never computes T0 itself; the study
 * service does (an event after the close lands on the next session).
 */
export interface ChartEvent {
  /** The event id; also the marker id that hover and click report back. */
  readonly id: string;
  /** 1-based position in the study's whole timeline (stable across filters and symbols). */
  readonly number: number;
  /** The first session of the charted symbol on or after the event (exchange-local date). */
  readonly t0: IsoDate;
  readonly title: string;
  readonly category: ChartEventCategory;
  /** True when the source only bounds the date: drawn dashed, labelled "≈". */
  readonly approximate: boolean;
  /**
   * The post-event window to shade, as exchange-local session dates [from, to], when the event
   * carries its own; otherwise the default of T0 … T0+`DEFAULT_WINDOW_SESSIONS` is used.
   */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate } | null;
  /** The user's own event: drawn as a square labelled "U…", apart from the study's. */
  readonly user?: boolean;
}

/** Sessions after T0 shaded by default: the [0, +5] event-study window of DESIGN.md. */
export const DEFAULT_WINDOW_SESSIONS = 5;

/** One colour per category and theme (the shared theme tokens); none is the up/down green or red of candles. */
export const categoryColors: Record<ThemeName, Record<ChartEventCategory, string>> = {
  light: themeTokens.light.category,
  dark: themeTokens.dark.category,
};

/** Human names of the categories, for legends, filters and the tooltip. */
export const categoryLabels: Record<ChartEventCategory, string> = {
  ai: 'AI',
  policy: 'Policy',
  market: 'Market',
  corporate: 'Corporate',
  macro: 'Macro',
  user: 'User',
};

/** The short label drawn on the marker: the event's number, "≈" first when approximate. */
export function markerLabel(e: Pick<ChartEvent, 'number' | 'approximate' | 'user'>): string {
  return `${e.user ? 'U' : ''}${e.approximate ? '≈' : ''}${e.number}`;
}
