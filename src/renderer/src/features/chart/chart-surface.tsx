import { useEffect, useRef } from 'react';
import { useChart } from './chart-context';

/**
 * The element the window's one chart draws into. Mounted once with the chart area and never
 * re-created for a theme or symbol switch; while nothing is drawn it is hidden, not removed.
 */
export function ChartSurface({ hidden }: { readonly hidden: boolean }) {
  const { store, content } = useChart();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    store.mount(container.current);
    return () => store.unmount();
  }, [store]);
  return (
    <div
      className="price-chart"
      data-testid="price-chart"
      data-symbol={content?.main.instrument.symbol ?? ''}
      style={hidden ? { visibility: 'hidden' } : undefined}
      ref={container}
    />
  );
}
