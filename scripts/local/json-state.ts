import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A local sandbox's saved state, or null on first start (or an unreadable / other-version file). */
export async function loadJsonState<T extends { version: number }>(file: string, version: number): Promise<T | null> {
  try {
    const loaded = JSON.parse(await fs.readFile(file, 'utf8')) as T;
    return loaded?.version === version ? loaded : null;
  } catch {
    return null;
  }
}

/**
 * Saves a sandbox's state: writes are chained so two changes never interleave, and each replaces the file atomically
 * (temp file + rename). A failed write is logged, never thrown.
 */
export function jsonStatePersister(file: string, read: () => unknown, onError: (err: unknown) => void): (() => Promise<void>) & { settled: () => Promise<void> } {
  let writing: Promise<void> = Promise.resolve();
  const persist = () => {
    const text = JSON.stringify(read());
    writing = writing.then(async () => {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, text, { mode: 0o600 });
      await fs.rename(tmp, file);
    });
    return writing.catch(onError);
  };
  /** Resolves once every write started so far has ended (used on stop). */
  return Object.assign(persist, { settled: () => writing.catch(() => {}) });
}
