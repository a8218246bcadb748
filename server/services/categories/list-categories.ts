import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { categories } from '../../db/schema';

export async function listCategories({ db }: { db: DbOrTx }) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.nameEs));
}
