import crypto from 'node:crypto';
import { inject } from 'vitest';
import postgres from 'postgres';
import { createDb, type Db } from '../db/client';
import { runMigrations } from '../db/migrate';

/**
 * A database of its own on the test run's server, migrated from scratch, for suites that compare the whole
 * database before and after a call (other test files write to the shared one concurrently). Drop it in afterAll.
 */
export async function isolatedDb(label: string): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const base = new URL(inject('databaseUrl'));
  const name = `vita_${label}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const { sql, db } = createDb(url.toString(), 5);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await sql.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * Rate-limit counters: a refused call is SUPPOSED to count against its caller (that is how abuse gets stopped), so
 * these bookkeeping tables are left out of "nothing changed".
 */
export const COUNTER_TABLES = ['rate_limits', 'chat_rate_limits'];

/**
 * One fingerprint per table of the public schema (row count + md5 of every row's text), so a test can assert a call
 * changed nothing anywhere. Tables added later by other domains are included automatically.
 */
export async function databaseFingerprint(db: Db, exclude: readonly string[] = COUNTER_TABLES): Promise<Record<string, string>> {
  const { sql } = await import('drizzle-orm');
  const tables = (await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { name: string }[];
  const kept = tables.filter((t) => !exclude.includes(t.name));
  if (kept.length === 0) return {};
  const parts = kept.map(
    (t) => `select '${t.name.replace(/'/g, "''")}' as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as fp from public."${t.name.replace(/"/g, '""')}" x`,
  );
  const rows = (await db.execute(sql.raw(parts.join(' union all ')))) as unknown as { name: string; fp: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.fp]));
}

/** The tables whose fingerprint differs (empty when nothing changed). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
