import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { OpenFileEvent } from '../../../shared/contract/app';
import {
  detectFileKindOfBytes,
  FILE_HEAD_BYTES,
  fileTooLargeMessage,
  maxFileBytes,
  type FileKind,
} from '../../../shared/file-kind';

function readAt(fd: number, bytes: Uint8Array): number {
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, bytes, read, bytes.length - read, read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/**
 * Reads a file the OS or the File menu handed the app, for the window's `app.openFile`: the kind
 * the user chose (File ▸ Import Prices CSV…, Import Study…), else the one its head shows; the
 * kind's size limit is checked from the file's size before the rest is read. Never throws: a
 * file that cannot be read becomes `error`.
 */
export function readOpenedFile(path: string, chosen: FileKind | null = null): OpenFileEvent {
  const fileName = basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return {
      fileName,
      kind: chosen ?? 'watchlist',
      error: `Cannot read ${fileName}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { fileName, kind: chosen ?? 'watchlist', error: `Cannot open ${fileName}: not a file` };
    const head = new Uint8Array(Math.min(stat.size, FILE_HEAD_BYTES));
    const kind = chosen ?? detectFileKindOfBytes(fileName, head.subarray(0, readAt(fd, head)));
    if (stat.size > maxFileBytes[kind])
      return { fileName, kind, error: fileTooLargeMessage(fileName, kind, stat.size) };
    const bytes = new Uint8Array(stat.size);
    const read = readAt(fd, bytes);
    return { fileName, kind, bytesBase64: Buffer.from(bytes.subarray(0, read)).toString('base64') };
  } catch (e) {
    return { fileName, kind: chosen ?? 'watchlist', error: `Cannot read ${fileName}: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
