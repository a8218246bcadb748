import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { parseEmailData } from '../outbox/templates';
import { queueStoreLivePush } from '../push/triggers';

/**
 * THE event point for "a followed store went live" (push notifications hook in here too: H-PWA adds `kind = 'push'`
 * outbox rows beside the emails). Runs inside the transaction that moves the show to live, the first time only, so
 * followers hear about a show once however often IVS repeats the event. One INSERT … SELECT however many followers.
 */
export async function notifyFollowersLive(
  db: DbOrTx,
  show: { id: string; storeId: string; slug: string; title: string; storeName: string },
): Promise<number> {
  const data = { storeName: show.storeName, title: show.title, slug: show.slug };
  parseEmailData('live_started', data);
  const rows = await db.execute(sql`
    insert into outbox (kind, "to", template, locale, data, dedupe_key)
    select 'email', u.email, 'live_started', u.locale, ${JSON.stringify(data)}::jsonb, 'live_started:' || ${show.id} || ':' || u.id
    from follows f join users u on u.id = f.user_id
    where f.store_id = ${show.storeId}
    on conflict (dedupe_key) do nothing
    returning id`);
  await queueStoreLivePush(db, show);
  return rows.length;
}
