import { useState } from 'react';
import { useAppState } from '../../app/app-state';
import { useCommand } from '../../app/commands-context';
import { ModalDialog } from '../../ui/modal-dialog';
import { useChart } from '../chart/chart-context';
import { useStudy } from '../study/study-state';
import { withCompared } from './compare-legend';
import './compare.css';

/**
 * "Compare with…" (View ▸ Compare…, Ctrl/⌘+K): search the cached instruments by symbol or name
 * and add one to the comparison (anchored at the selected event, else the first date in view).
 */
export function CompareSearch() {
  const [open, setOpen] = useState(false);
  useCommand('view.compare', () => setOpen(true));
  // Closed, it reads no app state (so it never re-renders with the app).
  return open ? <CompareSearchDialog onClose={() => setOpen(false)} /> : null;
}

function CompareSearchDialog({ onClose }: { onClose(): void }) {
  const setOpen = (o: false) => o || onClose();
  const [query, setQuery] = useState('');
  const { instruments, selection, setSelection, setStatus } = useAppState();
  const { controller } = useChart();
  const { selectedEventId } = useStudy();
  const q = query.trim().toLowerCase();
  const shown = instruments
    .filter((i) => i.barCount > 0)
    .filter((i) => !q || i.symbol.toLowerCase().includes(q) || (i.name ?? '').toLowerCase().includes(q))
    .slice(0, 30);
  const add = (symbol: (typeof instruments)[number]['symbol']) => {
    const next = withCompared(selection, symbol, selectedEventId, controller?.visibleDates()?.from ?? null);
    if (next) setSelection(next);
    else setStatus(`${symbol} is already compared, or the comparison is full.`);
    setOpen(false);
  };
  return (
    <ModalDialog
      title="Compare with…"
      onClose={() => setOpen(false)}
      className="compare-search"
      testId="compare-search"
    >
      <input
        type="search"
        aria-label="Search instruments"
        placeholder="Symbol or name"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !shown[0]) return;
          // Else the Enter would go on to click whatever the closing dialog gives the focus back to.
          e.preventDefault();
          add(shown[0].symbol);
        }}
      />
      <ul className="compare-results">
        {shown.map((i) => (
          <li key={i.symbol}>
            <button type="button" data-symbol={i.symbol} onClick={() => add(i.symbol)}>
              <strong>{i.symbol}</strong> {i.name} <span className="compare-ccy">{i.currency ?? ''}</span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="compare-missing">No cached instrument matches.</li>}
      </ul>
    </ModalDialog>
  );
}
