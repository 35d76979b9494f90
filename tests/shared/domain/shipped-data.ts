import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asTicker, type IsoDate, type Ticker } from '../../../src/shared/brand';
import type { Bar } from '../../../src/shared/domain/bar';
import { parseBarsCsv } from '../../../src/main/services/market/bars-csv';

/** The repository's shipped data folder. */
export const RESOURCES = resolve(import.meta.dirname, '..', '..', '..', 'resources');
export const STUDY_PATH = join(RESOURCES, 'studies', 'china-tech-rally-2025.study.json');

interface ManifestEntry {
  file: string;
  symbol: string;
  timezone: string;
}

const manifest = JSON.parse(readFileSync(join(RESOURCES, 'prices', 'manifest.json'), 'utf8')) as {
  files: ManifestEntry[];
};

/** The shipped bars of a symbol, parsed as the seed parses them. */
export function shippedBars(symbol: string): Bar[] {
  const entry = manifest.files.find((f) => f.symbol === symbol);
  if (!entry) throw new Error(`no shipped prices for ${symbol}`);
  return parseBarsCsv(readFileSync(join(RESOURCES, 'prices', entry.file), 'utf8'));
}

/** The shipped session dates of a symbol (placeholder rows included). */
export function shippedSessions(symbol: string): IsoDate[] {
  return shippedBars(symbol).map((b) => b.date);
}

export function shippedZone(symbol: string): string {
  return manifest.files.find((f) => f.symbol === symbol)!.timezone;
}

/** The close of one shipped row, read straight from the CSV text (for hand-computed expectations). */
export function csvClose(symbol: string, date: string): number {
  const entry = manifest.files.find((f) => f.symbol === symbol)!;
  const line = readFileSync(join(RESOURCES, 'prices', entry.file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${date},`));
  if (!line) throw new Error(`${symbol} has no row ${date}`);
  return Number(line.split(',').at(symbol.startsWith('HSTECH') ? 1 : 4));
}

export const T = (s: string): Ticker => asTicker(s);
