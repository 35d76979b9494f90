import type { Ticker } from '../../../../shared/brand';
import type { EventStudyRow } from '../../../../shared/contract/research';
import { significanceMark, type SessionWindow } from '../../../../shared/domain/event-study';
import { windowLabel } from '../../../../shared/domain/report/report-research';
import { formatPercent } from '../../ui/format';

/** A cell colour for a CAR: green up, red down, stronger with size (capped at ±20 %). */
export function heat(car: number | null): string | undefined {
  if (car === null) return undefined;
  const a = Math.min(1, Math.abs(car) / 0.2);
  // At most 55% opaque: the cell's figure keeps 4.5:1 contrast on it in both themes (WCAG AA).
  return car >= 0 ? `rgba(22, 163, 74, ${0.12 + 0.43 * a})` : `rgba(220, 38, 38, ${0.12 + 0.43 * a})`;
}

/** What a significance mark means, for a cell's accessible name. */
const SIGNIFICANCE: Readonly<Record<string, string>> = { '*': ', significant at 5 %', '**': ', significant at 1 %' };

/** A cell's figure: the CAR in whole percent and its significance mark ("25**"), "·" when not measured. */
export function heatCellText(row: EventStudyRow | undefined): string {
  const car = row?.carMarketModel ?? null;
  return car === null ? '·' : `${(car * 100).toFixed(0)}${significanceMark(row?.tStat ?? null)}`;
}

/**
 * A heatmap cell's accessible name: the event (its number and title), the symbol, the window
 * and the CAR in whole percent as the cell shows it, with its significance, or why there is
 * none. E.g. "5. Alibaba releases Qwen2.5-Max, 9988.HK: CAR [0, +5] +25%, significant at 1 %".
 */
export function heatCellName(
  event: { readonly number: number | undefined; readonly title: string },
  symbol: Ticker,
  window: SessionWindow,
  row: EventStudyRow | undefined,
): string {
  const head = `${event.number ?? '?'}. ${event.title}, ${symbol}: CAR ${windowLabel(window)}`;
  const car = row?.carMarketModel ?? null;
  if (car === null) return `${head} not measured${row && row.missing.length ? ` (${row.missing.join(' ')})` : ''}`;
  return `${head} ${formatPercent(car, 0)}${SIGNIFICANCE[significanceMark(row?.tStat ?? null)] ?? ''}`;
}
