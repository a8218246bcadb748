import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { LocalMediaStorage } from '../server/adapters/media/local';
import { createDb, type Db } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import { searchProducts } from '../server/services/catalog/search-products';
import { seedDemo } from './seed';
import { DEMO_STORES } from './seed/data';

// The demo data gets its own database, so its categories and stores never meet other test files' data.
let admin: postgres.Sql;
let dbName: string;
let conn: { sql: postgres.Sql; db: Db };
let mediaDir: string;

beforeAll(async () => {
  const base = inject('databaseUrl');
  admin = postgres(base, { max: 1, onnotice: () => {} });
  dbName = `vita_seed_${crypto.randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database "${dbName}"`);
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  await runMigrations(u.toString());
  conn = createDb(u.toString(), 4);
  mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-seed-media-'));
});

afterAll(async () => {
  await conn?.sql.end();
  await admin?.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin?.end();
  if (mediaDir) await fs.rm(mediaDir, { recursive: true, force: true });
});

const TABLES = ['categories', 'users', 'stores', 'store_members', 'media', 'products', 'product_variants', 'product_images', 'delivery_options', 'coupons'];

/** Content and row versions of every seeded table: any write, even of equal values, changes xmin. */
async function fingerprint(sql: postgres.Sql) {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [r] = await sql.unsafe(`select count(*)::text || ':' || coalesce(sum(hashtext(x::text)), 0)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as f from ${t} x`);
    out[t] = String(r!.f);
  }
  return out;
}

describe('demo seed', () => {
  it('loads the demo catalogue, and a second run changes nothing', { timeout: 180_000 }, async () => {
    const storage = new LocalMediaStorage({ dir: mediaDir, secret: 'x'.repeat(32) });
    const logs: string[] = [];
    const first = await seedDemo({ db: conn.db, storage, log: (l) => logs.push(l) });
    expect(first.stores).toBe(DEMO_STORES.length);
    expect(first.products).toBeGreaterThanOrEqual(80);
    expect(first.rendered).toBe(first.images + DEMO_STORES.length);

    const [counts] = await conn.sql`
      select (select count(*) from categories)::int as categories,
             (select count(*) from products where status = 'active')::int as active,
             (select count(*) from products where stock_total = 0 and status = 'active')::int as sold_out,
             (select count(*) from products where compare_at_price is not null)::int as on_sale,
             (select count(*) from store_members where role = 'owner')::int as owners,
             (select count(*) from media where status = 'ready' and width = 800)::int as photos,
             (select count(*) from delivery_options where active)::int as delivery_options,
             (select count(*) from coupons where code = 'BIENVENIDA10')::int as coupons`;
    expect(counts).toMatchObject({
      categories: 10,
      owners: DEMO_STORES.length,
      photos: first.images,
      delivery_options: DEMO_STORES.length * 3,
      coupons: DEMO_STORES.length,
    });
    expect(counts!.sold_out).toBeGreaterThan(0);
    expect(counts!.on_sale).toBeGreaterThan(0);
    const [{ key } = { key: '' }] = await conn.sql<{ key: string }[]>`select key from media where key like 'seed/tejidos-quispe/chompa-alpaca-tejida-a-mano-1-%'`;
    const webp = await fs.readFile(path.join(mediaDir, key));
    expect(webp.subarray(8, 12).toString()).toBe('WEBP');

    const before = await fingerprint(conn.sql);
    const second = await seedDemo({ db: conn.db, storage, log: () => {} });
    expect(second.rendered).toBe(0);
    expect(await fingerprint(conn.sql)).toEqual(before);

    // The demo data is searchable the way the marketplace uses it.
    const r = await searchProducts({ db: conn.db, input: { q: 'zapatilas' }, mediaUrl: (k) => `/media/${k}` });
    expect(r.items.map((i) => i.title)).toContain('Zapatillas urbanas de lona');
  });
});
