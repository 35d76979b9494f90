import { CatalystError } from '../../../../shared/contract/errors';
import { useEffect, useState } from 'react';
import type { KeyedProviderId, ProviderId, SyncSettings } from '../../../../shared/domain/sync';
import { providerLabels } from '../../../../shared/domain/sync';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useDataVersions } from '../../app/data-versions-context';
import './sync.css';

const ORDERS: ReadonlyArray<readonly ProviderId[]> = [
  ['yahoo'],
  ['tiingo', 'yahoo'],
  ['twelvedata', 'yahoo'],
  ['yahoo', 'tiingo'],
  ['yahoo', 'twelvedata'],
];
const orderLabel = (o: readonly ProviderId[]) => o.map((p) => providerLabels[p]).join(', then ');

/**
 * The price providers' settings: update on launch, provider order, API keys (stored by main
 * through the OS keychain; the window only learns whether a key is stored, never the key).
 * Shown in the Updates panel and in the Settings view; re-read when any window changes them.
 */
export function ProviderSettings() {
  const version = useDataVersions().kinds.settings;
  const [settings, setSettings] = useState<SyncSettings | null>(null);
  const [keys, setKeys] = useState<Record<KeyedProviderId, string>>({ tiingo: '', twelvedata: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.settings.getSync().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [version]);

  async function change(run: () => Promise<SyncSettings>) {
    setError(null);
    try {
      setSettings(await run());
    } catch (e) {
      setError(describeError(e));
    }
  }

  if (!settings)
    return error ? (
      <p className="sync-error" role="alert">
        {error}
      </p>
    ) : null;
  const order = settings.providerOrder.join(',');
  return (
    <section className="sync-settings">
      <h3>Price providers</h3>
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
  );
}
