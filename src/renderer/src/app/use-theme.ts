import { useSyncExternalStore } from 'react';
import type { ThemeName } from '../../../shared/theme';
import { useSettings } from './settings-context';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/**
 * The theme drawn: the user's choice (settings), or with `system` the OS theme, live (it
 * follows a switch between light and dark while the app runs).
 */
export function useTheme(): ThemeName {
  const choice = useSettings().settings.theme;
  const os = useSyncExternalStore(
    (notify) => {
      const mq = query();
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => (query().matches ? 'dark' : 'light'),
  );
  return choice === 'system' ? os : choice;
}
