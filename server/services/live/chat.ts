import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { liveBans, liveChatMessages, liveShows, users, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { publish } from '../../realtime/publish';
import { consumeLiveChatQuota } from './chat-rate-limit';
import { showChannel } from './realtime';
import { ZChatInput } from './schemas';
import { chatPayload, storeShow } from './shows';

/** A display name that never reveals an email: the profile name, else the email's local part shortened. */
export function chatDisplayName(user: { name?: string | null; email: string }, profileName: string | null): string {
  const name = (profileName ?? user.name ?? '').trim();
  if (name) return name.slice(0, 40);
  const local = user.email.split('@')[0] ?? 'viewer';
  return `${local.slice(0, 3)}${local.length > 3 ? '…' : ''}`;
}

/**
 * A viewer's chat message on a live (or about to start) show: text only, ≤ 500 characters, rate limited per user,
 * refused for viewers banned by the store. Stored and published in one transaction: every subscriber gets it once.
 */
export async function sendChatMessage({ db, user, input }: { db: Db; user: SessionUser; input: { showId: string; body: string } }) {
  const { showId, body } = ZChatInput.parse(input);
  const [show] = await db.select({ id: liveShows.id, storeId: liveShows.storeId, status: liveShows.status }).from(liveShows).where(eq(liveShows.id, showId));
  if (!show || show.status === 'cancelled') throw new AppError('NOT_FOUND', { key: 'notFound.show' });
  if (show.status === 'ended') throw new AppError('CONFLICT', { key: 'live.chatClosed', data: { reason: 'SHOW_ENDED' } });
  const [banned] = await db.select({ userId: liveBans.userId }).from(liveBans).where(and(eq(liveBans.storeId, show.storeId), eq(liveBans.userId, user.id)));
  if (banned) throw new AppError('FORBIDDEN', { key: 'live.banned', data: { reason: 'BANNED' } });
  await consumeLiveChatQuota(db, user.id, showId);
  const [profile] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, user.id));
  return db.transaction(async (tx) => {
    const [msg] = await tx.insert(liveChatMessages).values({ showId, userId: user.id, authorName: chatDisplayName(user, profile?.name ?? null), body }).returning();
    const payload = chatPayload(msg!);
    await publish(tx, { channel: showChannel(showId), kind: 'chat', payload });
    return payload;
  });
}

/** Seller moderation: hides messages of its own show for everyone. */
export async function deleteChatMessage({ db, store, userId, showId, messageId }: { db: Db; store: Store; userId: string; showId: string; messageId: number }) {
  return db.transaction(async (tx) => {
    await storeShow(tx, store, showId);
    const rows = await tx
      .update(liveChatMessages)
      .set({ deletedAt: sql`now()`, deletedBy: userId })
      .where(and(eq(liveChatMessages.id, messageId), eq(liveChatMessages.showId, showId), isNull(liveChatMessages.deletedAt)))
      .returning({ id: liveChatMessages.id });
    if (rows.length) await publish(tx, { channel: showChannel(showId), kind: 'chat.deleted', payload: { ids: rows.map((r) => r.id) } });
    return { deleted: rows.length };
  });
}

/** Bans the author of a message from the store's chats and hides their messages on this show. */
export async function banViewer({ db, store, userId, showId, messageId }: { db: Db; store: Store; userId: string; showId: string; messageId: number }) {
  return db.transaction(async (tx) => {
    await storeShow(tx, store, showId);
    const [msg] = await tx.select({ userId: liveChatMessages.userId }).from(liveChatMessages).where(and(eq(liveChatMessages.id, messageId), eq(liveChatMessages.showId, showId)));
    if (!msg?.userId) throw new AppError('NOT_FOUND', { key: 'notFound.message' });
    const [isMember] = await tx.execute(sql`select 1 from store_members where store_id = ${store.id} and user_id = ${msg.userId}`);
    if (isMember) throw new AppError('BAD_REQUEST', { key: 'live.cannotBanTeam' });
    await tx.insert(liveBans).values({ storeId: store.id, userId: msg.userId, bannedBy: userId }).onConflictDoNothing();
    const hidden = await tx
      .update(liveChatMessages)
      .set({ deletedAt: sql`now()`, deletedBy: userId })
      .where(and(eq(liveChatMessages.showId, showId), eq(liveChatMessages.userId, msg.userId), isNull(liveChatMessages.deletedAt)))
      .returning({ id: liveChatMessages.id });
    if (hidden.length) await publish(tx, { channel: showChannel(showId), kind: 'chat.deleted', payload: { ids: hidden.map((r) => r.id) } });
    return { banned: true, hidden: hidden.length };
  });
}

export async function isStoreMember(db: Db, storeId: string, userId: string): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from store_members where store_id = ${storeId} and user_id = ${userId}`);
  return rows.length > 0;
}

