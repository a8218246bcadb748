/**
 * Shared by `npm run dev`, `npm start` and `npm run build`: start the local parts (unless cloud coordinates are
 * configured), then run Next.js and, for dev/start, the background worker, with the resulting environment.
 * Ctrl-C (or SIGTERM) stops everything, children first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startLocalStack } from './local-stack';

const log = (line: string) => console.log(`\x1b[35m[vita]\x1b[0m ${line}`);

export async function runNext(mode: 'dev' | 'start' | 'build'): Promise<void> {
  const port = process.env.PORT ?? '3000';
  const stack = await startLocalStack({ mode, log });
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...stack.env,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  };
  const nextBin = path.resolve('node_modules/next/dist/bin/next');
  const args = mode === 'build' ? ['build'] : [mode, '-p', port];
  const children: ChildProcess[] = [];
  const nextProc = spawn(process.execPath, [nextBin, ...args], { stdio: 'inherit', env: childEnv });
  children.push(nextProc);
  if (mode !== 'build' && process.env.WORKER !== '0') {
    const tsx = path.resolve('node_modules/.bin/tsx');
    children.push(spawn(tsx, ['scripts/worker.ts'], { stdio: 'inherit', env: childEnv }));
  }
  if (mode !== 'build') log(`app on http://localhost:${port}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  nextProc.on('exit', (code) => void stop(code ?? 0));
}
