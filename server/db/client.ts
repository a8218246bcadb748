import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '../env';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { vitaSql?: postgres.Sql; vitaDb?: Db };

export function createDb(url: string, max = 10): { sql: postgres.Sql; db: Db } {
  const sql = postgres(url, { max, idle_timeout: 30, connect_timeout: 10, onnotice: () => {} });
  return { sql, db: drizzle(sql, { schema, casing: 'snake_case' }) };
}

/** The process-wide database; survives Next.js dev hot reloads. */
export function getDb(): Db {
  if (!globalForDb.vitaDb) {
    const { sql, db } = createDb(env().DATABASE_URL, env().DATABASE_POOL_MAX);
    globalForDb.vitaSql = sql;
    globalForDb.vitaDb = db;
  }
  return globalForDb.vitaDb;
}
