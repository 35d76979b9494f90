import { useEffect, useMemo, useRef } from 'react';
import { themeTokens } from '../../../../shared/theme';
import { useTheme } from '../../app/use-theme';
import { useChart } from '../chart/chart-context';
import { fitIndicesRange } from '../chart/range-presets';
import { TimeAxisLabelsPrimitive } from '../chart/primitives/time-axis-labels';
import { VerticalLinesPrimitive, type VerticalLine } from '../chart/primitives/vertical-lines';
import { pct } from './claim-text';
import './claims.css';
import { focusClaim, useClaimFocus } from './claim-focus';

/**
 * A claim's base and end sessions marked on its symbol's chart (lines across the panes and
 * "base" / "end" labels on the time axis), brought into view once per request; a chip over
 * the chart says what is marked and clears it. Drawn only while that symbol is charted alone.
 */
export function ClaimMarks() {
  const { controller, content } = useChart();
  const focus = useClaimFocus();
  const theme = useTheme();
  const labels = useMemo(() => new TimeAxisLabelsPrimitive(), []);
  const lines = useRef(new Set<VerticalLinesPrimitive>());
  const lineSet = useRef<readonly VerticalLine[]>([]);
  const shown = useRef(0);

  useEffect(() => {
    if (!controller) return;
    const set = lines.current;
    const offs = [
      controller.attachPanePrimitives(() => {
        const l = new VerticalLinesPrimitive();
        // A pane that appears later (volume) gets the lines already drawn.
        l.lines = lineSet.current;
        set.add(l);
        return l;
      }),
      controller.attachMainSeriesPrimitive(labels),
    ];
    return () => {
      for (const off of offs) off();
      set.clear();
    };
  }, [controller, labels]);

  const single = content?.selection.kind === 'single' ? content : null;
  const on = focus && single && single.main.instrument.symbol === focus.symbol ? focus : null;
  const bars = single?.main.bars;
  useEffect(() => {
    const tokens = themeTokens[theme];
    const index = (d: string) => bars?.findIndex((b) => b.date === d) ?? -1;
    const at = on && bars ? [index(on.from), index(on.to)] : [];
    const placed = at.every((i) => i >= 0) ? at : [];
    const drawn: VerticalLine[] = placed.map((i, k) => ({
      id: k === 0 ? 'claim-base' : 'claim-end',
      index: i,
      color: tokens.accent,
      dashed: k === 0,
      width: 2,
    }));
    lineSet.current = drawn;
    for (const l of lines.current) if (l.isAttached()) l.setLines(drawn);
    labels.setLabels(
      placed.map((i, k) => ({
        index: i,
        text: `${k === 0 ? 'base' : 'end'} ${k === 0 ? on!.from : on!.to}`,
        textColor: '#ffffff',
        backColor: tokens.accent,
      })),
    );
    if (on && bars && placed.length === 2 && shown.current !== on.seq) {
      shown.current = on.seq;
      // After this commit's other effects: a new symbol's remembered view is restored by the
      // study's view hook, which runs after this (child) effect and must not win.
      const range = fitIndicesRange(placed, bars.length, 10);
      const frame = requestAnimationFrame(() => controller?.setVisibleRange(range));
      return () => cancelAnimationFrame(frame);
    }
  }, [controller, labels, on, bars, theme]);

  if (!on) return null;
  return (
    <div
      className="claim-marks"
      data-testid="claim-marks"
      data-claim-id={on.claimId}
      data-from={on.from}
      data-to={on.to}
      role="status"
    >
      <span>
        Claim on {on.symbol}: base {on.from} → end {on.to}
        {on.value === null ? '' : ` (${pct(on.value)})`}
      </span>
      <button type="button" className="link-button" onClick={() => focusClaim(null)} aria-label="Clear the claim marks">
        ×
      </button>
    </div>
  );
}
