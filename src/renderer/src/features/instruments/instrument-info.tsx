import { useAppState } from '../../app/app-state';
import { formatPercent, formatPrice } from '../../ui/format';

/** Provenance and adjustment notes of the charted instrument: where the numbers come from. */
export function InstrumentInfo() {
  const { instruments, selected } = useAppState();
  const i = instruments.find((x) => x.symbol === selected);
  if (!i) return <p className="empty">No instrument selected.</p>;
  return (
    <dl className="instrument-info" data-testid="instrument-info">
      <dt>Symbol</dt>
      <dd>{i.symbol}</dd>
      <dt>Name</dt>
      <dd>{i.name ?? '–'}</dd>
      <dt>Exchange</dt>
      <dd>
        {i.exchange ?? '–'} ({i.timezone})
      </dd>
      <dt>Currency</dt>
      <dd>{i.currency ?? '–'}</dd>
      <dt>Kind</dt>
      <dd>
        {i.kind}
        {i.closeOnly ? ', close only (drawn as a line)' : ''}
      </dd>
      <dt>Cached</dt>
      <dd>
        {i.barCount} sessions{i.firstDate ? `, ${i.firstDate} → ${i.lastDate}` : ''}
      </dd>
      <dt>Last close</dt>
      <dd>
        {formatPrice(i.lastClose)} ({formatPercent(i.lastChange)})
      </dd>
      <dt>Provenance</dt>
      <dd className="note">{i.provenance ?? 'Unknown'}</dd>
      <dt>Adjustment</dt>
      <dd className="note">{i.adjustmentNote ?? 'No adjustment note.'}</dd>
    </dl>
  );
}
