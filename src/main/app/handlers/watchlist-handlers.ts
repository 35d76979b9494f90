import { resolvePage } from '../../../shared/contract/page';
import { MAX_WATCHLISTS_PAGE, type watchlistChannels } from '../../../shared/contract/watchlists';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Watchlists, one line each: the router has already validated the input. */
export function watchlistHandlers(s: Services): FeatureHandlers<typeof watchlistChannels> {
  return {
    'watchlists.preview': (q) => s.watchlists.preview(q.file, q.targetId),
    'watchlists.import': (q) => s.watchlists.import(q.file, q),
    'watchlists.list': (q) => s.watchlists.list(resolvePage(q, MAX_WATCHLISTS_PAGE)),
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
