import type { SafeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CatalystError } from '../../shared/contract/errors';
import { parseJsonBounded } from '../../shared/json-bounded';
import type { SecretStore } from '../services/sync/secret-store';

/** What `safeStorage` offers; `getSelectedStorageBackend` exists on Linux only. */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  readonly getSelectedStorageBackend?: () => string;
};

/**
 * Linux backends that are not secure: `basic_text` encrypts with a password hard-coded in
 * Chromium (anyone who reads the file can decrypt it), `unknown` means none was chosen yet.
 */
export const INSECURE_BACKENDS: readonly string[] = ['basic_text', 'unknown'];

/** Why storing is refused, for the message; null when the storage is secure. */
export function insecureStorageReason(safeStorage: SafeStorageLike, platform = process.platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'this system offers no encrypted storage';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend) {
    const backend = safeStorage.getSelectedStorageBackend();
    if (INSECURE_BACKENDS.includes(backend))
      return `no keyring is available (Electron's storage backend is "${backend}", which any program reading the file could decrypt)`;
  }
  return null;
}

/**
 * API keys encrypted with Electron's `safeStorage` (the OS keychain / DPAPI / libsecret) and
 * kept as base64 ciphertext in one JSON file in the user-data folder, never in the database.
 * Refuses to store anything when the OS offers no secure encryption, including Linux's
 * `basic_text` fallback: a key is never written in clear or under a known password. The
 * refusal carries `details.canKeepInMemory`; with `memoryOnly` the key is kept in this
 * process's memory until the app quits. Writes go to a temp file then rename, so a crash
 * never leaves a half-written file.
 */
export function safeStorageSecrets(
  safeStorage: SafeStorageLike,
  filePath: string,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const memory = new Map<string, string>();
  const read = (): Record<string, string> => {
    if (!existsSync(filePath)) return {};
    try {
      const parsed = parseJsonBounded(readFileSync(filePath, 'utf8'), 4);
      const value = parsed.ok ? parsed.value : null;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
      return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
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
      const kept = memory.get(name);
      if (kept !== undefined) return kept;
      const blob = read()[name];
      if (!blob || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(blob, 'base64'));
      } catch {
        return null;
      }
    },
    async set(name, value, options) {
      if (options?.memoryOnly) {
        memory.set(name, value);
        return;
      }
      const insecure = insecureStorageReason(safeStorage, platform);
      if (insecure) {
        throw new CatalystError(
          'unavailable',
          `The API key was not saved: ${insecure}. Set up a keyring (e.g. GNOME Keyring or KWallet) and restart Catalyst, or keep the key in memory until Catalyst quits.`,
          { canKeepInMemory: true },
        );
      }
      memory.delete(name);
      write({ ...read(), [name]: safeStorage.encryptString(value).toString('base64') });
    },
    async delete(name) {
      memory.delete(name);
      const all = read();
      if (!(name in all)) return;
      delete all[name];
      write(all);
    },
  };
}
