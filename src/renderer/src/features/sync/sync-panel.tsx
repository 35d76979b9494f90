import { CatalystError } from '../../../../shared/contract/errors';
import { useEffect, useState } from 'react';
import type { KeyedProviderId, ProviderId, SyncSettings } from '../../../../shared/domain/sync';
import { providerLabels } from '../../../../shared/domain/sync';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { syncStore, useSyncView } from './sync-store';
import { formatUpdated, reasonLabels } from './sync-view';
import './sync.css';

const ORDERS: ReadonlyArray<readonly ProviderId[]> = [
  ['yahoo'],
  ['tiingo', 'yahoo'],
  ['twelvedata', 'yahoo'],
  ['yahoo', 'tiingo'],
  ['yahoo', 'twelvedata'],
];
const orderLabel = (o: readonly ProviderId[]) => o.map((p) => providerLabels[p]).join(', then ');

const STATUS_LABEL = { updated: 'updated', 'up-to-date': 'up to date', failed: 'failed' } as const;

/**
 * The "Updates" side panel: the run's progress and Cancel, each symbol's result with the
 * reason of a failure, the offline notice, when each cached symbol was last updated, and the
 * settings (provider order, API keys, update on launch).
 */
export function SyncPanel() {
  const view = useSyncView();
  const { select, instruments } = useAppState();
  // The last cached session of each series: two series can end on different days.
  const asOf = new Map(instruments.map((i) => [i.symbol as string, i.lastDate]));
  const [settings, setSettings] = useState<SyncSettings | null>(null);
  const [keys, setKeys] = useState<Record<KeyedProviderId, string>>({ tiingo: '', twelvedata: '' });
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api.settings.getSync().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(describeError(e)),
    );
    void syncStore.refresh().catch(() => undefined);
    // "5 min ago" must move on by itself.
    const t = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, []);

  async function change(run: () => Promise<SyncSettings>) {
    setError(null);
    try {
      setSettings(await run());
    } catch (e) {
      setError(describeError(e));
    }
  }

  const r = view.running;
  const order = settings ? settings.providerOrder.join(',') : 'yahoo';
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

      {settings && (
        <section className="sync-settings">
          <h3>Settings</h3>
          <label>
            <input
              type="checkbox"
              checked={settings.updateOnLaunch}
              onChange={(e) => void change(() => api.settings.updateSync({ updateOnLaunch: e.target.checked }))}
            />{' '}
            Update all prices when Catalyst starts
          </label>
          <label className="sync-providers">
            Providers
            <select
              value={order}
              onChange={(e) =>
                void change(() => api.settings.updateSync({ providerOrder: e.target.value.split(',') as ProviderId[] }))
              }
            >
              {!ORDERS.some((o) => o.join(',') === order) && (
                <option value={order}>{orderLabel(settings.providerOrder)}</option>
              )}
              {ORDERS.map((o) => (
                <option key={o.join(',')} value={o.join(',')}>
                  {orderLabel(o)}
                </option>
              ))}
            </select>
          </label>
          {(['tiingo', 'twelvedata'] as const).map((p) => (
            <form
              key={p}
              className="sync-key"
              onSubmit={(e) => {
                e.preventDefault();
                const key = keys[p];
                void change(async () => {
                  try {
                    return await api.settings.setApiKey({ provider: p, key });
                  } catch (err) {
                    // No secure storage (Linux without a keyring): the key is only kept until quit, if the user agrees.
                    const canKeep =
                      err instanceof CatalystError &&
                      (err.details as { canKeepInMemory?: boolean } | undefined)?.canKeepInMemory === true;
                    if (canKeep && window.confirm(`${err.message}\n\nKeep the key in memory until Catalyst quits?`))
                      return api.settings.setApiKey({ provider: p, key, keepInMemory: true });
                    throw err;
                  }
                }).then(() => setKeys((k) => ({ ...k, [p]: '' })));
              }}
            >
              <span className="sync-key-label">
                {providerLabels[p]} API key: {settings.keys[p] ? 'stored' : 'none'}
              </span>
              <input
                type="password"
                autoComplete="off"
                aria-label={`${providerLabels[p]} API key`}
                value={keys[p]}
                onChange={(e) => setKeys((k) => ({ ...k, [p]: e.target.value }))}
              />
              <button type="submit" className="button" disabled={!keys[p].trim()}>
                Save
              </button>
              {settings.keys[p] && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void change(() => api.settings.setApiKey({ provider: p, key: null }))}
                >
                  Remove
                </button>
              )}
            </form>
          ))}
          {error && (
            <p className="sync-error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
