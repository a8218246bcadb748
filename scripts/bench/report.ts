import fs from 'node:fs/promises';
import path from 'node:path';

const FILE = path.resolve('docs/benchmarks.md');
const HEADER = `# Benchmarks

Measured by the \`npm run bench:*\` scripts on this project's 2-core machine; each section is rewritten by its
script. Figures, not assertions: tests never time anything.
`;

/** Replaces the section between `<!-- bench:<name> -->` markers in docs/benchmarks.md (appends it if absent). */
export async function writeBenchSection(name: string, markdown: string): Promise<void> {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  let doc = await fs.readFile(FILE, 'utf8').catch(() => HEADER);
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  doc = start >= 0 && end > start ? doc.slice(0, start) + block + doc.slice(end + close.length) : `${doc.trimEnd()}\n\n${block}\n`;
  await fs.mkdir(path.dirname(FILE), { recursive: true });
  await fs.writeFile(FILE, doc);
}
