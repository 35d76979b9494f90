import { useSyncExternalStore } from 'react';
import type { ThemeName } from '../../../shared/theme';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The OS theme, live: follows a switch between light and dark while the app runs. */
export function useTheme(): ThemeName {
  return useSyncExternalStore(
    (notify) => {
      const mq = query();
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => (query().matches ? 'dark' : 'light'),
  );
}
