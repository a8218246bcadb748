import crypto from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../db/client';
import { users } from '../db/schema';
import type { SessionUser } from '../auth/session';

let shared: { db: Db; close: () => Promise<void> } | undefined;

/** The test run's database (real PostgreSQL), shared by the tests of one file. */
export function testDb(): Db {
  if (!shared) {
    const { sql, db } = createDb(inject('databaseUrl'), 5);
    shared = { db, close: () => sql.end() };
  }
  return shared.db;
}

/** A fresh user per call, so tests never share accounts. */
export async function createTestUser(db: Db, overrides: Partial<SessionUser> = {}): Promise<SessionUser> {
  const id = overrides.id ?? crypto.randomUUID();
  const user: SessionUser = {
    id,
    email: overrides.email ?? `u-${id.slice(0, 8)}@test.vita`,
    groups: overrides.groups ?? [],
    name: overrides.name,
    // Signed in just now, as a person who came through /ingresar (sensitive actions check it).
    authTime: 'authTime' in overrides ? overrides.authTime : Math.floor(Date.now() / 1000),
  };
  await db.insert(users).values({ id: user.id, email: user.email }).onConflictDoNothing();
  return user;
}
