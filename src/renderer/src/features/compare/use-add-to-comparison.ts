import { useCallback } from 'react';
import type { Ticker } from '../../../../shared/brand';
import { useAppState } from '../../app/app-state';
import { useChart } from '../chart/chart-context';
import { useStudy } from '../study/study-state';
import { withCompared } from './compare-legend';

/**
 * What a modifier-click (Ctrl/Cmd/Shift) on a symbol in the sidebar does, in the study's list
 * and in a watchlist alike: adds the symbol to the comparison, anchored at the selected event,
 * else at the first date in view; a single symbol becomes a comparison of both. Says so in the
 * status bar when the symbol is already compared or the comparison is full.
 */
export function useAddToComparison(): (symbol: Ticker) => void {
  const { selection, setSelection, setStatus } = useAppState();
  const { selectedEventId } = useStudy();
  const { controller } = useChart();
  return useCallback(
    (symbol: Ticker) => {
      const next = withCompared(selection, symbol, selectedEventId, controller?.visibleDates()?.from ?? null);
      if (next) setSelection(next);
      else setStatus(`${symbol} is already compared, or the comparison is full.`);
    },
    [selection, selectedEventId, controller, setSelection, setStatus],
  );
}
