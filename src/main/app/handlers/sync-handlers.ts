import { resolvePage } from '../../../shared/contract/page';
import { MAX_SYNC_SYMBOLS, type syncChannels } from '../../../shared/contract/sync';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Price updates and their settings, one line each: the router has already validated the input. */
export function syncHandlers(s: Services): FeatureHandlers<typeof syncChannels> {
  return {
    'sync.start': (q) => s.sync.start(q),
    'sync.cancel': (q) => s.sync.cancel(q?.runId),
    'sync.status': (q) => s.sync.status(resolvePage(q, MAX_SYNC_SYMBOLS)),
    'settings.getSync': () => s.sync.getSettings(),
    'settings.updateSync': (q) => s.sync.updateSettings(q),
    'settings.setApiKey': (q) => s.sync.setApiKey(q.provider, q.key, { keepInMemory: q.keepInMemory }),
  };
}
