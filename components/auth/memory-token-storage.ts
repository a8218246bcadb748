import type { KeyValueStorageInterface } from 'aws-amplify/utils';

/**
 * Amplify's token store kept in memory only: nothing readable by page scripts survives in localStorage or
 * document.cookie. The server's HttpOnly cookies are the session; this lives just long enough to hand them over.
 */
export function createMemoryTokenStorage(): KeyValueStorageInterface {
  const items = new Map<string, string>();
  return {
    async setItem(key, value) {
      items.set(key, value);
    },
    async getItem(key) {
      return items.get(key) ?? null;
    },
    async removeItem(key) {
      items.delete(key);
    },
    async clear() {
      items.clear();
    },
  };
}
