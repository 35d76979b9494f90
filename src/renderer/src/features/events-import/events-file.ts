import type { EventsImportPreview } from '../../../../shared/contract/research';
import { base64ToBytes } from '../../../../shared/base64';
import { decodeWatchlistBytes } from '../../../../shared/domain/watchlist/decode';
import type { EventsCsvLine } from '../../../../shared/domain/user-event';
import { maxFileBytes } from '../../../../shared/file-kind';
import type { OpenFileEvent } from '../../../../shared/contract/app';

/*
 * The events import's words and the reading of the opened file, apart from React so that they
 * are tested on their own.
 */

/** An events CSV as the dialog receives it: its name and its decoded text (or why it cannot be read). */
export type EventsFileInput =
  { readonly fileName: string; readonly text: string } | { readonly fileName: string; readonly error: string };

/** The text of an opened events CSV (UTF-8, with or without BOM, or UTF-16 with BOM), or why it cannot be read. */
export function eventsFileInput(f: OpenFileEvent): EventsFileInput {
  if ('error' in f) return { fileName: f.fileName, error: f.error };
  const decoded = decodeWatchlistBytes(base64ToBytes(f.bytesBase64), maxFileBytes['events-csv'], 'an events CSV');
  return decoded.ok
    ? { fileName: f.fileName, text: decoded.text }
    : { fileName: f.fileName, error: `Cannot import ${f.fileName}: ${decoded.reason}. Nothing was imported.` };
}

/** The status cell of a line: what happens to it, and why when it is not added. */
export function eventsLineStatus(l: EventsCsvLine): string {
  if (l.status === 'ok') return 'will be added';
  if (l.status === 'duplicate') return `duplicate, skipped: ${l.reason ?? ''}`;
  return `error: ${l.reason ?? 'invalid line'}`;
}

/** The summary line of a preview ("3 to add, 1 duplicate (skipped), 2 errors"). */
export function eventsPreviewSummary(p: EventsImportPreview): string {
  const parts = [`${p.ok} event${p.ok === 1 ? '' : 's'} to add`];
  if (p.duplicates) parts.push(`${p.duplicates} duplicate${p.duplicates === 1 ? '' : 's'} (skipped)`);
  if (p.errors) parts.push(`${p.errors} error${p.errors === 1 ? '' : 's'}`);
  return `${p.lines.length} line${p.lines.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}
