/**
 * The fields a release build must be given, read from the environment (never committed, never
 * made up): who maintains the Debian package, the project's homepage, and the update feed.
 * Pure, so `npm run dist` (scripts/dist.ts), `npm run package:check` and a unit test use the
 * same rules.
 *
 * - `CATALYST_DEB_MAINTAINER` (required for a Linux release, whose targets include the .deb):
 *   `Name <address>`, a real address (not a reserved example or test domain). Debian requires a
 *   maintainer who can be reached; electron-builder would otherwise ask for an author e-mail.
 * - `CATALYST_HOMEPAGE_URL` (required with the .deb): the project's `https:` page; electron-builder
 *   refuses a .deb without a homepage.
 * - `CATALYST_UPDATE_FEED_URL` (optional): the release feed. Set, it becomes electron-builder's
 *   generic `publish` URL (latest.yml is written for it) AND the app's `UPDATE_FEED_URL`
 *   (electron.vite.config.ts defines it in the main bundle at build time); unset, updates are off.
 */
import { updateSetup } from '../src/main/shell/updates';

export type ReleaseEnv = Readonly<Record<string, string | undefined>>;

export interface ReleaseFields {
  /** Why a release build is refused; empty when it may go ahead. */
  readonly problems: readonly string[];
  /** What the build will do with optional fields (e.g. updates off). */
  readonly notes: readonly string[];
  /** electron-builder `-c.` overrides carrying the fields. */
  readonly builderArgs: readonly string[];
  /** The feed the app is built with (as given, checked), or null (updates off). */
  readonly feed: string | null;
}

const RESERVED_DOMAIN = /(^|\.)(example\.(com|net|org)|example|invalid|test|localhost|local)$/i;

/** Why a maintainer field is not usable, or null when it is. */
export function maintainerProblem(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  if (!v)
    return 'CATALYST_DEB_MAINTAINER is not set: the .deb needs a real maintainer, "Name <address>" (a person or team who answers for the package). Set it in the release environment (CI: a repository variable); it is never committed.';
  const m = /^([^<>]+?)\s*<([^\s<>@]+)@([^\s<>@]+\.[^\s<>@.]+)>$/.exec(v);
  if (!m) return `CATALYST_DEB_MAINTAINER must read "Name <address>" (got "${v.slice(0, 80)}").`;
  if (RESERVED_DOMAIN.test(m[3]!))
    return `CATALYST_DEB_MAINTAINER uses a reserved domain (${m[3]}), not an address anyone reads: give the maintainer's real address.`;
  return null;
}

/** The release fields of a build whose targets include the .deb (`deb`) or not. */
export function releaseFields(env: ReleaseEnv, o: { readonly deb: boolean }): ReleaseFields {
  const problems: string[] = [];
  const notes: string[] = [];
  const builderArgs: string[] = [];
  if (o.deb) {
    const maintainer = maintainerProblem(env.CATALYST_DEB_MAINTAINER);
    if (maintainer) problems.push(maintainer);
    else builderArgs.push(`-c.linux.maintainer=${env.CATALYST_DEB_MAINTAINER!.trim()}`);
    const homepage = env.CATALYST_HOMEPAGE_URL?.trim() ?? '';
    let ok = false;
    try {
      ok = new URL(homepage).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!homepage)
      problems.push('CATALYST_HOMEPAGE_URL is not set: a .deb names the project’s homepage (an https: URL).');
    else if (!ok) problems.push(`CATALYST_HOMEPAGE_URL must be an https: URL (got "${homepage.slice(0, 80)}").`);
    else builderArgs.push(`-c.extraMetadata.homepage=${homepage}`);
  }
  const feedValue = env.CATALYST_UPDATE_FEED_URL?.trim() || null;
  let feed: string | null = null;
  if (!feedValue) notes.push('CATALYST_UPDATE_FEED_URL is not set: this build has no update feed (updates off).');
  else {
    const setup = updateSetup(feedValue, true);
    if (setup.state === 'off') problems.push(`CATALYST_UPDATE_FEED_URL: ${setup.reason}.`);
    else {
      feed = feedValue;
      builderArgs.push('-c.publish.provider=generic', `-c.publish.url=${feedValue}`);
    }
  }
  return { problems, notes, builderArgs, feed };
}

/**
 * Why the built app (out/main/build-info.json, written by electron.vite.config.ts) does not
 * carry the feed this release build publishes, or null when it does: the app and
 * electron-builder's `publish` must name the same feed (both off, or the same URL).
 */
export function builtFeedMismatch(buildInfo: string | null, feed: string | null): string | null {
  let built: unknown;
  try {
    built = buildInfo === null ? undefined : (JSON.parse(buildInfo) as { updateFeedUrl?: unknown }).updateFeedUrl;
  } catch {
    built = undefined;
  }
  if (built !== null && typeof built !== 'string')
    return 'out/main/build-info.json is missing or unreadable: run npm run build again.';
  if (built === feed) return null;
  return `out/main was built with ${built === null ? 'no update feed' : `the feed ${built}`} but CATALYST_UPDATE_FEED_URL is ${feed === null ? 'not set' : feed}: run npm run build with the release environment.`;
}
