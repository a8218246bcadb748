/**
 * Shared by `npm run dev`, `npm start` and `npm run build`: start the local parts (unless cloud coordinates are
 * configured), then run Next.js and, for dev/start, the background worker, with the resulting environment.
 * Ctrl-C (or SIGTERM) stops everything, children first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLocalStack } from './local-stack';

export const log = (line: string) => console.log(`\x1b[35m[vita]\x1b[0m ${line}`);

/**
 * Next keeps cached reads (`unstable_cache`) in <distDir>/cache across restarts and builds. When the data behind
 * them is a different database (e.g. `.data/` was wiped, or an e2e run), drop that cache so no page serves rows or
 * media keys that no longer exist.
 */
export function dropStaleDataCache(env: NodeJS.ProcessEnv): void {
  const cacheDir = path.resolve(env.NEXT_DIST_DIR || '.next', 'cache');
  const marker = path.join(cacheDir, 'vita-data-id');
  const current = env.VITA_DATA_ID ?? '';
  const previous = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : null;
  if (previous === current) return;
  fs.rmSync(path.join(cacheDir, 'fetch-cache'), { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(marker, current);
}

/** Starts `next <mode>` (and the worker for dev/start) with `env`; resolves to the children. */
export function spawnNext(mode: 'dev' | 'start' | 'build', env: NodeJS.ProcessEnv): ChildProcess[] {
  dropStaleDataCache(env);
  const nextBin = path.resolve('node_modules/next/dist/bin/next');
  // NEXT_BUILD_LINT=0: a throw-away e2e build in a shared working tree should not fail on someone's half-written file;
  // `npm run lint` stays the lint gate.
  const args = mode === 'build' ? ['build', ...(env.NEXT_BUILD_LINT === '0' ? ['--no-lint'] : [])] : [mode, '-p', String(env.PORT ?? 3000)];
  const children = [spawn(process.execPath, [nextBin, ...args], { stdio: 'inherit', env })];
  if (mode !== 'build' && env.WORKER !== '0') {
    children.push(spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/worker.ts'], { stdio: 'inherit', env }));
  }
  return children;
}

/** Stops children then the local parts on Ctrl-C/SIGTERM, or when the first child (Next.js) exits. */
export function superviseUntilExit(children: ChildProcess[], stopStack: () => Promise<void>): void {
  process.once('exit', () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await stopStack();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  children[0]?.on('exit', (code) => void stop(code ?? 0));
}

export function appEnv(stackEnv: Record<string, string>): NodeJS.ProcessEnv {
  const port = process.env.PORT ?? '3000';
  return {
    ...process.env,
    ...stackEnv,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  };
}

export async function runNext(mode: 'dev' | 'start' | 'build'): Promise<void> {
  const stack = await startLocalStack({ mode, log });
  const env = appEnv(stack.env);
  const children = spawnNext(mode, env);
  if (mode !== 'build') log(`app on http://localhost:${env.PORT}`);
  superviseUntilExit(children, stack.stop);
}
