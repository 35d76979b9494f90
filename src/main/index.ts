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
  screen,
  session,
  shell,
} from 'electron';
import { basename, join } from 'node:path';
import { openCore, type Core } from './app/create-core';
import type { DataChangedEvent } from '../shared/contract/app';
import { ArticleService } from './services/article/article-service';
import { createLogger, rotatingFileSink, silentLogger, type Logger } from './log/logger';
import { readOpenedFile } from './services/files/read-opened-file';
import { copyPngToClipboard } from './shell/clipboard-image';
import { openImportEvent } from './services/watchlists/read-import-file';
import { DB_FILE } from './app/paths';
import { attachPushToWindow, registerIpc } from './ipc/register-ipc';
import { isTrustedSender } from './ipc/sender';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './shell/app-protocol';
import { createMenuTemplate, type OpenKind } from './shell/menu';
import { openDialogOptions } from './shell/open-dialog';
import { openChoices } from '../shared/file-kind';
import { restoreWindowBounds, type WindowState } from './shell/window-state';
import { fileToOpen, handOff, type Launch } from './shell/single-instance';
import { aboutText } from './shell/about';
import { printHtmlToPdf } from './shell/print-pdf';
import { safeStorageSecrets } from './shell/safe-storage-secrets';
import { bundledSyncWorkerEntry } from './worker/bundled-entry';
import { hardenSession, hardenWebContents } from './shell/session-hardening';
import { describeRecovery, describeStartupFailure } from './shell/startup-error';
import { prepareDatabase, type DatabaseCheck } from './db/recovery';
import { startDailyBackups } from './db/backup';
import { APP_ENTRY_URL, devServerOrigin } from './shell/url-policy';
import { BACKGROUND, createWindowOptions } from './shell/window-options';
import { startUpdates, updateSetup, UPDATE_FEED_URL } from './shell/updates';

// The dev server is honoured only in an unpackaged run: a packaged app never loads a page
// named by an environment variable.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devOrigin = devServerOrigin(devUrl);
const isMac = process.platform === 'darwin';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

/** Where the main window opens: its saved place (in the database, with the workspace) clamped onto today's screens. */
function windowStateAtLaunch(current: Core): WindowState {
  return restoreWindowBounds(
    current.services.settings.getWindowState(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
}

function saveWindowState(current: Core, win: BrowserWindow): void {
  try {
    current.services.settings.saveWindowState({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  } catch (error) {
    log.error('could not save the window state', error);
  }
}

/** A file to open from the command line (first launch) or handed over by a second launch. */
// The app's log: <userData>/logs/catalyst.log, rotated by size (set once the path is known).
let log: Logger = silentLogger;
let pendingOpen: string | null = null;
let openFromShell: ((path: string) => void) | null = null;

function createMainWindow(current: Core): BrowserWindow {
  const state = windowStateAtLaunch(current);
  const win = new BrowserWindow(
    createWindowOptions({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      dark: nativeTheme.shouldUseDarkColors,
      ...state.bounds,
    }),
  );
  if (state.maximized) win.maximize();
  win.on('close', () => saveWindowState(current, win));
  mainWindow = win;
  // A window made again (macOS) subscribes anew: hold push events until it says ready.
  current.push.unready();
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

async function start(): Promise<void> {
  const dbPath = join(app.getPath('userData'), DB_FILE);
  log = createLogger([rotatingFileSink({ path: join(app.getPath('userData'), 'logs', 'catalyst.log') })]);
  log.info(`Catalyst ${app.getVersion()} starting (${process.platform}, Electron ${process.versions.electron})`);
  let opened: Core;
  let check: DatabaseCheck = { kind: 'ok' };
  try {
    // Integrity check (a damaged file is moved aside, then restored or salvaged), a backup
    // before a migration, the daily backup: before anything opens the database for work.
    check = (await prepareDatabase(dbPath)).check;
    opened = await openCore({
      dbPath,
      // First launch seeds the embedded study so it opens offline at once (in slices, so the
      // main process keeps answering the OS meanwhile); cheap afterwards.
      seedOnOpen: true,
      printPdf: printHtmlToPdf,
      copyImage: copyPngToClipboard,
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
  // Files chosen in the native dialogs (and recent files) open their preview in the window;
  // nothing is written before the user confirms there.
  // File ▸ Import Watchlist…, Import Prices CSV… and Import Study… say what the file is (that
  // preview opens); Open…, Open Recent and the OS route it by its detected kind (app.openFile).
  const openPath = (path: string, kind: OpenKind = 'any'): void => {
    opened.services.settings.rememberFile(path);
    rebuildMenu();
    if (kind === 'watchlist') opened.push.emit('watchlists.openImport', openImportEvent(path));
    else opened.push.emit('app.openFile', readOpenedFile(path, openChoices[kind].kind));
  };
  const open = (kind: OpenKind): void => {
    const win = mainWindow;
    if (!win) return;
    dialog
      .showOpenDialog(win, openDialogOptions(kind))
      .then((choice) => {
        const path = choice.filePaths[0];
        if (choice.canceled || !path) return;
        // File ▸ New Study from Article…: the file goes to the article dialog, not to an import preview.
        if (kind === 'article') openArticle(opened, path);
        else openPath(path, kind);
      })
      .catch((error: unknown) => log.error('open dialog failed', error));
  };
  openFromShell = openPath;
  const rebuildMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        createMenuTemplate({
          isMac,
          dev: !app.isPackaged,
          send: (command) => opened.push.emit('app.command', { command }),
          open,
          recentFiles: opened.services.settings.recentFiles(),
          openRecent: (path) => openPath(path),
          clearRecent: () => {
            opened.services.settings.clearRecentFiles();
            rebuildMenu();
          },
          openDataFolder: () => void shell.openPath(app.getPath('userData')),
          backupNow: () => opened.push.emit('app.command', { command: 'data.backup' }),
          about: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Catalyst',
              message: `Catalyst ${app.getVersion()}`,
              detail: aboutText(),
            }),
          theme: opened.services.settings.get().theme,
        }),
      ),
    );
  // The theme setting drives native surfaces too (dialogs, the menu's radio, the window's background).
  const applyTheme = (): void => {
    nativeTheme.themeSource = opened.services.settings.get().theme;
  };
  applyTheme();
  opened.push.attach((event, payload) => {
    if (event !== 'data.changed' || !(payload as DataChangedEvent).kinds.includes('settings')) return;
    applyTheme();
    rebuildMenu();
  });
  rebuildMenu();
  nativeTheme.on('updated', () =>
    mainWindow?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light),
  );
  const win = createMainWindow(opened);
  // A file the OS asked to open: queued as a push event until the window says it is ready.
  const first = pendingOpen ?? fileToOpen(process.argv, app.isPackaged ? 1 : 2);
  pendingOpen = null;
  if (first) openPath(first);
  log.info('started');
  const recovered = describeRecovery(check, dbPath);
  if (recovered) {
    // Told in plain words once the window is up (the text is also in the log).
    log.warn(recovered.detail);
    void dialog.showMessageBox(win, { type: 'warning', buttons: ['OK'], ...recovered });
  }
  // Off until a release feed is configured (src/main/shell/updates.ts); never in development.
  const updates = updateSetup(UPDATE_FEED_URL, app.isPackaged);
  if (updates.state === 'off') log.info(`updates off: ${updates.reason}`);
  startUpdates(updates, async () => (await import('electron-updater')).default.autoUpdater).catch((error: unknown) =>
    log.error('update check failed', error),
  );
  // The daily backup of an app left open for days (start-up made today's).
  startDailyBackups(opened.db, dbPath, {
    onBackup: (b) => log.info(`daily backup ${b.fileName}`),
    onError: (error) => log.error('daily backup failed', error),
  });
  // Off by default; a user setting turns it on.
  opened.services.sync.startOnLaunch().catch((error: unknown) => log.error('update on launch failed', error));
}

// Before the single-instance lock: the lock lives in the folder named after the app.
app.setName('Catalyst');
// The Electron smoke test starts the unpackaged app on an empty folder; a packaged app ignores it.
if (!app.isPackaged && process.env.CATALYST_USER_DATA_DIR) app.setPath('userData', process.env.CATALYST_USER_DATA_DIR);

/**
 * A later launch reached this instance (a second instance's command line, or macOS handing over
 * a file): carries out what `handOff` (src/main/shell/single-instance.ts) decides.
 */
function receiveLaunch(launch: Launch): void {
  const decision = handOff(launch, {
    started: core !== null && openFromShell !== null,
    window: !mainWindow ? 'none' : mainWindow.isMinimized() ? 'minimized' : 'shown',
  });
  if (decision.createWindow && core) createMainWindow(core);
  if (decision.open) {
    if (decision.openWhen === 'now' && openFromShell) openFromShell(decision.open);
    else pendingOpen = decision.open;
  }
  const win = mainWindow;
  if (!win) return;
  if (decision.restore) win.restore();
  // A window made just now shows itself once its page is ready (ready-to-show), focused.
  if (decision.focus && !decision.createWindow) {
    win.show();
    win.focus();
  }
}

// macOS hands files (Finder, the Dock) to the running app as an event, also before "ready".
app.on('open-file', (event, path) => {
  event.preventDefault();
  receiveLaunch({ file: path });
});

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

  app.on('second-instance', (_event, argv) => receiveLaunch({ argv, skip: app.isPackaged ? 1 : 2 }));

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

/** Reads an article chosen in the native dialog and hands it to the window's article dialog. */
function openArticle(core: Core, path: string): void {
  ArticleService.readFile(path).then(
    (file) => core.push.emit('article.openDialog', { source: 'menu', fileName: file.fileName, content: file.content }),
    (error: unknown) =>
      core.push.emit('article.openDialog', {
        source: 'menu',
        fileName: basename(path),
        error: error instanceof Error ? error.message : String(error),
      }),
  );
}
