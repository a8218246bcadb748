import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Matrix } from './format';

/** Files of this folder that are not domain entry files. */
const NOT_ENTRIES = new Set(['format.ts', 'fixtures.ts', 'load.ts', 'call.ts']);

/**
 * Every domain file's `matrix`, merged. A procedure named in two files is an error (each domain owns its entries).
 * Loaded from the folder listing, so a helper adds a domain by adding its file — no shared index to edit.
 */
export async function loadMatrix(dir = __dirname): Promise<{ entries: Matrix; owner: Record<string, string> }> {
  const entries: Matrix = {};
  const owner: Record<string, string> = {};
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_ENTRIES.has(f))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { matrix?: Matrix };
    if (!mod.matrix) throw new Error(`server/testing/authz/${file} exports no \`matrix\``);
    for (const [name, entry] of Object.entries(mod.matrix)) {
      if (owner[name]) throw new Error(`authz entry "${name}" is in both ${owner[name]} and ${file}`);
      owner[name] = file;
      entries[name] = entry;
    }
  }
  return { entries, owner };
}
