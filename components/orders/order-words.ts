import type { DateTimeFormatOptions } from 'next-intl';
import type { OrderStatus } from '@/server/db/schema';

/** Badge tone of each buyer-facing order state (the words are in messages `orders.status.*`). */
export const ORDER_STATUS_TONE: Record<OrderStatus, 'neutral' | 'success' | 'warning' | 'danger' | 'brand'> = {
  pending_payment: 'warning',
  paid: 'brand',
  fulfilled: 'brand',
  delivered: 'success',
  cancelled: 'danger',
  expired: 'neutral',
  refunded: 'neutral',
};

/** Timeline entries with their own words in messages `orders.event.*`; anything else reads "Actualización". */
export const ORDER_EVENTS = ['placed', 'payment_partial', 'payment_review', 'paid', 'fulfilled', 'delivered', 'cancelled', 'expired', 'partially_refunded', 'refunded'] as const;
export type OrderEventKind = (typeof ORDER_EVENTS)[number];
export function isKnownEvent(kind: string): kind is OrderEventKind {
  return (ORDER_EVENTS as readonly string[]).includes(kind);
}

/** next-intl dateTime options for order dates ("12 nov 2026" / "Nov 12, 2026", optionally with the time). */
export function orderDateFormat(withTime = false): DateTimeFormatOptions {
  return withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
}
