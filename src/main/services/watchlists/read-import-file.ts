import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { CatalystError } from '../../../shared/contract/errors';
import type { WatchlistOpenImportEvent } from '../../../shared/contract/watchlists';
import { fileTooLargeReason } from '../../../shared/domain/watchlist/decode';
import { MAX_WATCHLIST_FILE_BYTES } from '../../../shared/domain/watchlist/model';

/**
 * Reads a file to import from disk (the CLI; the app's File ▸ Import Watchlist… menu). A file
 * over the size limit is refused from its size alone, before anything is read.
 * `shownAs` is how the path appears in messages; `maxBytes` the size limit (bars CSVs have their own).
 */
export function readImportFile(
  path: string,
  shownAs: string = path,
  maxBytes: number = MAX_WATCHLIST_FILE_BYTES,
): { fileName: string; bytes: Uint8Array } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new CatalystError(
      'invalid-input',
      `Cannot read ${shownAs}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new CatalystError('invalid-input', `Cannot import ${shownAs}: not a file`);
    if (stat.size > maxBytes) {
      throw new CatalystError(
        'invalid-input',
        `Cannot import ${basename(path)}: ${fileTooLargeReason(stat.size, maxBytes)}. Nothing was imported.`,
      );
    }
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { fileName: basename(path), bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The push event that opens the import preview in the window for a file chosen in the
 * native menu's open dialog (never throws: a file that cannot be read becomes `error`).
 * The Electron shell calls it with the chosen path and emits `watchlists.openImport`.
 */
export function openImportEvent(path: string): WatchlistOpenImportEvent {
  try {
    const { fileName, bytes } = readImportFile(path, basename(path));
    return { fileName, bytesBase64: Buffer.from(bytes).toString('base64') };
  } catch (e) {
    return { fileName: basename(path), error: e instanceof CatalystError ? e.message : String(e) };
  }
}
