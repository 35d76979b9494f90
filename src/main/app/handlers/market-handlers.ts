import { MAX_INSTRUMENTS_PAGE, type marketChannels } from '../../../shared/contract/market';
import { resolvePage } from '../../../shared/contract/page';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** The price cache's channels, one line each: the router has already validated the input. */
export function marketHandlers(s: Services): FeatureHandlers<typeof marketChannels> {
  return {
    'instruments.list': (q) => s.market.listInstruments(resolvePage(q, MAX_INSTRUMENTS_PAGE)),
    'instruments.get': (q) => s.market.getInstrument(q.symbol),
    'bars.range': (q) => s.market.getBarColumns(q.symbol, q.from, q.to),
  };
}
