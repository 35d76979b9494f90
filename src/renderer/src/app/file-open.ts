import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { OpenFileEvent } from '../../../shared/contract/app';
import {
  detectFileKindOfBytes,
  FILE_HEAD_BYTES,
  fileKindLabels,
  fileTooLargeMessage,
  maxFileBytes,
  openChoices,
  type FileKind,
  type OpenKind,
} from '../../../shared/file-kind';
import { bytesToBase64 } from '../../../shared/base64';
import { api } from '../api/client';
import { useCommand } from './commands-context';

/*
 * One route for every file that reaches the window: dropped on it, opened from the OS, or
 * chosen in the File menu. The kind is detected once (src/shared/file-kind.ts) and the file
 * goes to the preview registered for that kind. A feature adds a kind with one line:
 *
 *     useFileKind('bars-csv', (file) => setPending(file));
 *
 * A kind nobody registered says plainly that it is not supported yet.
 */

/** A file as a preview receives it: its bytes (base64, unchanged), or why it could not be read. */
export type OpenedFile = OpenFileEvent;

type Handler = (file: OpenedFile) => void;

// The most recently mounted handler of a kind wins (a dialog can take over from a panel).
const handlers = new Map<FileKind, Handler[]>();

/** Registers a preview for a kind; returns the unregister function. */
export function registerFileKind(kind: FileKind, handler: Handler): () => void {
  const list = handlers.get(kind) ?? [];
  handlers.set(kind, [...list, handler]);
  return () =>
    handlers.set(
      kind,
      (handlers.get(kind) ?? []).filter((h) => h !== handler),
    );
}

/** Sends a file to its kind's preview; `unsupported` gets it when no preview is registered. */
export function routeFile(file: OpenedFile, unsupported: Handler): void {
  const handler = handlers.get(file.kind)?.at(-1);
  (handler ?? unsupported)(file);
}

/** The message for a kind the app cannot open yet. */
export function notSupportedMessage(file: OpenedFile): string {
  return `${file.fileName} looks like ${fileKindLabels[file.kind]}; opening it here is not supported yet.`;
}

/**
 * Reads a dropped or picked file: the kind the user chose (a picker of File ▸ Import Prices
 * CSV…), else the one its head shows; the kind's limit is checked from the size before the rest
 * is read. Never throws: a file that cannot be read becomes `error`.
 */
export async function readDroppedFile(file: File, chosen: FileKind | null = null): Promise<OpenedFile> {
  const fileName = file.name || 'dropped file';
  try {
    const kind =
      chosen ?? detectFileKindOfBytes(fileName, new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer()));
    if (file.size > maxFileBytes[kind])
      return { fileName, kind, error: fileTooLargeMessage(fileName, kind, file.size) };
    return { fileName, kind, bytesBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  } catch (e) {
    return { fileName, kind: chosen ?? 'watchlist', error: `Cannot read ${fileName}: ${(e as Error).message}` };
  }
}

/** The `accept` attribute of a browser file picker for one of the File menu's choices. */
export function pickerAccept(choice: OpenKind): string {
  return openChoices[choice].filter.extensions.map((x) => `.${x}`).join(',');
}

// One hidden file input for the File menu's pickers where there is no native dialog.
let pickerInput: HTMLInputElement | null = null;

/**
 * The browser's file picker for one of the File menu's choices (`npm run web` has no native
 * dialog): the chosen file is read as a drop is and goes to `route`. Called from a key press
 * or a click (a picker needs the user's gesture).
 */
export function pickFileFor(choice: OpenKind, route: (file: OpenedFile) => void): void {
  pickerInput?.remove();
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  input.accept = pickerAccept(choice);
  input.setAttribute('aria-label', openChoices[choice].title);
  input.dataset.testid = 'file-picker';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (pickerInput === input) pickerInput = null;
    if (file) void readDroppedFile(file, openChoices[choice].kind).then(route);
  });
  input.addEventListener('cancel', () => input.remove());
  document.body.append(input);
  pickerInput = input;
  input.click();
}

/** A feature's preview for one kind of file, registered while the component is mounted. */
export function useFileKind(kind: FileKind, handler: Handler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => registerFileKind(kind, (f) => latest.current(f)), [kind]);
}

// Whether a file is being dragged over the window, for the drop overlay.
let dragging = false;
const draggingListeners = new Set<() => void>();
function setDragging(v: boolean): void {
  if (dragging === v) return;
  dragging = v;
  for (const l of draggingListeners) l();
}

/** True while a file is dragged over the window. */
export function useFileDragging(): boolean {
  return useSyncExternalStore(
    (l) => {
      draggingListeners.add(l);
      return () => draggingListeners.delete(l);
    },
    () => dragging,
  );
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Mounted once by the app: accepts files dropped anywhere on the window (drags without files,
 * such as reordering list items, are ignored, and a dropped file never makes the window
 * navigate to it) and files main pushes (`app.openFile` from the OS or File ▸ Open…,
 * `watchlists.openImport` from File ▸ Import Watchlist…), and routes each to its preview.
 */
export function useFileOpenRoute(unsupported: Handler, onExtraFiles?: (kept: string, ignored: number) => void): void {
  const fallback = useRef(unsupported);
  // The File menu where the shell has none (`npm run web`: Ctrl/⌘+O, Ctrl/⌘+Shift+O): the
  // browser's picker, routed as a drop is; in the desktop app main shows its dialogs instead.
  const picked = (f: OpenedFile) => routeFile(f, (x) => fallback.current(x));
  useCommand('file.open', () => pickFileFor('any', picked));
  useCommand('file.importWatchlist', () => pickFileFor('watchlist', picked));
  useCommand('file.importPrices', () => pickFileFor('prices', picked));
  const extra = useRef(onExtraFiles);
  useEffect(() => {
    fallback.current = unsupported;
    extra.current = onExtraFiles;
  }, [unsupported, onExtraFiles]);
  useEffect(() => {
    const route = (f: OpenedFile) => routeFile(f, (x) => fallback.current(x));
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      const first = files[0];
      if (!first) return;
      if (files.length > 1) extra.current?.(first.name, files.length - 1);
      void readDroppedFile(first).then(route);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    const offOpen = api.on('app.openFile', route);
    // File ▸ Import Watchlist…: the user said what it is.
    const offImport = api.on('watchlists.openImport', (e) => route({ ...e, kind: 'watchlist' }));
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      offOpen();
      offImport();
    };
  }, []);
}
