import type { Handlers } from '../rpc/router';
import type { Services } from './create-core';

/** One line per channel: the router has already validated the input. */
export function createHandlers(s: Services): Handlers {
  return {
    'instruments.list': () => s.market.listInstruments(),
    'instruments.get': (q) => s.market.getInstrument(q.symbol),
    'bars.range': (q) => s.market.getBars(q.symbol, q.from, q.to),
    'studies.list': () => s.study.listStudies(),
    'studies.get': (q) => s.study.getStudy(q.id),
    'events.list': (q) => s.study.listEvents(q ?? {}),
    'events.t0': (q) => s.study.eventT0(q.eventId, q.symbol),
    'claims.evaluate': (q) => s.claims.evaluate(q?.studyId),
    'sync.start': (q) => s.sync.start(q),
    'sync.cancel': (q) => s.sync.cancel(q?.runId),
    'sync.status': () => s.sync.status(),
    'settings.getSync': () => s.sync.getSettings(),
    'settings.updateSync': (q) => s.sync.updateSettings(q),
    'settings.setApiKey': (q) => s.sync.setApiKey(q.provider, q.key),
  };
}
