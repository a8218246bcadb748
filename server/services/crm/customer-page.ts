import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Store } from '../../db/schema';
import { latestSummary } from '../chat/ai';
import type { SummaryDTO } from '../chat/types';
import { customerKeys, customerRow, notesOf, ordersWithCustomer, type CustomerRow } from './customers';
import { outOfStockAsks, type OutOfStockAsk } from './insights';

export type TimelineItem =
  | { kind: 'order'; at: string; orderId: string; number: number; status: string; total: number; currency: string }
  | { kind: 'message'; at: string; from: 'buyer' | 'seller'; text: string; conversationId: string }
  | { kind: 'live'; at: string; showTitle: string; text: string; tip: { amount: number; currency: string } | null };

/** `text` is the Spanish sentence (logs, tests); pages render `kind` (+ product/option for restock) in their language. */
export type NextStep = { kind: 'reply' | 'restock' | 'coupon' | 'follow_up' | 'thank' | 'review'; text: string; href?: string; product?: string; option?: string | null };

export type CustomerPage = {
  customer: CustomerRow;
  timeline: TimelineItem[];
  notes: Array<{ id: string; body: string; createdAt: string; author: string | null }>;
  summary: SummaryDTO | null;
  nextSteps: NextStep[];
};

/** A customer's page: their facts, a timeline of orders, messages and live-show activity, notes, and next steps. */
export async function getCustomerPage(opts: { db: Db; store: Store; buyerId: string; now?: Date }): Promise<CustomerPage> {
  const { db, store, buyerId } = opts;
  const customer = await customerRow(db, store, buyerId);
  const since = new Date((opts.now ?? new Date()).getTime() - 90 * 86_400_000);
  // Independent reads, run together: the page is one round trip deep after the customer row, not ten.
  const [orders, messages, live, asks, notes, summary] = await Promise.all([
    // The same attribution as the list: their account's orders and guest orders placed with their email.
    db.execute(sql`
      SELECT id, number, status, total, currency, created_at FROM (${ordersWithCustomer(store.id, sql`o.status <> 'expired'`)}) po
      WHERE pid = ${customer.id} ORDER BY created_at DESC LIMIT 50`) as unknown as Promise<Array<{ id: string; number: string | number; status: string; total: string | number; currency: string; created_at: Date | string }>>,
    db.execute(sql`
      SELECT m.sender, m.body, m.created_at, m.conversation_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.store_id = ${store.id} AND c.buyer_id = ${buyerId} ORDER BY m.created_at DESC LIMIT 50`) as unknown as Promise<Array<{ sender: 'buyer' | 'seller'; body: string; created_at: Date | string; conversation_id: string }>>,
    // Live-show chat and tips in this store's shows (tables from the live feature).
    db.execute(sql`
      SELECT s.title, l.kind, l.body, l.tip_amount, l.currency, l.created_at FROM live_chat_messages l JOIN live_shows s ON s.id = l.show_id
      WHERE s.store_id = ${store.id} AND l.user_id = ${buyerId} AND l.deleted_at IS NULL ORDER BY l.created_at DESC LIMIT 30`) as unknown as Promise<Array<{ title: string; kind: string; body: string; tip_amount: string | number | null; currency: string | null; created_at: Date | string }>>,
    outOfStockAsks(db, store, since, buyerId),
    notesOf(db, store.id, customerKeys(customer)),
    customer.conversationId ? latestSummary(db, customer.conversationId) : Promise.resolve(null),
  ]);

  const timeline: TimelineItem[] = [
    ...orders.map((o): TimelineItem => ({ kind: 'order', at: new Date(o.created_at).toISOString(), orderId: o.id, number: Number(o.number), status: o.status, total: Number(o.total), currency: o.currency })),
    ...messages.map((m): TimelineItem => ({ kind: 'message', at: new Date(m.created_at).toISOString(), from: m.sender, text: m.body, conversationId: m.conversation_id })),
    ...live.map((l): TimelineItem => ({
      kind: 'live',
      at: new Date(l.created_at).toISOString(),
      showTitle: l.title,
      text: l.body,
      tip: l.kind === 'tip' && l.tip_amount != null ? { amount: Number(l.tip_amount), currency: l.currency ?? store.currency } : null,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return {
    customer,
    timeline,
    notes,
    summary,
    nextSteps: nextSteps(store.id, customer, asks, orders.map((o) => o.status)),
  };
}

/** Rules a seller would follow: answer first, then stock, then win back, then thank. */
export function nextSteps(storeId: string, c: CustomerRow, asks: OutOfStockAsk[], orderStatuses: string[]): NextStep[] {
  const steps: NextStep[] = [];
  if (c.waiting && c.conversationId) steps.push({ kind: 'reply', text: 'Responder su mensaje: está esperando respuesta.', href: `/dashboard/inbox/${storeId}/${c.conversationId}` });
  for (const a of asks.slice(0, 2)) steps.push({ kind: 'restock', text: `Reponer ${a.productTitle}${a.option ? ` (${a.option})` : ''}: preguntó y está agotado.`, href: `/dashboard/tiendas/${storeId}/productos/${a.productId}`, product: a.productTitle, option: a.option });
  if (c.segment === 'at_risk') steps.push({ kind: 'coupon', text: 'Ofrecerle un cupón de regreso: hace más de 60 días que no compra.', href: `/dashboard/tiendas/${storeId}/cupones` });
  if (c.orders === 0 && c.lastMessageAt) steps.push({ kind: 'follow_up', text: 'Hacer seguimiento: escribió pero aún no compra.', href: c.conversationId ? `/dashboard/inbox/${storeId}/${c.conversationId}` : undefined });
  if (c.segment === 'vip') steps.push({ kind: 'thank', text: 'Agradecerle y avisarle primero de novedades: es de tus mejores clientes.' });
  if (orderStatuses[0] === 'delivered' && c.segment !== 'vip') steps.push({ kind: 'review', text: 'Preguntarle cómo le fue con su pedido entregado.' });
  return steps;
}
