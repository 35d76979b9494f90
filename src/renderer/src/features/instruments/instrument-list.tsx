import { useAppState } from '../../app/app-state';
import { formatPercent, formatPrice, signClass } from '../../ui/format';
import { useRovingTabStop } from '../../ui/list-keys';

/**
 * The cached instruments with their last close and change, as a listbox with one Tab stop
 * (↑/↓, Home, End move; Enter or a click charts one).
 */
export function InstrumentList({
  exclude,
  label = 'Instruments',
}: { readonly exclude?: ReadonlySet<string>; readonly label?: string } = {}) {
  const { instruments: all, selected, select } = useAppState();
  // Symbols listed elsewhere (e.g. the open study's universe) are left out here.
  const instruments = exclude ? all.filter((i) => !exclude.has(i.symbol)) : all;
  const roving = useRovingTabStop<HTMLUListElement>({ rows: 'button.instrument', current: '[aria-selected="true"]' });
  if (instruments.length === 0)
    return <p className="empty">{all.length ? 'No other instruments cached.' : 'No instruments cached yet.'}</p>;
  return (
    <ul className="instrument-list" role="listbox" aria-label={label} {...roving}>
      {instruments.map((i) => (
        <li key={i.symbol} role="none">
          <button
            type="button"
            role="option"
            className={i.symbol === selected ? 'instrument selected' : 'instrument'}
            aria-selected={i.symbol === selected}
            data-symbol={i.symbol}
            onClick={() => select(i.symbol)}
            title={i.name ?? i.symbol}
          >
            <span className="symbol">{i.symbol}</span>
            <span className="name">{i.name ?? ''}</span>
            {i.lastDate ? (
              <span className="asof" title={`Last session ${i.lastDate}`}>
                {i.lastDate}
              </span>
            ) : null}
            <span className="last">{formatPrice(i.lastClose)}</span>
            <span className={`change ${signClass(i.lastChange)}`}>{formatPercent(i.lastChange)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
