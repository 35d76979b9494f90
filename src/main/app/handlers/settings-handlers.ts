import type { settingsChannels } from '../../../shared/contract/settings';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Channels of the app settings and the restored workspace. */
export function settingsHandlers(s: Services): FeatureHandlers<typeof settingsChannels> {
  return {
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
    'workspace.get': () => s.settings.getWorkspace(),
    'workspace.save': (workspace) => {
      s.settings.saveWorkspace(workspace);
      return { saved: true } as const;
    },
  };
}
