import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import type { Locale } from '../../i18n/config';

/** The language emails and push notifications to this person are written in (follows the language switch). */
export async function setUserLocale(db: DbOrTx, userId: string, locale: Locale): Promise<{ locale: Locale }> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
  return { locale };
}
