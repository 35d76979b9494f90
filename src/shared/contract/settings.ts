import { z } from 'zod';
import { appSettingsPatchSchema, type AppSettings } from '../domain/app-settings';
import { workspaceSchema, type Workspace } from '../domain/workspace';
import { channel, returns } from './define';

/**
 * Channels of the app's own settings (theme, research and export defaults; the providers'
 * settings are `settings.getSync` and friends) and of the workspace the window restores.
 */
export const settingsChannels = {
  'settings.get': channel({
    doc: 'The app settings: theme, default benchmark per exchange, default event-study windows, export defaults (each unreadable stored value is its default).',
    input: z.undefined(),
    output: returns<AppSettings>(),
  }),
  'settings.update': channel({
    doc: 'Changes some app settings (fields absent stay); answers all of them. Announced with data.changed (settings).',
    input: appSettingsPatchSchema,
    output: returns<AppSettings>(),
  }),
  'workspace.get': channel({
    doc: 'What the window showed when it was last left (study, symbol or comparison, range, log scale, tab, panels); {} on a first launch.',
    input: z.undefined(),
    output: returns<Workspace>(),
  }),
  'workspace.save': channel({
    doc: 'Remembers what the window shows now, replacing the previous workspace. Not announced (nothing else shows it).',
    input: workspaceSchema,
    output: returns<{ readonly saved: true }>(),
  }),
} as const;
