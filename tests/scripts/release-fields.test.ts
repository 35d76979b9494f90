import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFeedMismatch, maintainerProblem, releaseFields } from '../../scripts/release-fields';
import { UPDATE_FEED_URL } from '../../src/main/shell/updates';

const ROOT = resolve(import.meta.dirname, '..', '..');
const good = {
  CATALYST_DEB_MAINTAINER: 'Ada Lovelace <ada@lovelace.dev>',
  CATALYST_HOMEPAGE_URL: 'https://github.com/ada/catalyst',
};

describe('release fields: a release build is refused without a real .deb maintainer', () => {
  it('refuses a Linux release without the maintainer or the homepage, and says why', () => {
    const r = releaseFields({}, { deb: true });
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^CATALYST_DEB_MAINTAINER is not set: the \.deb needs a real maintainer/);
    expect(r.problems[1]).toMatch(/^CATALYST_HOMEPAGE_URL is not set/);
    expect(r.builderArgs).toEqual([]);
  });

  it('never takes a made-up address', () => {
    for (const fake of [
      'Catalyst <catalyst@example.invalid>',
      'Catalyst <dev@example.com>',
      'X <x@build.test>',
      'X <x@localhost.localhost>',
    ])
      expect(maintainerProblem(fake), fake).toMatch(/reserved domain/);
    expect(maintainerProblem('ada@lovelace.dev')).toMatch(/must read "Name <address>"/);
    expect(maintainerProblem('Ada <ada>')).toMatch(/must read/);
    expect(maintainerProblem('  Ada Lovelace <ada@lovelace.dev> ')).toBeNull();
  });

  it('passes the fields to electron-builder, and the feed to publish', () => {
    const r = releaseFields({ ...good, CATALYST_UPDATE_FEED_URL: 'https://example.org/releases' }, { deb: true });
    expect(r.problems).toEqual([]);
    expect(r.builderArgs).toEqual([
      '-c.linux.maintainer=Ada Lovelace <ada@lovelace.dev>',
      '-c.extraMetadata.homepage=https://github.com/ada/catalyst',
      '-c.publish.provider=generic',
      '-c.publish.url=https://example.org/releases',
    ]);
    expect(r.feed).toBe('https://example.org/releases');
  });

  it('needs no maintainer where no .deb is built, and notes that updates are off without a feed', () => {
    const r = releaseFields({}, { deb: false });
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/CATALYST_UPDATE_FEED_URL is not set: .*updates off/);
    expect(r.feed).toBeNull();
  });

  it('refuses a feed the app would refuse (the same rule as src/main/shell/updates.ts)', () => {
    expect(releaseFields({ ...good, CATALYST_UPDATE_FEED_URL: 'http://feed.lan/x' }, { deb: true }).problems).toEqual([
      'CATALYST_UPDATE_FEED_URL: the release feed must be an https URL without credentials.',
    ]);
    expect(releaseFields({ ...good, CATALYST_HOMEPAGE_URL: 'ftp://x' }, { deb: true }).problems[0]).toMatch(/https/);
  });
});

describe('the built app and the published feed agree', () => {
  it('accepts the same feed (or none on both sides) and refuses another', () => {
    const info = (updateFeedUrl: string | null) => JSON.stringify({ updateFeedUrl });
    expect(builtFeedMismatch(info('https://r.example.org/feed'), 'https://r.example.org/feed')).toBeNull();
    expect(builtFeedMismatch(info(null), null)).toBeNull();
    expect(builtFeedMismatch(info('https://r.example.org/feed'), null)).toMatch(
      /built with the feed https:\/\/r\.example\.org\/feed but CATALYST_UPDATE_FEED_URL is not set/,
    );
    expect(builtFeedMismatch(info(null), 'https://a.dev/f')).toMatch(/built with no update feed/);
    expect(builtFeedMismatch(null, null)).toMatch(/run npm run build again/);
    expect(builtFeedMismatch('{"x":', null)).toMatch(/run npm run build again/);
  });
});

describe('the packaging configuration agrees with the code and the docs', () => {
  const yml = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8');
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

  it('commits no maintainer address and no feed; both come from the release environment', () => {
    expect(yml).not.toMatch(/^\s*maintainer:/m);
    expect(yml).toMatch(/^publish: null$/m);
    // Unit tests build nothing: the app's feed is off.
    expect(UPDATE_FEED_URL).toBeNull();
    for (const name of ['CATALYST_UPDATE_FEED_URL', 'CATALYST_DEB_MAINTAINER', 'CATALYST_HOMEPAGE_URL']) {
      expect(readme, name).toContain(name);
      expect(yml, name).toContain(name);
    }
    expect(readFileSync(resolve(ROOT, 'electron.vite.config.ts'), 'utf8')).toContain('CATALYST_UPDATE_FEED_URL');
  });

  it('associates .catalyst.json study files, with a Linux MIME type', () => {
    expect(yml).toMatch(
      /fileAssociations:\n {2}- ext: catalyst\.json\n(?: {4}\w+: .+\n)*? {4}mimeType: application\/x-catalyst-study\+json/,
    );
  });
});
