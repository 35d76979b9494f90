import { CatalystError } from '../../../shared/contract/errors';
import { decodeWatchlistBytes, type TextEncodingName } from '../../../shared/domain/watchlist/decode';
import { readImportFile } from '../watchlists/read-import-file';
import { MAX_BARS_CSV_BYTES } from './bars-csv';

/** A bars CSV as text, with how its bytes were encoded. */
export interface BarsFileText {
  readonly fileName: string;
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * Bytes of a bars CSV → text: UTF-8 with or without BOM, UTF-16 LE/BE with a BOM (the same
 * decoder as watchlist imports); binary files and other encodings refused with the reason.
 */
export function decodeBarsBytes(fileName: string, bytes: Uint8Array): BarsFileText {
  const decoded = decodeWatchlistBytes(bytes, MAX_BARS_CSV_BYTES, 'a CSV of daily bars');
  if (!decoded.ok) throw new CatalystError('invalid-input', `Cannot import ${fileName}: ${decoded.reason}`);
  return { fileName, text: decoded.text, encoding: decoded.encoding };
}

/**
 * Reads a bars CSV from disk. The size is checked from the file's stat before anything is
 * read, so a multi-gigabyte file is refused without being loaded.
 */
export function readBarsFile(path: string, shownAs: string = path): BarsFileText {
  const { fileName, bytes } = readImportFile(path, shownAs, MAX_BARS_CSV_BYTES);
  return decodeBarsBytes(fileName, bytes);
}
