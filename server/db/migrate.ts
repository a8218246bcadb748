import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import postgres from 'postgres';

/** Applies drizzle/ migrations under an advisory lock, so two processes starting together do not race. */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(7412001)`;
    await migrate(drizzle(sql), { migrationsFolder: path.resolve(process.cwd(), 'drizzle') });
  } finally {
    await sql`select pg_advisory_unlock(7412001)`.catch(() => {});
    await sql.end();
  }
}
