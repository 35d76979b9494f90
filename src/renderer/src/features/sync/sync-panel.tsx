import { useEffect, useState } from 'react';
import { providerLabels } from '../../../../shared/domain/sync';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { ProviderSettings } from './provider-settings';
import { syncStore, useSyncView } from './sync-store';
import { formatUpdated, reasonLabels } from './sync-view';
import './sync.css';

const STATUS_LABEL = { updated: 'updated', 'up-to-date': 'up to date', failed: 'failed' } as const;

/**
 * The "Updates" side panel: the run's progress and Cancel, each symbol's result with the
 * reason of a failure, the offline notice, when each cached symbol was last updated, and the
 * providers' settings (also in the Settings view).
 */
export function SyncPanel() {
  const view = useSyncView();
  const { select, instruments } = useAppState();
  // The last cached session of each series: two series can end on different days.
  const asOf = new Map(instruments.map((i) => [i.symbol as string, i.lastDate]));
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void syncStore.refresh().catch(() => undefined);
    // "5 min ago" must move on by itself.
    const t = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);

  const r = view.running;
  return (
    <div className="sync-panel" data-testid="sync-panel">
      <section>
        <h3>Price updates</h3>
        {r ? (
          <div className="sync-progress large" role="group" aria-label="Price update">
            <progress max={Math.max(1, r.total)} value={r.done} aria-label="Price update progress" />
            <span className="sync-count">
              {r.done} of {r.total}
            </span>
            <span className="sync-current">{r.current.length ? `fetching ${r.current.join(', ')}` : ''}</span>
            <button
              type="button"
              className="button"
              onClick={() => void syncStore.cancel().catch((e: unknown) => setError(describeError(e)))}
            >
              Cancel
            </button>
          </div>
        ) : view.last?.offline ? (
          <p className="sync-offline" role="note" data-testid="sync-summary">
            <span className="sync-badge offline">Offline</span>
            <span>
              No price provider could be reached; the cached prices are unchanged and everything keeps working from the
              cache. <span className="muted">({formatUpdated(view.last.finishedAt)})</span>
            </span>
          </p>
        ) : view.last ? (
          <p className="sync-summary" data-testid="sync-summary">
            {view.last.message} <span className="muted">({formatUpdated(view.last.finishedAt)})</span>
          </p>
        ) : (
          <p className="muted">No update in this session yet: use “Update prices” in the toolbar.</p>
        )}
      </section>

      {/* Offline is said once above, not once per symbol. */}
      {view.results.length > 0 && !(view.offline && !r) && (
        <section>
          <h3>{r ? 'This update' : 'Last update'}</h3>
          <ul className="sync-results" data-testid="sync-results">
            {view.results.map((x) => (
              <li key={x.symbol} data-symbol={x.symbol} data-status={x.status}>
                <button type="button" className="sync-symbol" onClick={() => select(x.symbol)}>
                  {x.symbol}
                </button>
                <span className={`sync-status ${x.status}`}>{STATUS_LABEL[x.status]}</span>
                {x.status === 'failed' ? (
                  <span className="sync-reason" title={x.error ?? ''}>
                    {x.reason ? `${reasonLabels[x.reason] ?? x.reason}: ` : ''}
                    {x.error}
                  </span>
                ) : (
                  <span className="sync-added">
                    +{x.added}
                    {x.changed ? ` (${x.changed} revised)` : ''}
                    {x.notice ? <span className="sync-notice">: {x.notice}</span> : null}
                  </span>
                )}
                {asOf.get(x.symbol) ? (
                  <span className="sync-asof muted" title="Last cached session">
                    as of {asOf.get(x.symbol)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h3>Last updated</h3>
        {view.symbols.length === 0 ? (
          <p className="muted">The cache is empty.</p>
        ) : (
          <table className="sync-updated" data-testid="sync-last-updated">
            <tbody>
              {view.symbols.map((s) => (
                <tr key={s.symbol} data-symbol={s.symbol}>
                  <td>{s.symbol}</td>
                  <td title={s.lastUpdated ?? ''}>{formatUpdated(s.lastUpdated)}</td>
                  <td className="muted">{s.provider ? providerLabels[s.provider] : ''}</td>
                  <td className="muted sync-asof-cell" title="Last cached session">
                    {asOf.get(s.symbol) ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {error && (
        <p className="sync-error" role="alert">
          {error}
        </p>
      )}
      <ProviderSettings />
    </div>
  );
}
