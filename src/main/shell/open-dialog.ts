import type { OpenDialogOptions } from 'electron';
import type { OpenKind } from './menu';

/** The native open dialog for each File menu item: its title and the file types it offers first. */
export function openDialogOptions(kind: OpenKind): OpenDialogOptions {
  const all = { name: 'All files', extensions: ['*'] };
  const byKind: Record<OpenKind, { title: string; filters: OpenDialogOptions['filters'] }> = {
    any: {
      title: 'Open',
      filters: [{ name: 'Catalyst files', extensions: ['json', 'txt', 'csv', 'tsv', 'md', 'html', 'htm'] }, all],
    },
    watchlist: {
      title: 'Import Watchlist',
      filters: [{ name: 'Watchlists', extensions: ['txt', 'csv', 'tsv', 'json'] }, all],
    },
    prices: { title: 'Import Prices CSV', filters: [{ name: 'Daily prices', extensions: ['csv', 'txt'] }, all] },
    study: { title: 'Import Study', filters: [{ name: 'Catalyst studies', extensions: ['json'] }, all] },
    article: {
      title: 'New Study from Article',
      filters: [{ name: 'Articles', extensions: ['txt', 'md', 'html', 'htm'] }, all],
    },
  };
  return { ...byKind[kind], properties: ['openFile'] };
}
