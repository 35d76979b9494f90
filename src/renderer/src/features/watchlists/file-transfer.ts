import type { WatchlistFileInput } from '../../../../shared/contract/watchlists';
import { fileTooLargeReason } from '../../../../shared/domain/watchlist/decode';
import { MAX_WATCHLIST_FILE_BYTES } from '../../../../shared/domain/watchlist/model';

/**
 * Reads a dropped or picked file as base64 for `watchlists.preview` / `import`: the bytes travel
 * unchanged, so the main process detects the encoding (UTF-8, UTF-16 with BOM) itself.
 * A file over the limit is refused from its size, without reading it.
 */
export async function readFileForImport(file: File): Promise<WatchlistFileInput> {
  if (file.size > MAX_WATCHLIST_FILE_BYTES) {
    throw new Error(`Cannot import ${file.name}: ${fileTooLargeReason(file.size)}. Nothing was imported.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // String.fromCharCode takes a bounded number of arguments: convert in chunks.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name || 'dropped file', bytesBase64: btoa(binary) };
}

/** Saves text as a file through the browser's download (Electron asks where to save it). */
export function saveTextFile(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
