import type { SafeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CatalystError } from '../../shared/contract/errors';
import type { SecretStore } from '../services/sync/secret-store';

/**
 * API keys encrypted with Electron's `safeStorage` (the OS keychain / DPAPI / libsecret) and
 * kept as base64 ciphertext in one JSON file in the user-data folder, never in the database.
 * Refuses to store anything when the OS offers no encryption: a key is never written in clear.
 * Writes go to a temp file then rename, so a crash never leaves a half-written file.
 */
export function safeStorageSecrets(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
  filePath: string,
): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(filePath)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      // An unreadable secrets file means "no keys stored"; the user can enter them again.
      return {};
    }
  };
  const write = (all: Record<string, string>): void => {
    mkdirSync(dirname(filePath), { recursive: true });
    const tmp = `${filePath}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, filePath);
  };
  return {
    async get(name) {
      const blob = read()[name];
      if (!blob || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(blob, 'base64'));
      } catch {
        return null;
      }
    },
    async set(name, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new CatalystError(
          'unavailable',
          'This system offers no encrypted storage, so the API key was not saved.',
        );
      }
      write({ ...read(), [name]: safeStorage.encryptString(value).toString('base64') });
    },
    async delete(name) {
      const all = read();
      if (!(name in all)) return;
      delete all[name];
      write(all);
    },
  };
}
