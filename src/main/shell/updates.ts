/**
 * The update channel (electron-updater). Off until a release feed is configured: a build sets
 * `CATALYST_UPDATE_FEED_URL` (which becomes {@link UPDATE_FEED_URL} and electron-builder's
 * `publish`) to its release feed, e.g. the `latest.yml` folder of the project's GitHub releases. With no feed nothing is loaded,
 * nothing is contacted. Only an `https:` feed is accepted; electron-updater checks the
 * downloaded installer's SHA-512 from the feed, and on macOS/Windows its code signature.
 */

// Replaced at build time by electron.vite.config.ts from CATALYST_UPDATE_FEED_URL (null when
// unset); undeclared where nothing defines it (tests under Node).
declare const __CATALYST_UPDATE_FEED_URL__: string | null | undefined;

/**
 * The release feed of this build: `CATALYST_UPDATE_FEED_URL` when the app was built
 * (`npm run build`; `npm run dist` gives electron-builder's `publish` the same value and checks
 * the bundle carries it, scripts/release-fields.ts). null = updates off, the default.
 */
export const UPDATE_FEED_URL: string | null =
  typeof __CATALYST_UPDATE_FEED_URL__ === 'string' && __CATALYST_UPDATE_FEED_URL__ !== ''
    ? __CATALYST_UPDATE_FEED_URL__
    : null;

/** The part of electron-updater's `autoUpdater` this uses. */
export interface Updater {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
  autoDownload: boolean;
}

export type UpdateSetup =
  { readonly state: 'off'; readonly reason: string } | { readonly state: 'on'; readonly feed: string };

/** Whether updates run, and from where: only packaged builds with an https feed. */
export function updateSetup(feed: string | null, isPackaged: boolean): UpdateSetup {
  if (!feed) return { state: 'off', reason: 'no release feed is configured' };
  if (!isPackaged) return { state: 'off', reason: 'not a packaged build' };
  let url: URL;
  try {
    url = new URL(feed);
  } catch {
    return { state: 'off', reason: 'the release feed is not a URL' };
  }
  if (url.protocol !== 'https:' || url.username || url.password)
    return { state: 'off', reason: 'the release feed must be an https URL without credentials' };
  return { state: 'on', feed: url.toString() };
}

/** Starts the update check when the setup is on; `load` imports electron-updater lazily. */
export async function startUpdates(setup: UpdateSetup, load: () => Promise<Updater>): Promise<boolean> {
  if (setup.state === 'off') return false;
  const updater = await load();
  updater.autoDownload = true;
  updater.setFeedURL({ provider: 'generic', url: setup.feed });
  await updater.checkForUpdatesAndNotify();
  return true;
}
