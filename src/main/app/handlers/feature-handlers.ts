import type { ChannelMap } from '../../../shared/contract/index';
import type { Handlers } from '../../rpc/router';

/** The handlers of one feature's channels: exactly the keys of that feature's contract map. */
export type FeatureHandlers<M extends ChannelMap> = Pick<Handlers, keyof M & keyof Handlers>;

/**
 * Joins per-feature handler maps into the router's one map. A channel handled twice throws at
 * start-up (the router itself refuses a map that misses a channel or has an unknown one).
 */
export function combineHandlers(...maps: ReadonlyArray<Partial<Handlers>>): Handlers {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (Object.hasOwn(all, name)) throw new Error(`channel "${name}" has two handlers`);
      all[name] = handler;
    }
  }
  return all as Handlers;
}
