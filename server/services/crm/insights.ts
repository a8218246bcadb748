import { sql } from 'drizzle-orm';
import { resolveOptions, resolveProduct } from '../../adapters/llm/builtin/catalog-match';
import { normalizeText } from '../../adapters/llm/builtin/normalize';
import type { Intent } from '../../adapters/llm/types';
import type { Db } from '../../db/client';
import type { Store } from '../../db/schema';
import { loadChatFacts } from '../chat/store-facts';

export const INTENT_LABEL: Record<Intent, string> = {
  greeting: 'Saludos',
  price: 'Precio',
  availability: 'Disponibilidad / stock',
  variant: 'Tallas y variantes',
  shipping: 'Envíos y entrega',
  payment: 'Formas de pago',
  order_status: 'Estado del pedido',
  returns: 'Cambios y reclamos',
  discount: 'Descuentos',
  other: 'Otros',
};

export type OutOfStockAsk = { productId: string; productTitle: string; option: string | null; buyers: number; text: string };

export type StoreInsights = {
  intents: Array<{ intent: Intent; label: string; count: number; example: string }>;
  unanswered: { count: number; oldest: Array<{ conversationId: string; buyer: string; since: string; preview: string }> };
  outOfStock: OutOfStockAsk[];
  daily: Array<{ day: string; buyer: number; seller: number }>;
  aiUse: { suggested: number; used: number };
};

const DAYS = 90;

/**
 * What the store's conversations say: the most asked questions (by the intent the AI layer gave each buyer message),
 * who is waiting for an answer, which sold-out products or options buyers keep asking for, and the daily volume.
 */
export async function storeInsights(opts: { db: Db; store: Store; now?: Date }): Promise<StoreInsights> {
  const { db, store } = opts;
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - DAYS * 86_400_000);

  const intentRows = (await db.execute(sql`
    SELECT intent, count(*)::int AS count, (array_agg(body ORDER BY created_at DESC))[1] AS example
    FROM messages WHERE store_id = ${store.id} AND sender = 'buyer' AND intent IS NOT NULL AND created_at >= ${since.toISOString()}
    GROUP BY intent ORDER BY count DESC`)) as unknown as Array<{ intent: Intent; count: number; example: string }>;

  const waiting = (await db.execute(sql`
    SELECT c.id, u.display_name, u.email, c.last_message_at, c.last_message_preview
    FROM conversations c JOIN users u ON u.id = c.buyer_id
    WHERE c.store_id = ${store.id} AND c.status = 'open' AND c.last_sender = 'buyer'
    ORDER BY c.last_message_at ASC`)) as unknown as Array<{ id: string; display_name: string | null; email: string; last_message_at: Date | string; last_message_preview: string }>;

  const daily = (await db.execute(sql`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
      count(m.id) FILTER (WHERE m.sender = 'buyer')::int AS buyer, count(m.id) FILTER (WHERE m.sender = 'seller')::int AS seller
    FROM generate_series(date_trunc('day', ${now.toISOString()}::timestamptz) - interval '13 days', date_trunc('day', ${now.toISOString()}::timestamptz), interval '1 day') AS d(day)
    LEFT JOIN messages m ON m.store_id = ${store.id} AND m.created_at >= d.day AND m.created_at < d.day + interval '1 day'
    GROUP BY d.day ORDER BY d.day`)) as unknown as Array<{ day: string; buyer: number; seller: number }>;

  const [ai] = (await db.execute(sql`
    SELECT count(*)::int AS suggested, count(used_index)::int AS used FROM ai_suggestions WHERE store_id = ${store.id} AND created_at >= ${since.toISOString()}`)) as unknown as Array<{ suggested: number; used: number }>;

  return {
    intents: intentRows.map((r) => ({ intent: r.intent, label: INTENT_LABEL[r.intent] ?? r.intent, count: r.count, example: r.example.slice(0, 160) })),
    unanswered: {
      count: waiting.length,
      oldest: waiting.slice(0, 5).map((w) => ({ conversationId: w.id, buyer: w.display_name?.trim() || w.email.split('@')[0]!, since: new Date(w.last_message_at).toISOString(), preview: w.last_message_preview })),
    },
    outOfStock: await outOfStockAsks(db, store, since),
    daily,
    aiUse: { suggested: ai?.suggested ?? 0, used: ai?.used ?? 0 },
  };
}

/**
 * "5 compradores preguntaron por la talla M": buyer messages about a product (its context, or named in the text)
 * that name an option value none of whose variants can be sold now, or a product sold out altogether; counted by
 * distinct buyer.
 */
export async function outOfStockAsks(db: Db, store: Store, since: Date, buyerId?: string): Promise<OutOfStockAsk[]> {
  const msgs = (await db.execute(sql`
    SELECT m.body, m.product_id, c.product_id AS conv_product_id, c.buyer_id
    FROM messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.store_id = ${store.id} AND m.sender = 'buyer' AND m.created_at >= ${since.toISOString()} ${buyerId ? sql`AND c.buyer_id = ${buyerId}` : sql``}
    ORDER BY m.created_at DESC LIMIT 2000`)) as unknown as Array<{ body: string; product_id: string | null; conv_product_id: string | null; buyer_id: string }>;
  if (!msgs.length) return [];
  const facts = await loadChatFacts({ db, storeId: store.id, buyerId: buyerId ?? '' });
  const asks = new Map<string, { productId: string; productTitle: string; option: string | null; buyers: Set<string> }>();
  for (const m of msgs) {
    const normalized = normalizeText(m.body);
    const { product } = resolveProduct(normalized, facts.products, m.product_id ?? m.conv_product_id);
    if (!product) continue;
    const total = product.variants.reduce((s, v) => s + v.stock, 0);
    const { values } = resolveOptions(normalized, product);
    let option: string | null = null;
    if (values.length) {
      const hit = product.variants.filter((v) => values.every((o) => v.options[o.key] === o.value));
      if (hit.reduce((s, v) => s + v.stock, 0) > 0) continue;
      option = values.map((o) => `${o.key.toLowerCase()} ${o.value}`).join(', ');
    } else if (total > 0) continue;
    const key = `${product.id}|${option ?? ''}`;
    const a = asks.get(key) ?? { productId: product.id, productTitle: product.title, option, buyers: new Set<string>() };
    a.buyers.add(m.buyer_id);
    asks.set(key, a);
  }
  return [...asks.values()]
    .map((a) => {
      const n = a.buyers.size;
      const who = n === 1 ? '1 comprador preguntó' : `${n} compradores preguntaron`;
      return { productId: a.productId, productTitle: a.productTitle, option: a.option, buyers: n, text: a.option ? `${who} por ${a.productTitle} en ${a.option} (agotado)` : `${who} por ${a.productTitle} (agotado)` };
    })
    .sort((x, y) => y.buyers - x.buyers)
    .slice(0, 10);
}
