/**
 * The server Playwright runs against: a throw-away data directory (fresh PostgreSQL, Cognito emulator, media),
 * demo data, a production build in its own dist dir (so a running `npm run dev` is not disturbed), `next start`
 * and the worker. E2E_REUSE_BUILD=1 skips the build when one exists (local iteration only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { startLocalStack } from './local-stack';
import { appEnv, log, spawnNext, superviseUntilExit } from './run-next';

async function main() {
  const dataDir = path.resolve(process.env.VITA_DATA_DIR ?? '.data/e2e');
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env.VITA_DATA_DIR = dataDir;
  process.env.EMBEDDED_PG_PORT ??= '54339';
  process.env.COGNITO_LOCAL_PORT ??= '9339';
  process.env.CREGIS_SANDBOX_PORT ??= '9360';
  process.env.DIDIT_SANDBOX_PORT ??= '9380';
  process.env.LIVE_RTMP_PORT ??= '19360';
  process.env.LIVE_HTTP_PORT ??= '9391';
  process.env.NEXT_DIST_DIR ??= '.next-e2e';
  process.env.PORT ??= '3100';
  // `npm run typecheck` checks types; the e2e build skips next's second pass over them (a minute on 2 cores).
  process.env.NEXT_BUILD_TYPECHECK ??= '0';
  // Every Playwright browser comes from localhost: one address for the whole suite (server/http/rate-limit.ts).
  process.env.RATE_LIMIT_MULTIPLIER ??= '50';
  const stack = await startLocalStack({ mode: 'start', log });
  const env = appEnv(stack.env);
  const built = fs.existsSync(path.join(process.env.NEXT_DIST_DIR, 'BUILD_ID'));
  if (!(process.env.E2E_REUSE_BUILD === '1' && built)) {
    fs.rmSync(process.env.NEXT_DIST_DIR, { recursive: true, force: true });
    const [build] = spawnNext('build', env);
    const code = await new Promise<number>((resolve) => build!.once('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) {
      await stack.stop();
      process.exit(code);
    }
  }
  superviseUntilExit(spawnNext('start', env), stack.stop);
  log(`e2e server on http://localhost:${env.PORT}`);
}

void main();
