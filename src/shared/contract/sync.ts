/**
 * Channels and push events of price synchronisation (the fetch worker).
 * Filled by the sync feature; merged into the contract in `index.ts`.
 */
export const syncChannels = {} as const;
export const syncEvents = {} as const;
