import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { storeMembers, users } from '../../db/schema';
import { logger } from '../../log/logger';
import { onChatMessage, type ChatMessageEvent } from '../chat/hooks';
import { kickOutbox } from '../outbox/kick-outbox';
import { queuePush } from './queue-push';

/**
 * "New message" push: queued for the other side of the conversation after the message committed (the chat
 * domain's event point, server/services/chat/hooks.ts). Buyer wrote → every member of the store's team with a
 * device; the store replied → the buyer. One notification per message and person (dedupe key).
 */
export async function queueChatMessagePush(db: Db, e: ChatMessageEvent): Promise<number> {
  const { message } = e;
  let recipients: string[];
  let from: string;
  let url: (userId: string) => string;
  if (e.recipient === 'store') {
    recipients = (await db.select({ userId: storeMembers.userId }).from(storeMembers).where(eq(storeMembers.storeId, e.storeId))).map((m) => m.userId);
    const [buyer] = await db.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, e.buyerId));
    from = buyer?.name || buyer?.email.split('@')[0] || 'VITA';
    url = () => `/dashboard/inbox/${e.storeId}/${message.conversationId}`;
  } else {
    recipients = [e.buyerId];
    from = e.storeName;
    url = () => `/mensajes/${message.conversationId}`;
  }
  const preview = message.body.trim() || '📷';
  for (const userId of recipients) {
    await queuePush(db, {
      userId,
      template: 'new_message',
      data: { conversationId: message.conversationId, from, preview: preview.slice(0, 500), url: url(userId) },
      dedupeKey: `push:new_message:${message.id}:${userId}`,
    });
  }
  return recipients.length;
}

/**
 * "A followed store is live" push, beside the followers' emails: called by notifyFollowersLive
 * (server/services/live/notify-followers.ts) inside the transaction that moves the show to live, first time only.
 * One INSERT … SELECT for every follower with a subscribed device; preferences are applied at send time.
 */
export async function queueStoreLivePush(db: DbOrTx, show: { id: string; storeId: string; slug: string; title: string; storeName: string }): Promise<number> {
  const data = { storeName: show.storeName, showTitle: show.title, url: `/live/${show.slug}` };
  const rows = await db.execute(sql`
    insert into outbox (kind, "to", template, locale, data, dedupe_key)
    select 'push', u.id, 'store_live', u.locale, ${JSON.stringify(data)}::jsonb, 'push:store_live:' || ${show.id} || ':' || u.id
    from follows f join users u on u.id = f.user_id
    where f.store_id = ${show.storeId} and exists (select 1 from push_subscriptions s where s.user_id = u.id)
    on conflict (dedupe_key) do nothing
    returning id`);
  return rows.length;
}

const globalForPush = globalThis as unknown as { vitaPushChatListener?: boolean };

/** Registers the chat listener once per process (imported by the push router, which every tRPC request loads). */
export function registerPushTriggers(getDb: () => Db): void {
  if (globalForPush.vitaPushChatListener) return;
  globalForPush.vitaPushChatListener = true;
  onChatMessage(async (e) => {
    try {
      if ((await queueChatMessagePush(getDb(), e)) > 0) await kickOutbox();
    } catch (err) {
      logger.warn({ err, messageId: e.message.id }, 'could not queue the new-message push');
    }
  });
}
