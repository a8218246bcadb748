import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db';

describe('migrations', () => {
  it('create the pg_trgm extension and the plans as data', async () => {
    const db = testDb();
    const ext = await db.execute(sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(ext.length).toBe(1);
    const plans = await db.query.plans.findMany({ orderBy: (p, { asc }) => asc(p.sortOrder) });
    expect(plans.map((p) => [p.code, p.limits.stores, p.limits.activeProducts])).toEqual([
      ['free', 1, 20],
      ['pro', 5, 1000],
    ]);
  });
});
