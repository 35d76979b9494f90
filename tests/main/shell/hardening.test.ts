import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startUpdates, updateSetup, UPDATE_FEED_URL, type Updater } from '../../../src/main/shell/updates';
import { baseUrlSchema } from '../../../src/shared/contract/sync';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const require = createRequire(import.meta.url);
const fuses = require('../../../scripts/fuses.cjs') as {
  CATALYST_FUSES: Record<string, boolean>;
  electronDefaultFuseWire(): Buffer;
  applyFuses(context: unknown): Promise<string>;
  readFuses(path: string): Promise<Array<{ name: string; expected: boolean; actual: boolean | null; ok: boolean }>>;
};

describe('Electron fuses (the afterPack hook)', () => {
  it('flips every Catalyst fuse on a binary carrying Electron’s fuse wire, and reads them back', async () => {
    expect(fuses.CATALYST_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    const exe = join(tmp.dir(), 'catalyst');
    writeFileSync(exe, Buffer.concat([Buffer.from('ELF…'), fuses.electronDefaultFuseWire(), Buffer.from('…')]));
    expect((await fuses.readFuses(exe)).filter((f) => !f.ok).map((f) => f.name)).toEqual([
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
      'GrantFileProtocolExtraPrivileges',
    ]);
    const context = {
      electronPlatformName: 'linux',
      appOutDir: tmp.dir(),
      packager: { appInfo: { productFilename: 'Catalyst' }, executableName: 'catalyst' },
    };
    expect(await fuses.applyFuses(context)).toBe(exe);
    expect((await fuses.readFuses(exe)).every((f) => f.ok)).toBe(true);
    // A binary without a fuse wire fails the build instead of shipping unfused.
    writeFileSync(exe, 'no wire');
    await expect(fuses.applyFuses(context)).rejects.toThrow(/sentinel/);
  });
});

describe('update channel', () => {
  it('is off until a release feed is configured, and only over https in packaged builds', async () => {
    expect(UPDATE_FEED_URL).toBeNull();
    expect(updateSetup(null, true)).toEqual({ state: 'off', reason: 'no release feed is configured' });
    expect(updateSetup('https://releases.example/catalyst', false).state).toBe('off');
    expect(updateSetup('http://releases.example/catalyst', true).state).toBe('off');
    expect(updateSetup('https://u:p@releases.example/', true).state).toBe('off');
    const calls: string[] = [];
    const fake: Updater = {
      autoDownload: false,
      setFeedURL: (o) => calls.push(`feed ${o.provider} ${o.url}`),
      checkForUpdatesAndNotify: async () => calls.push('check'),
    };
    let loaded = 0;
    const load = async () => {
      loaded++;
      return fake;
    };
    expect(await startUpdates(updateSetup(null, true), load)).toBe(false);
    expect(loaded).toBe(0);
    expect(await startUpdates(updateSetup('https://releases.example/catalyst', true), load)).toBe(true);
    expect(calls).toEqual(['feed generic https://releases.example/catalyst', 'check']);
  });
});

describe('provider base URLs from the renderer', () => {
  it.each([
    ['https://query2.finance.yahoo.com', true],
    ['https://proxy.example/yahoo/', true],
    ['http://127.0.0.1:8123', true],
    ['http://query2.finance.yahoo.com', false],
    ['http://localhost:8123', false],
    ['http://10.0.0.1', false],
    ['ftp://mirror.example', false],
    ['https://user:pw@proxy.example', false],
    ['https://proxy.example/?k=1', false],
  ])('%s → accepted: %s', (url, ok) => {
    expect(baseUrlSchema.safeParse(url).success).toBe(ok);
  });
});
