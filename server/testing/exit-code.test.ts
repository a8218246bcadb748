import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

it('a failing test run exits non-zero even with the embedded PostgreSQL global setup', () => {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL; // the embedded server's exit hook is what used to turn failures into exit 0
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'server/testing/fixtures/exit-code/vitest.config.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.stdout + run.stderr).toMatch(/1 failed/);
  expect(run.status).toBe(1);
}, 150_000);
