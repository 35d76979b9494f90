/**
 * Channels and push events of the embedded and user studies: events, claims, seeding.
 * Filled by the study feature; merged into the contract in `index.ts`.
 */
export const studyChannels = {} as const;
export const studyEvents = {} as const;
