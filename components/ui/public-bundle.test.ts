import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The cached public pages' first-load JavaScript budget (issue 7: ≤ 120 KB gzip on store and product pages) depends
 * on what their server components import, not only on what they render: Next bundles every client module reachable
 * through an import from a route's server graph. `next-intl`'s root entry re-exports its client provider (so a
 * server component calling useTranslations ships next-intl's client and ICU formatter), and `next/image` ships its
 * client component even when only its props helper is used. Server components of these routes use
 * `next-intl/server` and components/ui/server-image.tsx instead, plain modules (server/errors) use-intl/core, and
 * the client islands take labels as props. The walk includes server/ modules: one import of next-intl's root entry
 * in a shared schema module was enough to put its client back on every cached page.
 */
const ROOT = path.resolve(__dirname, '../..');
const ROUTES = [
  'app/layout.tsx',
  'app/(marketplace)/layout.tsx',
  'app/(marketplace)/page.tsx',
  'app/(marketplace)/c/[category]/page.tsx',
  'app/s/layout.tsx',
  'app/s/[store]/page.tsx',
  'app/s/[store]/p/[product]/page.tsx',
  'app/en/layout.tsx',
  'app/en/page.tsx',
  'app/en/s/[store]/page.tsx',
  'app/en/s/[store]/p/[product]/page.tsx',
];
const FORBIDDEN = new Map([
  ['next-intl', 'import from next-intl/server (server components), use-intl/core (createTranslator in plain modules) or pass labels as props (client islands)'],
  ['next/image', 'use components/ui/server-image.tsx'],
]);

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every (non-type) import reachable from the route files, with the file that makes it. */
function reachableImports(): { file: string; spec: string }[] {
  const seen = new Set<string>();
  const found: { file: string; spec: string }[] = [];
  const queue = ROUTES.map((r) => path.join(ROOT, r));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !/\.(tsx?|mjs)$/.test(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      found.push({ file: path.relative(ROOT, file), spec });
      const next = resolve(file, spec);
      if (next) queue.push(next);
    }
  }
  return found;
}

describe('public cached pages: what their server graph imports', () => {
  it('reaches no next-intl root entry and no next/image', () => {
    const imports = reachableImports();
    expect(imports.length).toBeGreaterThan(30);
    const offenders = imports.filter((i) => FORBIDDEN.has(i.spec)).map((i) => `${i.file} imports ${i.spec}: ${FORBIDDEN.get(i.spec)}`);
    expect(offenders).toEqual([]);
  });
});
