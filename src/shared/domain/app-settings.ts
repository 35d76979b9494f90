import { z } from 'zod';
import { tickerSchema, type Ticker } from '../brand';
import { readFields } from '../read-fields';
import { DEFAULT_WINDOWS, MAX_WINDOWS, sessionWindowSchema } from './event-study';

/*
 * The user's preferences that are not the price providers' (those are the sync settings,
 * `settings.getSync`): theme, research defaults and export defaults. Stored in the database
 * (`app_state`), read field by field so that one unreadable value falls back to its default
 * instead of losing the others.
 */

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/** Exchanges whose default event-study benchmark the user can change, by their time zone. */
export const benchmarkExchanges = {
  'Asia/Hong_Kong': 'Hong Kong',
  'Asia/Shanghai': 'Shanghai / Shenzhen',
  'America/New_York': 'New York',
} as const;
export type BenchmarkExchange = keyof typeof benchmarkExchanges;

/** The most event-study windows a default can list (the event-study channel's own limit). */
export const MAX_DEFAULT_WINDOWS = MAX_WINDOWS;

/** Each field of the settings with its schema; the defaults are {@link DEFAULT_APP_SETTINGS}. */
export const appSettingsShape = {
  theme: z.enum(themeChoices),
  /** Per exchange (time zone): the benchmark an event study uses when the study names none. */
  benchmarks: z.partialRecord(z.enum(Object.keys(benchmarkExchanges) as [BenchmarkExchange]), tickerSchema),
  /** Windows of session offsets around T0 an event study measures unless told otherwise. */
  eventWindows: z.array(sessionWindowSchema).min(1).max(MAX_DEFAULT_WINDOWS),
  /** Device-pixel scale of exported chart pictures. */
  pngScale: z.union([z.literal(1), z.literal(2)]),
  /** Exported pictures as shown, or always light (for print). */
  pngTheme: z.enum(['as-shown', 'light']),
  paperSize: z.enum(['A4', 'Letter']),
  /** Exported CSV files start with a UTF-8 BOM (so Excel reads them as UTF-8), or not. */
  csvBom: z.boolean(),
};

export const appSettingsSchema = z.object(appSettingsShape).strict();
export type AppSettings = z.output<typeof appSettingsSchema>;

/** A change of some settings; fields absent stay as they are. */
export const appSettingsPatchSchema = appSettingsSchema.partial().strict();
export type AppSettingsPatch = z.output<typeof appSettingsPatchSchema>;

/** What a new user gets (the benchmarks' defaults are the built-in ones of each exchange). */
export const DEFAULT_APP_SETTINGS: AppSettings = {
  theme: 'system',
  benchmarks: {},
  eventWindows: DEFAULT_WINDOWS.map((w) => [w[0], w[1]] as [number, number]),
  pngScale: 2,
  pngTheme: 'as-shown',
  paperSize: 'A4',
  csvBom: true,
};

/**
 * Settings from stored JSON: each field that parses is kept, each that does not (edited by
 * hand, written by another version) is its default. Never throws.
 */
export function readAppSettings(stored: unknown): AppSettings {
  return { ...DEFAULT_APP_SETTINGS, ...readFields(appSettingsShape, stored) };
}

/** The benchmark the settings name for an exchange's time zone, if the user chose one. */
export function chosenBenchmark(s: AppSettings, timezone: string | null): Ticker | null {
  if (!timezone || !(timezone in benchmarkExchanges)) return null;
  return s.benchmarks[timezone as BenchmarkExchange] ?? null;
}
