import type { OpenDialogOptions } from 'electron';
import { openChoices, type OpenKind } from '../../shared/file-kind';

/** The native open dialog for each File menu item: its title and the file types it offers first (src/shared/file-kind.ts). */
export function openDialogOptions(kind: OpenKind): OpenDialogOptions {
  const { title, filter } = openChoices[kind];
  return {
    title,
    filters: [
      { name: filter.name, extensions: [...filter.extensions] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['openFile'],
  };
}
