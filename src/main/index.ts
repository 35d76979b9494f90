/**
 * The Electron composition root: the only place that wires Electron to the core.
 * Everything it calls is a plain function tested under Node (src/main/shell, src/main/ipc);
 * this file only orders the calls and holds the window.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from './app/create-core';
import { createLogger, rotatingFileSink, silentLogger, type Logger } from './log/logger';
import { filesFromArgv, readOpenedFile } from './services/files/read-opened-file';
import { openImportEvent } from './services/watchlists/read-import-file';
import { DB_FILE } from './app/paths';
import { attachPushToWindow, registerIpc } from './ipc/register-ipc';
import { isTrustedSender } from './ipc/sender';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './shell/app-protocol';
import { createMenuTemplate } from './shell/menu';
import { safeStorageSecrets } from './shell/safe-storage-secrets';
import { bundledSyncWorkerEntry } from './worker/bundled-entry';
import { hardenSession, hardenWebContents } from './shell/session-hardening';
import { describeStartupFailure } from './shell/startup-error';
import { APP_ENTRY_URL, devServerOrigin } from './shell/url-policy';
import { BACKGROUND, createWindowOptions } from './shell/window-options';

// The dev server is honoured only in an unpackaged run: a packaged app never loads a page
// named by an environment variable.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devOrigin = devServerOrigin(devUrl);
const isMac = process.platform === 'darwin';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
// The app's log: <userData>/logs/catalyst.log, rotated by size (set once the path is known).
let log: Logger = silentLogger;
// Files the OS opened before the core existed (macOS sends open-file before ready).
const openedEarly: string[] = [];

/** Sends a file from the OS or the menu to the window (queued until it is ready), or keeps it for start-up. */
function openFile(path: string): void {
  if (core) core.push.emit('app.openFile', readOpenedFile(path));
  else openedEarly.push(path);
}

function createMainWindow(current: Core): BrowserWindow {
  const win = new BrowserWindow(
    createWindowOptions({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      dark: nativeTheme.shouldUseDarkColors,
    }),
  );
  mainWindow = win;
  const detachPush = attachPushToWindow(current.push, win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    detachPush();
    if (mainWindow === win) mainWindow = null;
  });
  const url = devOrigin && devUrl ? devUrl : APP_ENTRY_URL;
  win.loadURL(url).catch((error: unknown) => console.error(`loading ${url} failed`, error));
  return win;
}

function showFatal(title: string, message: string, detail: string, error: unknown): void {
  console.error(title, error);
  log.error(`${title}: ${message}`, error);
  dialog.showMessageBoxSync({ type: 'error', title, message, detail, buttons: ['Quit'] });
  app.exit(1);
}

function start(): void {
  const dbPath = join(app.getPath('userData'), DB_FILE);
  log = createLogger([rotatingFileSink({ path: join(app.getPath('userData'), 'logs', 'catalyst.log') })]);
  log.info(`Catalyst ${app.getVersion()} starting (${process.platform}, Electron ${process.versions.electron})`);
  let opened: Core;
  try {
    opened = createCore({
      dbPath,
      // First launch seeds the embedded study so it opens offline at once; cheap afterwards.
      seedOnOpen: true,
      // A file opened from the OS or a sync on launch must not be lost before the window subscribes.
      queuePushUntilReady: true,
      // The fetch worker as electron-vite bundled it; API keys encrypted by the OS keychain.
      sync: {
        workerEntry: bundledSyncWorkerEntry,
        secrets: safeStorageSecrets(safeStorage, join(app.getPath('userData'), 'secrets.json')),
      },
      resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
      isTrustedSender: (sender) => isTrustedSender(sender, devOrigin),
      log,
      onUnexpectedError: (channel, error) => console.error(`[ipc ${channel}]`, error),
    });
  } catch (error) {
    // Typically a database from a newer Catalyst (unsupported-database): refuse, change nothing.
    const failure = describeStartupFailure(error, dbPath);
    showFatal(failure.title, failure.message, failure.detail, error);
    return;
  }
  core = opened;
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'), (url) => net.fetch(url));
  registerIpc(ipcMain, opened.router, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  const importWatchlist = (): void => {
    const win = mainWindow;
    if (!win) return;
    dialog
      .showOpenDialog(win, {
        title: 'Import Watchlist',
        properties: ['openFile'],
        filters: [
          { name: 'Watchlists', extensions: ['txt', 'csv', 'tsv', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      })
      .then((choice) => {
        const path = choice.filePaths[0];
        // The window shows the preview (or the reason the file was refused); nothing is written yet.
        if (!choice.canceled && path) opened.push.emit('watchlists.openImport', openImportEvent(path));
      })
      .catch((error: unknown) => console.error('import dialog failed', error));
  };
  const openFromMenu = (): void => {
    const win = mainWindow;
    if (!win) return;
    dialog
      .showOpenDialog(win, {
        title: 'Open',
        properties: ['openFile'],
        filters: [
          { name: 'Catalyst files', extensions: ['json', 'csv', 'tsv', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
      })
      .then((choice) => {
        const path = choice.filePaths[0];
        if (!choice.canceled && path) openFile(path);
      })
      .catch((error: unknown) => console.error('open dialog failed', error));
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      createMenuTemplate({
        isMac,
        dev: !app.isPackaged,
        onImportWatchlist: importWatchlist,
        onOpenFile: openFromMenu,
      }),
    ),
  );
  nativeTheme.on('updated', () =>
    mainWindow?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light),
  );
  createMainWindow(opened);
  // Files named on the command line ("Open with", a double-click on Windows and Linux) or sent by macOS before ready.
  for (const path of [
    ...openedEarly.splice(0),
    ...filesFromArgv(process.argv, { packaged: app.isPackaged, cwd: process.cwd() }).filter((p) => existsSync(p)),
  ])
    openFile(path);
  // Off by default; a user setting turns it on.
  opened.services.sync.startOnLaunch().catch((error: unknown) => log.error('update on launch failed', error));
}

// Before the single-instance lock: the lock lives in the folder named after the app.
app.setName('Catalyst');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  // Before "ready": Chromium fixes its scheme table at start-up.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  // Every webContents (the main window, and anything a bug might create) gets the same rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      openExternal: (url) => shell.openExternal(url),
      devOrigin,
      onBlocked: (what, url) => console.warn(`blocked ${what}: ${url}`),
    });
  });

  // macOS: a file opened in Finder (also before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFile(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of filesFromArgv(argv, { packaged: app.isPackaged, cwd: workingDirectory }).filter((p) =>
      existsSync(p),
    ))
      openFile(path);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createMainWindow(core);
  });

  // Close the database (checkpointing the WAL) before the process exits.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => console.error('closing the core failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) =>
      showFatal(
        'Catalyst cannot start',
        'Catalyst failed while starting.',
        error instanceof Error ? error.message : String(error),
        error,
      ),
    );
}
