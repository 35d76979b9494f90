import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isoDateSchema, tickerSchema, type IsoDate } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import type { Bar } from '../../../shared/domain/bar';
import type { Instrument } from '../../../shared/domain/instrument';
import { parseStudyFile, type StudyFile } from '../../../shared/domain/study';
import { timeZoneSchema } from '../../../shared/domain/calendar';
import { parseBarsCsv } from '../market/bars-csv';
import { issueMessages } from '../../../shared/zod-issues';

/**
 * The shipped data of the embedded study, read and checked before anything is written:
 * `resources/studies/<id>.study.json` and `resources/prices/manifest.json` with the CSVs it
 * lists (byte copies of the project's price data set, provenance in resources/prices/SOURCES.md).
 */

/** Where the embedded study lives, relative to the resources folder. */
export const EMBEDDED_STUDY_FILE = join('studies', 'china-tech-rally-2025.study.json');
export const PRICES_MANIFEST_FILE = join('prices', 'manifest.json');

const text = (max: number) => z.string().trim().min(1).max(max);

/** One price file of `resources/prices/manifest.json`. */
const priceFileSchema = z
  .object({
    file: z
      .string()
      .regex(/^[A-Za-z0-9^][A-Za-z0-9._^-]*\.csv$/, { message: 'must be a plain .csv file name in the same folder' }),
    symbol: tickerSchema,
    name: text(200),
    exchange: text(100),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO currency code such as HKD' }),
    timezone: timeZoneSchema,
    kind: z.enum(['equity', 'index', 'fund']),
    closeOnly: z.boolean(),
    from: isoDateSchema,
    to: isoDateSchema,
    rows: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a lower-case hex SHA-256' }),
    provenance: text(4000),
    adjustmentNote: text(4000),
    placeholderDates: z.array(isoDateSchema),
  })
  .strict();

export const pricesManifestSchema = z
  .object({
    format: z.literal('catalyst-prices'),
    version: z.literal(1),
    description: z.string().optional(),
    files: z.array(priceFileSchema).min(1),
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.files.forEach((f, i) => {
      if (seen.has(f.symbol))
        ctx.addIssue({ code: 'custom', path: ['files', i, 'symbol'], message: `${f.symbol} is listed twice` });
      seen.add(f.symbol);
    });
  });

export type PriceFileEntry = z.output<typeof priceFileSchema>;
export type PricesManifest = z.output<typeof pricesManifestSchema>;

/** A shipped instrument with its verified bars. */
export interface ShippedSeries {
  readonly instrument: Instrument;
  readonly bars: readonly Bar[];
}

/** Everything a seed writes, validated. */
export interface EmbeddedData {
  readonly study: StudyFile;
  readonly series: readonly ShippedSeries[];
}

function readText(dir: string, rel: string): string {
  try {
    return readFileSync(join(dir, rel), 'utf8');
  } catch (e) {
    throw new CatalystError(
      'invalid-input',
      `${rel}: cannot read the shipped file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
}

/** SHA-256 of the text with LF line endings, so a checkout that turned LF into CRLF still verifies. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads and validates a study file; throws `invalid-input` naming the file and every problem. */
export function loadStudyFile(dir: string, rel: string): StudyFile {
  const parsed = parseStudyFile(readText(dir, rel));
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 20);
    if (parsed.problems.length > 20) shown.push(`… and ${parsed.problems.length - 20} more`);
    throw new CatalystError(
      'invalid-input',
      `${rel} is not a valid study file; nothing was written:\n${shown.join('\n')}`,
      {
        problems: parsed.problems,
      },
    );
  }
  return parsed.study;
}

function checkSeries(entry: PriceFileEntry, bars: readonly Bar[]): string | null {
  if (bars.length !== entry.rows) return `has ${bars.length} rows, the manifest says ${entry.rows}`;
  if (bars[0]!.date !== entry.from || bars.at(-1)!.date !== entry.to) {
    return `spans ${bars[0]!.date} → ${bars.at(-1)!.date}, the manifest says ${entry.from} → ${entry.to}`;
  }
  if (entry.closeOnly !== bars.every((b) => b.open === null))
    return entry.closeOnly ? 'has OHLC columns but is declared close-only' : 'has closes only';
  const flagged = bars.filter((b) => b.placeholder).map((b) => b.date as IsoDate);
  if (flagged.join() !== [...entry.placeholderDates].sort().join()) {
    return `placeholder rows ${flagged.join(', ') || 'none'} differ from the manifest's ${entry.placeholderDates.join(', ') || 'none'}`;
  }
  return null;
}

/**
 * Loads the embedded study and the price files of its universe, checking the manifest, each
 * file's hash, row count, span and placeholder rows. Throws `invalid-input` on the first
 * problem; reads only, writes nothing.
 */
export function loadEmbeddedData(resourcesDir: string, studyFile = EMBEDDED_STUDY_FILE): EmbeddedData {
  const { study, entries } = loadEmbeddedIndex(resourcesDir, studyFile);
  return { study, series: entries.map((e) => loadShippedSeries(resourcesDir, e)) };
}

/**
 * The embedded study and the manifest entries of its universe's price files (in universe
 * order), checked; the files themselves are read by {@link loadShippedSeries}, one at a time.
 */
export function loadEmbeddedIndex(
  resourcesDir: string,
  studyFile = EMBEDDED_STUDY_FILE,
): { study: StudyFile; entries: PriceFileEntry[] } {
  const study = loadStudyFile(resourcesDir, studyFile);
  return { study, entries: universeEntries(study, loadPricesManifest(resourcesDir)) };
}

/** `resources/prices/manifest.json`, read and checked; throws `invalid-input` naming every problem. */
export function loadPricesManifest(resourcesDir: string): PricesManifest {
  const manifestRaw = readText(resourcesDir, PRICES_MANIFEST_FILE);
  let json: unknown;
  try {
    json = JSON.parse(manifestRaw);
  } catch (e) {
    throw new CatalystError('invalid-input', `${PRICES_MANIFEST_FILE}: not valid JSON (${(e as Error).message})`);
  }
  const manifest = pricesManifestSchema.safeParse(json);
  if (!manifest.success) {
    const issues = issueMessages(manifest.error.issues, { max: 20 });
    throw new CatalystError(
      'invalid-input',
      `${PRICES_MANIFEST_FILE} is not a valid price manifest:\n${issues.join('\n')}`,
    );
  }
  return manifest.data;
}

/** The manifest entries of the study's universe, in universe order; `invalid-input` when one is missing. */
export function universeEntries(study: StudyFile, manifest: PricesManifest): PriceFileEntry[] {
  const bySymbol = new Map(manifest.files.map((f) => [f.symbol as string, f]));
  const missing = study.universe.filter((u) => !bySymbol.has(u.symbol)).map((u) => u.symbol);
  if (missing.length)
    throw new CatalystError('invalid-input', `${PRICES_MANIFEST_FILE} has no price file for ${missing.join(', ')}`);
  return study.universe.map((u) => bySymbol.get(u.symbol)!);
}

/**
 * One price file of the embedded study, read and checked against its manifest entry (hash,
 * rows, span, placeholder rows). Throws `invalid-input` on a problem; reads only.
 */
export function loadShippedSeries(resourcesDir: string, entry: PriceFileEntry): ShippedSeries {
  const rel = join('prices', entry.file);
  const csv = readText(resourcesDir, rel);
  const hash = contentHash(csv);
  if (hash !== entry.sha256) {
    throw new CatalystError(
      'invalid-input',
      `${rel} does not match its manifest hash (expected ${entry.sha256}, got ${hash}): the shipped file was altered`,
    );
  }
  let bars: Bar[];
  try {
    bars = parseBarsCsv(csv);
  } catch (e) {
    throw new CatalystError('invalid-input', `${rel}: ${(e as Error).message}`);
  }
  const problem = checkSeries(entry, bars);
  if (problem) throw new CatalystError('invalid-input', `${rel} ${problem}`);
  return {
    instrument: {
      symbol: entry.symbol,
      name: entry.name,
      exchange: entry.exchange,
      currency: entry.currency,
      timezone: entry.timezone,
      kind: entry.kind,
      closeOnly: entry.closeOnly,
      provenance: entry.provenance,
      adjustmentNote: entry.adjustmentNote,
    },
    bars,
  };
}
