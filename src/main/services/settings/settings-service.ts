import {
  DEFAULT_APP_SETTINGS,
  readAppSettings,
  type AppSettings,
  type AppSettingsPatch,
} from '../../../shared/domain/app-settings';
import { readWorkspace, type Workspace } from '../../../shared/domain/workspace';
import { readWindowState, type WindowState } from '../../../shared/domain/window-state';
import type { AppStateRepository } from '../../db/repositories/app-state-repository';
import type { WriteTransaction } from '../../db/transaction';
import { dataChange, type NotifyChange } from '../data-changes';

/** Most entries of File ▸ Open Recent. */
export const MAX_RECENT_FILES = 10;
/** Longest path remembered (longer ones are not worth a menu item and are not stored). */
const MAX_PATH_CHARS = 4096;

/** The recent-files list after opening `path`: newest first, no duplicates, at most {@link MAX_RECENT_FILES}. */
export function rememberRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
}

export interface SettingsServiceDeps {
  readonly repo: AppStateRepository;
  readonly transact: WriteTransaction;
  /** Told after the settings changed (`settings`). */
  readonly notify: NotifyChange;
}

/**
 * The app's settings (theme, research and export defaults), the workspace and the window's
 * place that a launch restores, and the recent files of the File menu, all in the database. Inputs arrive parsed
 * by the contract (`settings.update`, `workspace.save`); what is read back is re-validated
 * field by field, so a damaged or newer value falls back to its default alone.
 */
export class SettingsService {
  private readonly deps: SettingsServiceDeps;
  constructor(deps: SettingsServiceDeps) {
    this.deps = deps;
  }

  get(): AppSettings {
    return readAppSettings(this.deps.repo.get('settings'));
  }

  /** Applies a patch (fields absent stay) in one transaction and announces it. */
  update(patch: AppSettingsPatch): AppSettings {
    const next = this.deps.transact(() => {
      const merged: AppSettings = { ...this.get(), ...patch };
      this.deps.repo.set('settings', merged);
      return merged;
    });
    this.deps.notify(dataChange(['settings']));
    return next;
  }

  /** Back to the defaults (kept as a value, so a newer default does not change a user's choice silently). */
  reset(): AppSettings {
    return this.update(DEFAULT_APP_SETTINGS);
  }

  getWorkspace(): Workspace {
    return readWorkspace(this.deps.repo.get('workspace'));
  }

  saveWorkspace(workspace: Workspace): void {
    this.deps.transact(() => this.deps.repo.set('workspace', workspace));
  }

  /** Recent files, newest first. */
  /** The main window's place when it last closed, or null (never saved, or damaged). */
  getWindowState(): WindowState | null {
    return readWindowState(this.deps.repo.get('window'));
  }

  /** Remembers the main window's place (as it closes); a malformed state is not written. */
  saveWindowState(state: WindowState): void {
    const checked = readWindowState(state);
    if (!checked) return;
    this.deps.transact(() => this.deps.repo.set('window', checked));
  }

  recentFiles(): string[] {
    const v = this.deps.repo.get('recent-files');
    return Array.isArray(v)
      ? v.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= MAX_PATH_CHARS)
      : [];
  }

  /** Puts `path` first (once), keeping at most {@link MAX_RECENT_FILES}; answers the new list. */
  rememberFile(path: string): string[] {
    if (path.length === 0 || path.length > MAX_PATH_CHARS) return this.recentFiles();
    return this.deps.transact(() => {
      const next = rememberRecent(this.recentFiles(), path);
      this.deps.repo.set('recent-files', next);
      return next;
    });
  }

  clearRecentFiles(): void {
    this.deps.transact(() => this.deps.repo.set('recent-files', []));
  }
}
