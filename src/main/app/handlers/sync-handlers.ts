import type { syncChannels } from '../../../shared/contract/sync';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Price updates and their settings, one line each: the router has already validated the input. */
export function syncHandlers(s: Services): FeatureHandlers<typeof syncChannels> {
  return {
    'sync.start': (q) => s.sync.start(q),
    'sync.cancel': (q) => s.sync.cancel(q?.runId),
    'sync.status': () => s.sync.status(),
    'settings.getSync': () => s.sync.getSettings(),
    'settings.updateSync': (q) => s.sync.updateSettings(q),
    'settings.setApiKey': (q) => s.sync.setApiKey(q.provider, q.key, { keepInMemory: q.keepInMemory }),
  };
}
