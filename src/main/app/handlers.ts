import type { Handlers } from '../rpc/router';
import type { Services } from './create-core';

/** One line per channel: the router has already validated the input. */
export function createHandlers(s: Services): Handlers {
  return {
    'instruments.list': () => s.market.listInstruments(),
    'instruments.get': (q) => s.market.getInstrument(q.symbol),
    'bars.range': (q) => s.market.getBars(q.symbol, q.from, q.to),
  };
}
