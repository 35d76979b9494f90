import type { appChannels } from '../../../shared/contract/app';
import type { PushHub } from '../../rpc/push';
import type { FeatureHandlers } from './feature-handlers';

/**
 * What the application's own channels need: the push hub that queues until the window is
 * ready (and, for features that commit outside a service's own signal, its `emit`).
 */
export interface AppHandlerDeps {
  readonly push: Pick<PushHub, 'ready' | 'emit'>;
}

/** Channels of the application itself. */
export function appHandlers(deps: AppHandlerDeps): FeatureHandlers<typeof appChannels> {
  return {
    'app.ready': () => ({ flushed: deps.push.ready() }),
  };
}
