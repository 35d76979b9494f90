import type { Command } from '../command';
import { barsCommand } from './bars';
import { claimsCommand } from './claims';
import { backupCommand, recoverCommand } from './data';
import { eventsCommand } from './events';
import { exportCsvCommand } from './export-csv';
import { importBarsCommand } from './import-bars';
import { reportCommand } from './report';
import { compareCommand, studyCommand } from './research';
import { seedCommand } from './seed';
import { studyCreateCommand, studyExportCommand, studyImportCommand } from './study-files';
import { studyFromArticleCommand } from './study-from-article';
import { syncCommand } from './sync';
import {
  eventsAddCommand,
  eventsDeleteCommand,
  eventsEditCommand,
  eventsExportCommand,
  eventsHideCommand,
  eventsImportCommand,
} from './user-events';
import { webCommand } from './web';
import { watchlistExportCommand, watchlistImportCommand, watchlistListCommand } from './watchlist';

/** Every CLI command. */
export const commands: readonly Command[] = [
  barsCommand,
  importBarsCommand,
  syncCommand,
  seedCommand,
  claimsCommand,
  eventsCommand,
  eventsAddCommand,
  eventsEditCommand,
  eventsDeleteCommand,
  eventsHideCommand,
  eventsImportCommand,
  eventsExportCommand,
  compareCommand,
  studyCommand,
  studyFromArticleCommand,
  watchlistImportCommand,
  watchlistExportCommand,
  watchlistListCommand,
  exportCsvCommand,
  studyExportCommand,
  studyImportCommand,
  studyCreateCommand,
  reportCommand,
  backupCommand,
  recoverCommand,
  webCommand,
];
