import { CatalystError } from '../../../shared/contract/errors';
import type { KeyedProviderId } from '../../../shared/domain/sync';

/**
 * Where API keys live. The Electron shell implements it with `safeStorage` (encrypted by the
 * OS keychain, stored under the user-data folder); the CLI reads environment variables; tests
 * may keep keys in memory. Keys never go into the database, a log, or an IPC answer.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  /** `memoryOnly`: keep it until the process ends, never on disk (when the OS has no secure storage). */
  set(name: string, value: string, options?: { readonly memoryOnly?: boolean }): Promise<void>;
  delete(name: string): Promise<void>;
}

/** The secret name of a provider's API key. */
export const apiKeySecret = (provider: KeyedProviderId): string => `${provider}.apiKey`;

/** The environment variable of each provider's key (CLI). */
export const apiKeyEnv: Readonly<Record<KeyedProviderId, string>> = {
  tiingo: 'CATALYST_TIINGO_KEY',
  twelvedata: 'CATALYST_TWELVEDATA_KEY',
};

/** Read-only keys from `CATALYST_TIINGO_KEY` / `CATALYST_TWELVEDATA_KEY`; storing one is refused. */
export function envSecretStore(env: NodeJS.ProcessEnv): SecretStore {
  const byName = new Map(Object.entries(apiKeyEnv).map(([p, v]) => [apiKeySecret(p as KeyedProviderId), v]));
  const refuse = async (): Promise<void> => {
    throw new CatalystError(
      'unavailable',
      `API keys come from the environment here (${Object.values(apiKeyEnv).join(', ')}); they cannot be stored`,
    );
  };
  return {
    get: async (name) => {
      const v = byName.has(name) ? env[byName.get(name)!]?.trim() : undefined;
      return v ? v : null;
    },
    set: refuse,
    delete: refuse,
  };
}

/** Keys in memory only (tests; a session that must not persist anything). */
export function memorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const m = new Map(Object.entries(initial));
  return {
    get: async (name) => m.get(name) ?? null,
    set: async (name, value) => {
      m.set(name, value);
    },
    delete: async (name) => {
      m.delete(name);
    },
  };
}
