import type { Handlers } from '../../rpc/router';
import type { Services } from '../create-core';
import { appHandlers, type AppHandlerDeps } from './app-handlers';
import { articleHandlers } from './article-handlers';
import { barsImportHandlers } from './bars-import-handlers';
import { dataHandlers, type DataHandlerDeps } from './data-handlers';
import { exportHandlers } from './export-handlers';
import { combineHandlers } from './feature-handlers';
import { marketHandlers } from './market-handlers';
import { studyFileHandlers } from './study-file-handlers';
import { researchHandlers } from './research-handlers';
import { settingsHandlers } from './settings-handlers';
import { studyHandlers } from './study-handlers';
import { syncHandlers } from './sync-handlers';
import { watchlistHandlers } from './watchlist-handlers';

/** Every channel's handler: one map per feature, joined (a channel handled twice throws). */
export function createHandlers(s: Services, app: AppHandlerDeps & DataHandlerDeps): Handlers {
  return combineHandlers(
    appHandlers(app),
    articleHandlers(s),
    barsImportHandlers(s),
    dataHandlers(app),
    exportHandlers(s),
    marketHandlers(s),
    researchHandlers(s),
    settingsHandlers(s),
    studyHandlers(s),
    studyFileHandlers(s),
    syncHandlers(s),
    watchlistHandlers(s),
  );
}
