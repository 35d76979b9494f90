import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_APP_SETTINGS, type AppSettings, type AppSettingsPatch } from '../../../shared/domain/app-settings';
import { api } from '../api/client';
import { describeError } from '../api/errors';
import { useCommand } from './commands-context';
import { useDataVersions } from './data-versions-context';

export interface SettingsState {
  /** The stored settings (the defaults until the first read answers). */
  readonly settings: AppSettings;
  /** Writes a change; main answers all settings and announces the change to every window. */
  update(patch: AppSettingsPatch): Promise<void>;
  /** The last failed read or write, for the settings view. */
  readonly error: string | null;
}

const SettingsContext = createContext<SettingsState | null>(null);

/**
 * The app settings for every feature: read once, re-read when main announces a change
 * (`data.changed` with `settings`, from this window, another one or the menu). The View ▸
 * Theme items change the theme here.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const version = useDataVersions().kinds.settings;
  const [settings, setSettings] = useState<AppSettings>(DEFAULT_APP_SETTINGS);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.settings.get().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const update = useCallback(async (patch: AppSettingsPatch) => {
    // Shown at once (a radio that lags behind the click reads as broken); main's answer, or
    // on a refusal the stored settings, replace it.
    setSettings((s) => ({ ...s, ...patch }));
    try {
      setSettings(await api.settings.update(patch));
      setError(null);
    } catch (e) {
      setError(describeError(e));
      setSettings(await api.settings.get().catch(() => DEFAULT_APP_SETTINGS));
      throw e;
    }
  }, []);
  const quietly = (patch: AppSettingsPatch) => () => void update(patch).catch(() => undefined);
  useCommand('view.theme.system', quietly({ theme: 'system' }));
  useCommand('view.theme.light', quietly({ theme: 'light' }));
  useCommand('view.theme.dark', quietly({ theme: 'dark' }));
  const value = useMemo(() => ({ settings, update, error }), [settings, update, error]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings outside SettingsProvider');
  return s;
}
