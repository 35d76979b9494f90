import { CatalystError } from '../../../src/shared/contract/errors';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageSecrets } from '../../../src/main/shell/safe-storage-secrets';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

/** Stands in for Electron's safeStorage (which needs the Electron binary): a reversible cipher. */
function fakeSafeStorage(available = true) {
  const flip = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) ^ 0x5a)).join('');
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(`enc:${flip(s)}`),
    decryptString: (b: Buffer) => {
      const t = b.toString();
      if (!t.startsWith('enc:')) throw new Error('bad blob');
      return flip(t.slice(4));
    },
  };
}

describe('safeStorageSecrets', () => {
  it('stores only ciphertext, reads it back, deletes it', async () => {
    const file = join(tmp.dir(), 'secrets.json');
    const store = safeStorageSecrets(fakeSafeStorage(), file);
    expect(await store.get('tiingo.apiKey')).toBeNull();
    await store.set('tiingo.apiKey', 'abc123-secret');
    expect(readFileSync(file, 'utf8')).not.toContain('abc123-secret');
    expect(await safeStorageSecrets(fakeSafeStorage(), file).get('tiingo.apiKey')).toBe('abc123-secret');
    await store.set('twelvedata.apiKey', 'k2');
    await store.delete('tiingo.apiKey');
    expect(await store.get('tiingo.apiKey')).toBeNull();
    expect(await store.get('twelvedata.apiKey')).toBe('k2');
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('refuses to store a key when the OS has no encryption, and writes nothing', async () => {
    const file = join(tmp.dir(), 'secrets.json');
    const store = safeStorageSecrets(fakeSafeStorage(false), file);
    await expect(store.set('tiingo.apiKey', 'x')).rejects.toMatchObject({ code: 'unavailable' });
    expect(existsSync(file)).toBe(false);
  });

  it('treats a corrupt file or blob as no key', async () => {
    const file = join(tmp.dir(), 'secrets.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{not json');
    expect(await safeStorageSecrets(fakeSafeStorage(), file).get('tiingo.apiKey')).toBeNull();
    writeFileSync(file, JSON.stringify({ 'tiingo.apiKey': Buffer.from('garbage').toString('base64') }));
    expect(await safeStorageSecrets(fakeSafeStorage(), file).get('tiingo.apiKey')).toBeNull();
  });
});

describe('safeStorageSecrets on Linux without a keyring', () => {
  const withBackend = (backend: string) => ({ ...fakeSafeStorage(), getSelectedStorageBackend: () => backend });
  it.each(['basic_text', 'unknown'])(
    'refuses to store a key with the %s backend, and keeps it in memory when asked',
    async (backend) => {
      const file = join(tmp.dir(), 'secrets.json');
      const store = safeStorageSecrets(withBackend(backend), file, 'linux');
      let thrown: unknown;
      try {
        await store.set('tiingo.apiKey', 'abc123-secret');
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(CatalystError);
      expect((thrown as CatalystError).code).toBe('unavailable');
      expect((thrown as CatalystError).message).toMatch(/no keyring/);
      expect((thrown as CatalystError).details).toEqual({ canKeepInMemory: true });
      expect(existsSync(file)).toBe(false);
      await store.set('tiingo.apiKey', 'abc123-secret', { memoryOnly: true });
      expect(await store.get('tiingo.apiKey')).toBe('abc123-secret');
      expect(existsSync(file)).toBe(false);
      // A new process (the next launch) has forgotten it.
      expect(await safeStorageSecrets(withBackend(backend), file, 'linux').get('tiingo.apiKey')).toBeNull();
    },
  );

  it('stores normally with a real keyring backend (gnome_libsecret, kwallet)', async () => {
    const file = join(tmp.dir(), 'secrets.json');
    await safeStorageSecrets(withBackend('gnome_libsecret'), file, 'linux').set('tiingo.apiKey', 'k1');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('k1');
  });
});
