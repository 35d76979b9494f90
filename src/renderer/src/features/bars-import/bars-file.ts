import { looksLikeBarsCsv, MAX_BARS_CSV_BYTES } from '../../../../shared/domain/bars-import';
import { fileTooLargeReason } from '../../../../shared/domain/watchlist/decode';
import type { BarsFileInput } from './bars-import-dialog';

/**
 * Whether a dropped or opened file is a daily-bars CSV (rather than a watchlist): decided from
 * its first line, read without loading the whole file.
 */
export async function isBarsCsvFile(file: File): Promise<boolean> {
  if (!/\.(csv|txt|tsv)$/i.test(file.name)) return false;
  return looksLikeBarsCsv(await file.slice(0, 4096).text());
}

/**
 * Reads a bars CSV as base64 for `barsImport.preview` / `import`: the bytes travel unchanged
 * (main detects the encoding). A file over the limit is refused from its size, unread.
 */
export async function readBarsFile(file: File): Promise<BarsFileInput> {
  if (file.size > MAX_BARS_CSV_BYTES) {
    throw new Error(
      `Cannot import ${file.name}: ${fileTooLargeReason(file.size, MAX_BARS_CSV_BYTES)}. Nothing was imported.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name || 'dropped file', bytesBase64: btoa(binary) };
}
