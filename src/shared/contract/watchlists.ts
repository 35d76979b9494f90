/**
 * Channels and push events of watchlists (import, manage, export).
 * Filled by the watchlists feature; merged into the contract in `index.ts`.
 */
export const watchlistChannels = {} as const;
export const watchlistEvents = {} as const;
