import { appChannels, appEvents } from './app';
import { articleChannels, articleEvents } from './article';
import { barsImportChannels } from './bars-import';
import { dataChannels } from './data';
import type { ChannelMap, PushEventMap } from './define';
import { exportChannels, exportEvents } from './export';
import { marketChannels } from './market';
import { researchChannels, researchEvents } from './research';
import { settingsChannels } from './settings';
import { studyChannels, studyEvents } from './study';
import { studyFileChannels } from './study-files';
import { syncChannels, syncEvents } from './sync';
import { watchlistChannels, watchlistEvents } from './watchlists';

/**
 * The IPC contract: every request channel (renderer → main) declared once.
 * The preload bridge, the main-side router and the renderer client all derive from it.
 */
export const channels = {
  ...appChannels,
  ...articleChannels,
  ...barsImportChannels,
  ...dataChannels,
  ...exportChannels,
  ...marketChannels,
  ...researchChannels,
  ...settingsChannels,
  ...studyChannels,
  ...studyFileChannels,
  ...syncChannels,
  ...watchlistChannels,
} as const satisfies ChannelMap;

/** Every push event (main → renderer) declared once. */
export const pushEvents = {
  ...appEvents,
  ...articleEvents,
  ...exportEvents,
  ...researchEvents,
  ...studyEvents,
  ...syncEvents,
  ...watchlistEvents,
} as const satisfies PushEventMap;

export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents & string;

/** Names as they travel on the wire; the preload refuses anything without this prefix. */
export const WIRE_PREFIX = 'catalyst:';
export const WIRE_EVENT = 'catalyst:event';
export const wireName = (name: ChannelName): string => `${WIRE_PREFIX}${name}`;

export const channelNames = Object.keys(channels) as ChannelName[];
export const pushEventNames = Object.keys(pushEvents) as PushEventName[];

export * from './app';
export * from './define';
export * from './errors';
