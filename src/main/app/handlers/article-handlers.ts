import type { articleChannels } from '../../../shared/contract/article';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** New study from article: the router has already validated the input. */
export function articleHandlers(s: Services): FeatureHandlers<typeof articleChannels> {
  return {
    'article.propose': (q) => s.article.propose(q),
  };
}
