import { inArray, sql } from 'drizzle-orm';
import { getMediaStorage } from '../../adapters/media';
import type { DbOrTx } from '../../db/client';
import { media, type MessageAttachment } from '../../db/schema';
import type { AttachmentDTO, ConversationRow, MessageDTO } from './types';

export type Viewer = 'buyer' | 'seller';
export type MediaUrl = (key: string) => string;
export const defaultMediaUrl: MediaUrl = (key) => getMediaStorage().publicUrl(key);

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** A buyer is shown to sellers by display name, else the part of the email before the @. */
export function buyerName(displayName: string | null, email: string): string {
  return displayName?.trim() || email.split('@')[0] || 'Cliente';
}

type RowSql = {
  id: string;
  store_id: string;
  store_name: string;
  store_slug: string;
  store_logo_key: string | null;
  buyer_id: string;
  buyer_display_name: string | null;
  buyer_email: string;
  product_id: string | null;
  product_title: string | null;
  product_slug: string | null;
  product_price: string | number | null;
  product_currency: string | null;
  product_image_key: string | null;
  order_id: string | null;
  order_number: string | number | null;
  order_status: string | null;
  order_total: string | number | null;
  order_currency: string | null;
  status: 'open' | 'done';
  last_message_at: Date | string;
  last_message_preview: string;
  last_sender: 'buyer' | 'seller' | null;
  message_count: number;
  buyer_unread: number;
  seller_unread: number;
};

/** The SELECT list and joins of a conversation row; callers add WHERE / ORDER / LIMIT. */
export const ROW_SELECT = sql`
  SELECT c.id, c.store_id, s.name AS store_name, s.slug AS store_slug, lm.key AS store_logo_key,
    c.buyer_id, u.display_name AS buyer_display_name, u.email AS buyer_email,
    p.id AS product_id, p.title AS product_title, p.slug AS product_slug, p.price_min AS product_price, p.currency AS product_currency,
    (SELECT m.key FROM product_images pi JOIN media m ON m.id = pi.media_id WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) AS product_image_key,
    o.id AS order_id, o.number AS order_number, o.status AS order_status, o.total AS order_total, o.currency AS order_currency,
    c.status, c.last_message_at, c.last_message_preview, c.last_sender, c.message_count, c.buyer_unread, c.seller_unread
  FROM conversations c
  JOIN stores s ON s.id = c.store_id
  JOIN users u ON u.id = c.buyer_id
  LEFT JOIN media lm ON lm.id = s.logo_media_id
  LEFT JOIN products p ON p.id = c.product_id
  LEFT JOIN orders o ON o.id = c.order_id`;

export function toRow(r: RowSql, viewer: Viewer, mediaUrl: MediaUrl): ConversationRow {
  return {
    id: r.id,
    store: { id: r.store_id, name: r.store_name, slug: r.store_slug, logoUrl: r.store_logo_key ? mediaUrl(r.store_logo_key) : null },
    buyer: { id: r.buyer_id, name: buyerName(r.buyer_display_name, r.buyer_email) },
    product:
      r.product_id && r.product_title && r.product_slug
        ? {
            id: r.product_id,
            title: r.product_title,
            slug: r.product_slug,
            price: Number(r.product_price ?? 0),
            currency: r.product_currency ?? 'PEN',
            imageUrl: r.product_image_key ? mediaUrl(r.product_image_key) : null,
          }
        : null,
    order:
      r.order_id && r.order_number != null
        ? { id: r.order_id, number: Number(r.order_number), status: r.order_status ?? '', total: Number(r.order_total ?? 0), currency: r.order_currency ?? 'PEN' }
        : null,
    status: r.status,
    lastMessageAt: iso(r.last_message_at),
    lastMessagePreview: r.last_message_preview,
    lastSender: r.last_sender,
    messageCount: r.message_count,
    unread: viewer === 'buyer' ? r.buyer_unread : r.seller_unread,
  };
}

export async function selectRows(db: DbOrTx, where: ReturnType<typeof sql>, viewer: Viewer, mediaUrl: MediaUrl, tail = sql``): Promise<ConversationRow[]> {
  const rows = (await db.execute(sql`${ROW_SELECT} WHERE ${where} ${tail}`)) as unknown as RowSql[];
  return rows.map((r) => toRow(r, viewer, mediaUrl));
}

/** Both sides' view of one conversation (for events after a write). */
export async function loadRowBoth(db: DbOrTx, conversationId: string, mediaUrl: MediaUrl): Promise<{ buyer: ConversationRow; seller: ConversationRow }> {
  const rows = (await db.execute(sql`${ROW_SELECT} WHERE c.id = ${conversationId}`)) as unknown as RowSql[];
  const r = rows[0];
  if (!r) throw new Error(`conversation ${conversationId} vanished`);
  return { buyer: toRow(r, 'buyer', mediaUrl), seller: toRow(r, 'seller', mediaUrl) };
}

type MessageSql = {
  id: string;
  conversation_id: string;
  sender: 'buyer' | 'seller';
  body: string;
  attachments: MessageAttachment[];
  product_id: string | null;
  order_id: string | null;
  suggestion_id: string | null;
  created_at: Date | string;
};

/** Attachment media keys, for URLs (the message row keeps only ids + dimensions). */
export async function attachmentKeys(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: media.id, key: media.key }).from(media).where(inArray(media.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.key]));
}

export async function toMessageDTOs(db: DbOrTx, rows: MessageSql[], mediaUrl: MediaUrl): Promise<MessageDTO[]> {
  const keys = await attachmentKeys(db, rows.flatMap((r) => r.attachments.map((a) => a.mediaId)));
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    sender: r.sender,
    body: r.body,
    attachments: r.attachments.flatMap((a): AttachmentDTO[] => {
      const key = keys.get(a.mediaId);
      return key ? [{ mediaId: a.mediaId, url: mediaUrl(key), width: a.width, height: a.height }] : [];
    }),
    productId: r.product_id,
    orderId: r.order_id,
    suggestionId: r.suggestion_id,
    createdAt: iso(r.created_at),
  }));
}

export const MESSAGE_SELECT = sql`SELECT id, conversation_id, sender, body, attachments, product_id, order_id, suggestion_id, created_at FROM messages`;

export async function selectMessages(db: DbOrTx, where: ReturnType<typeof sql>, tail: ReturnType<typeof sql>, mediaUrl: MediaUrl): Promise<MessageDTO[]> {
  const rows = (await db.execute(sql`${MESSAGE_SELECT} WHERE ${where} ${tail}`)) as unknown as MessageSql[];
  return toMessageDTOs(db, rows, mediaUrl);
}
