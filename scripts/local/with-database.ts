import path from 'node:path';
import { runMigrations } from '../../server/db/migrate';
import { startEmbeddedPostgres } from './postgres';

/**
 * For one-shot scripts (migrate, seed, generators): DATABASE_URL if set, else the project's embedded PostgreSQL
 * (started for the duration, or reused if `npm run dev` already runs it). Migrations are applied first.
 */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.resolve(process.env.VITA_DATA_DIR ?? '.data');
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
      database: 'vita',
      persistent: true,
    });
    url = pg.url;
    stop = pg.stop;
  }
  try {
    await runMigrations(url);
    return await fn(url);
  } finally {
    await stop();
  }
}
