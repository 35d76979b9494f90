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
    'watchlists.preview': (q) => s.watchlists.preview(q.file, q.targetId),
    'watchlists.import': (q) => s.watchlists.import(q.file, q),
    'watchlists.list': () => s.watchlists.list(),
    'watchlists.get': (q) => s.watchlists.get(q.id),
    'watchlists.create': (q) => s.watchlists.create(q.name),
    'watchlists.rename': (q) => s.watchlists.rename(q.id, q.name),
    'watchlists.delete': (q) => s.watchlists.delete(q.id),
    'watchlists.restore': (q) => s.watchlists.restore(q.id),
    'watchlists.reorder': (q) => s.watchlists.reorder(q.id, q.order),
    'watchlists.setNote': (q) => s.watchlists.setNote(q.itemId, q.note),
    'watchlists.addItem': (q) => s.watchlists.addItem(q.id, q.symbol, q.note, q.position),
    'watchlists.removeItem': (q) => s.watchlists.removeItem(q.itemId),
    'watchlists.addSection': (q) => s.watchlists.addSection(q.id, q.label, q.position),
    'watchlists.renameSection': (q) => s.watchlists.renameSection(q.itemId, q.label),
    'watchlists.export': (q) => s.watchlists.export(q.id, q.format),
  };
}
