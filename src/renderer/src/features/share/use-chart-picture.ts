import { useCallback } from 'react';
import { themeTokens, type ThemeName } from '../../../../shared/theme';
import { eventDateLabel } from '../../../../shared/domain/study-event';
import { safeFileStem } from '../../../../shared/domain/file-name';
import { useTheme } from '../../app/use-theme';
import { useChart } from '../chart/chart-context';
import { chartEventsFor } from '../study/chart-events';
import { useStudy } from '../study/study-state';
import { composeChartImage, type ChartImageEvent, type ChartImageLegendItem } from './chart-image';
import { firstSentence } from './first-sentence';

/** Options of a chart picture. */
export interface PictureOptions {
  /** Pixels per CSS pixel: 2 (default) for sharp print, 1 for the screen size. */
  readonly scale?: 1 | 2;
  /** Draw in light colours whatever the app shows (for print). */
  readonly forceLight?: boolean;
}

export interface ChartPicture {
  readonly canvas: HTMLCanvasElement;
  /** `HSTECH.HK 2025-01-02..2025-04-16.png` */
  readonly fileName: string;
  readonly title: string;
}

/** Attribution lightweight-charts' licence asks for (its NOTICE: a link to TradingView). */
export const CHART_ATTRIBUTION = 'Charts by TradingView Lightweight Charts™ — https://www.tradingview.com/';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Makes the picture of the chart on screen for a report (see {@link composeChartImage}): what
 * the chart draws, titled with the study and symbols and the visible range, with the series
 * legend, the numbered events visible in the range, and each series' source and adjustments.
 * Null when no chart is drawn.
 */
export function useChartPicture(): (options?: PictureOptions) => Promise<ChartPicture | null> {
  const { controller, currentContent } = useChart();
  const study = useStudy();
  const shown = useTheme();
  return useCallback(
    async (options: PictureOptions = {}) => {
      const content = currentContent();
      const dates = controller?.visibleDates();
      if (!controller || !content || !dates) return null;
      const theme: ThemeName = options.forceLight ? 'light' : shown;
      const tokens = themeTokens[theme];
      let shot: HTMLCanvasElement;
      if (theme !== shown) {
        controller.setTheme(theme);
        await nextFrame();
        await nextFrame();
        try {
          shot = controller.takeScreenshot();
        } finally {
          controller.setTheme(shown);
        }
      } else shot = controller.takeScreenshot();
      const ratio = window.devicePixelRatio || 1;

      const symbols = content.members.map((m) => m.instrument.symbol);
      const compare = content.selection.kind === 'compare';
      const names = content.members.map((m) =>
        m.instrument.name ? `${m.instrument.symbol} (${m.instrument.name})` : m.instrument.symbol,
      );
      const inStudy = study.study && study.study.universe.some((u) => u.symbol === content.main.instrument.symbol);
      // Several names do not fit a title line: a comparison is titled by its symbols (the legend names the lines).
      const what = compare ? symbols.join(' vs ') : names[0]!;
      const title = inStudy ? `${study.study!.title}: ${what}` : what;
      const main = content.main.instrument;
      const sel = content.selection;
      const anchorEvent =
        sel.kind === 'compare' && sel.anchor.kind === 'event'
          ? (study.study?.events.find((e) => sel.anchor.kind === 'event' && e.id === sel.anchor.eventId) ?? null)
          : null;
      const rebased =
        sel.kind !== 'compare'
          ? null
          : sel.anchor.kind === 'date'
            ? `rebased to 100 on ${sel.anchor.date}`
            : `rebased to 100 at “${anchorEvent?.title ?? sel.anchor.eventId}” (each symbol's own session)`;
      const subtitle = [
        `${dates.from} … ${dates.to}`,
        'daily',
        rebased ?? (main.closeOnly ? 'close only' : 'OHLC'),
        main.currency && !compare ? main.currency : null,
      ]
        .filter(Boolean)
        .join(' · ');

      const legend: ChartImageLegendItem[] = controller.specs().flatMap((s): ChartImageLegendItem[] => {
        if (s.kind === 'volume') return [];
        if (s.kind === 'rebased-line')
          return [{ label: s.symbol, color: tokens.compare[s.colorIndex % tokens.compare.length]! }];
        return [
          {
            label: `${s.symbol} ${s.kind === 'candles' ? 'candles' : 'close'}`,
            color: s.kind === 'candles' ? tokens.up : tokens.line,
          },
        ];
      });

      // A comparison is not annotated (its lines are rebased, not prices): no numbered legend
      // for markers the picture does not show; the subtitle names the anchor instead.
      const events: ChartImageEvent[] =
        study.study && !compare
          ? chartEventsFor(study.study.events, main.symbol, study.hiddenCategories, study.numbers)
              .filter((e) => e.t0 >= dates.from && e.t0 <= dates.to)
              .map((e) => {
                const full = study.study!.events.find((x) => x.id === e.id);
                return {
                  number: e.number,
                  date: full ? eventDateLabel(full) : e.t0,
                  title: e.title,
                  color: tokens.category[e.category],
                };
              })
          : [];

      const provenance = content.members.map((m) => {
        const last = m.bars.at(-1)?.date ?? '—';
        const src = m.instrument.provenance ? firstSentence(m.instrument.provenance) : 'source not recorded';
        const adj = m.instrument.adjustmentNote ? firstSentence(m.instrument.adjustmentNote) : 'no adjustment note';
        return `Prices ${m.instrument.symbol}: ${src}; cached to ${last}; adjusted: ${adj}`;
      });

      const canvas = composeChartImage({
        chart: shot,
        chartWidth: shot.width / ratio,
        chartHeight: shot.height / ratio,
        scale: options.scale ?? 2,
        colors: { background: tokens.panel, text: tokens.text, muted: tokens.muted, border: tokens.border },
        title,
        subtitle,
        legend,
        events,
        provenance,
        attribution: CHART_ATTRIBUTION,
      });
      const fileName = `${safeFileStem(`${symbols.join(' vs ')} ${dates.from}..${dates.to}`, 'chart')}.png`;
      return { canvas, fileName, title };
    },
    [controller, currentContent, study, shown],
  );
}
