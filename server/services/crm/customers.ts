import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customerNotes, customerTags, users, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { parseInput } from '../ai/suggest-replies';
import { buyerName } from '../chat/rows';
import { GUEST_PREFIX, ZAddNoteInput, ZCustomerListInput, ZTagInput, type Segment } from './schemas';

/**
 * The CRM is derived, not copied: a customer of a store is someone who paid an order there or wrote to it.
 * Customers are keyed by account id; an order placed as a guest (an email, no account) belongs to the account with
 * that normalised email (lower, trimmed) when there is one, else to the guest customer `guest:<normalised email>`.
 * Lifetime value = paid orders' totals minus refunds. Segments: VIP (3+ orders, or the top tenth by value), at risk
 * (bought before, nothing for 60 days and no contact for 30), repeat (2+ orders), new (the rest).
 */
export type CustomerRow = {
  /** Account id, or `guest:<normalised email>` for someone who only bought as a guest. */
  id: string;
  guest: boolean;
  name: string;
  email: string;
  orders: number;
  ltv: number;
  currency: string;
  lastOrderAt: string | null;
  lastMessageAt: string | null;
  lastInteractionAt: string;
  unread: number;
  waiting: boolean;
  conversationId: string | null;
  tags: string[];
  segment: Segment;
};

const PAID = sql.raw(`('paid','fulfilled','delivered','refunded')`);
const DAY = 86_400_000;

type Raw = {
  id: string;
  display_name: string | null;
  contact_name: string | null;
  guest: boolean;
  email: string;
  orders: number;
  ltv: string | number;
  last_order_at: Date | string | null;
  last_message_at: Date | string | null;
  seller_unread: number | null;
  last_sender: string | null;
  conv_status: string | null;
  conversation_id: string | null;
  tags: string[] | null;
};

export function segmentOf(c: { orders: number; ltv: number; lastOrderAt: string | null; lastInteractionAt: string }, vipLtv: number, now = Date.now()): Segment {
  if (c.orders >= 3 || (c.orders >= 1 && vipLtv > 0 && c.ltv >= vipLtv)) return 'vip';
  if (c.orders >= 1 && c.lastOrderAt && now - Date.parse(c.lastOrderAt) > 60 * DAY && now - Date.parse(c.lastInteractionAt) > 30 * DAY) return 'at_risk';
  if (c.orders >= 2) return 'repeat';
  return 'new';
}

/**
 * The store's orders (matching `statuses`) with the customer each belongs to (`pid`): the buyer's account, else the
 * account whose normalised email is the order's contact email (the oldest, if several), else `guest:<email>`.
 */
export function ordersWithCustomer(storeId: string, statuses: SQL): SQL {
  return sql`
    SELECT o.id, o.number, o.status, o.total, o.refunded_amount, o.currency, o.created_at, o.contact->>'name' AS contact_name,
      coalesce(o.buyer_user_id, acct.id, ${GUEST_PREFIX} || lower(btrim(o.contact->>'email'))) AS pid
    FROM orders o
    LEFT JOIN LATERAL (
      SELECT u.id FROM users u
      WHERE o.buyer_user_id IS NULL AND lower(btrim(u.email)) = lower(btrim(o.contact->>'email'))
      ORDER BY u.created_at, u.id LIMIT 1
    ) acct ON true
    WHERE o.store_id = ${storeId} AND ${statuses}
      AND (o.buyer_user_id IS NOT NULL OR coalesce(btrim(o.contact->>'email'), '') <> '')`;
}

async function rawCustomers(db: Db, storeId: string): Promise<Raw[]> {
  return (await db.execute(sql`
    WITH po AS (${ordersWithCustomer(storeId, sql`o.status IN ${PAID}`)}),
    o AS (
      SELECT pid AS id, count(*)::int AS orders, sum(total - refunded_amount) AS ltv, max(created_at) AS last_order_at,
        (array_agg(contact_name ORDER BY created_at DESC))[1] AS contact_name
      FROM po GROUP BY pid
    ), people AS (
      SELECT id FROM o UNION SELECT buyer_id FROM conversations WHERE store_id = ${storeId}
    )
    SELECT p.id, u.display_name, o.contact_name, (u.id IS NULL) AS guest,
      coalesce(u.email, substr(p.id, ${GUEST_PREFIX.length + 1})) AS email,
      coalesce(o.orders, 0) AS orders, coalesce(o.ltv, 0) AS ltv, o.last_order_at,
      c.last_message_at, c.seller_unread, c.last_sender, c.status AS conv_status, c.id AS conversation_id,
      (SELECT array_agg(DISTINCT t.tag ORDER BY t.tag) FROM customer_tags t
        WHERE t.store_id = ${storeId} AND t.buyer_id IN (p.id, ${GUEST_PREFIX} || lower(btrim(u.email)))) AS tags
    FROM people p
    LEFT JOIN users u ON u.id = p.id
    LEFT JOIN o ON o.id = p.id
    LEFT JOIN conversations c ON c.store_id = ${storeId} AND c.buyer_id = p.id
    WHERE u.id IS NOT NULL OR p.id LIKE ${GUEST_PREFIX + '%'}`)) as unknown as Raw[];
}

/** The keys a customer's tags and notes may be stored under: their own, and for an account its guest-era key. */
export function customerKeys(c: Pick<CustomerRow, 'id' | 'guest' | 'email'>): string[] {
  return c.guest ? [c.id] : [c.id, GUEST_PREFIX + c.email.trim().toLowerCase()];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function vipThreshold(values: number[]): number {
  const sorted = values.filter((v) => v > 0).sort((a, b) => b - a);
  if (sorted.length < 5) return 0; // too few customers to call the top tenth anything
  return sorted[Math.max(0, Math.ceil(sorted.length / 10) - 1)]!;
}

function toRows(raw: Raw[], currency: string, vipLtv: number): CustomerRow[] {
  return raw.map((r) => {
    const lastOrderAt = iso(r.last_order_at);
    const lastMessageAt = iso(r.last_message_at);
    const lastInteractionAt = [lastOrderAt, lastMessageAt].filter((x): x is string => Boolean(x)).sort().at(-1) ?? new Date(0).toISOString();
    const base = { orders: r.orders, ltv: Number(r.ltv), lastOrderAt, lastInteractionAt };
    return {
      id: r.id,
      guest: r.guest,
      name: buyerName(r.display_name ?? r.contact_name, r.email),
      email: r.email,
      ...base,
      currency,
      lastMessageAt,
      unread: r.seller_unread ?? 0,
      waiting: r.last_sender === 'buyer' && r.conv_status === 'open',
      conversationId: r.conversation_id,
      tags: r.tags ?? [],
      segment: segmentOf(base, vipLtv),
    };
  });
}

export async function listCustomers(opts: { db: Db; store: Store; input?: unknown }): Promise<{ items: CustomerRow[]; segments: Record<Segment, number>; tags: string[] }> {
  const input = parseInput(ZCustomerListInput, opts.input ?? {});
  const raw = await rawCustomers(opts.db, opts.store.id);
  const all = toRows(raw, opts.store.currency, vipThreshold(raw.map((r) => Number(r.ltv))));
  const segments: Record<Segment, number> = { new: 0, repeat: 0, vip: 0, at_risk: 0 };
  for (const c of all) segments[c.segment]++;
  const q = input.q?.toLowerCase();
  const items = all
    .filter((c) => (!input.segment || c.segment === input.segment) && (!input.tag || c.tags.includes(input.tag.toLowerCase())) && (!q || c.name.toLowerCase().includes(q) || c.email.toLowerCase().includes(q)))
    .sort((a, b) => b.lastInteractionAt.localeCompare(a.lastInteractionAt));
  return { items, segments, tags: [...new Set(all.flatMap((c) => c.tags))].sort() };
}

/** One customer of the store (NOT_FOUND for anyone who neither bought nor wrote there). */
export async function customerRow(db: Db, store: Store, buyerId: string): Promise<CustomerRow> {
  const raw = await rawCustomers(db, store.id);
  const all = toRows(raw, store.currency, vipThreshold(raw.map((r) => Number(r.ltv))));
  const c = all.find((x) => x.id === buyerId);
  if (!c) throw new AppError('NOT_FOUND', { key: 'notFound.customer' });
  return c;
}

export async function addNote(opts: { db: Db; store: Store; authorUserId: string; input: unknown }) {
  const input = parseInput(ZAddNoteInput, opts.input);
  const c = await customerRow(opts.db, opts.store, input.buyerId);
  const [note] = await opts.db.insert(customerNotes).values({ storeId: opts.store.id, buyerId: c.id, authorUserId: opts.authorUserId, body: input.body }).returning();
  return { id: note!.id, body: note!.body, createdAt: note!.createdAt.toISOString() };
}

export async function addTag(opts: { db: Db; store: Store; input: unknown }) {
  const input = parseInput(ZTagInput, opts.input);
  const c = await customerRow(opts.db, opts.store, input.buyerId);
  await opts.db.insert(customerTags).values({ storeId: opts.store.id, buyerId: c.id, tag: input.tag }).onConflictDoNothing();
  return listTags(opts.db, opts.store.id, customerKeys(c));
}

export async function removeTag(opts: { db: Db; store: Store; input: unknown }) {
  const input = parseInput(ZTagInput, opts.input);
  const c = await customerRow(opts.db, opts.store, input.buyerId);
  const keys = customerKeys(c);
  await opts.db.delete(customerTags).where(and(eq(customerTags.storeId, opts.store.id), inArray(customerTags.buyerId, keys), eq(customerTags.tag, input.tag)));
  return listTags(opts.db, opts.store.id, keys);
}

async function listTags(db: Db, storeId: string, keys: string[]): Promise<string[]> {
  const rows = await db.selectDistinct({ tag: customerTags.tag }).from(customerTags).where(and(eq(customerTags.storeId, storeId), inArray(customerTags.buyerId, keys))).orderBy(customerTags.tag);
  return rows.map((r) => r.tag);
}

export async function notesOf(db: Db, storeId: string, keys: string[]) {
  const rows = await db
    .select({ id: customerNotes.id, body: customerNotes.body, createdAt: customerNotes.createdAt, author: users.email })
    .from(customerNotes)
    .leftJoin(users, eq(users.id, customerNotes.authorUserId))
    .where(and(eq(customerNotes.storeId, storeId), inArray(customerNotes.buyerId, keys)))
    .orderBy(desc(customerNotes.createdAt));
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt.toISOString(), author: r.author }));
}
