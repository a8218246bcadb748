import type { OrderStatus } from '@/server/db/schema';

/** Buyer-facing Spanish words for order states and timeline entries. */
export const ORDER_STATUS: Record<OrderStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' | 'brand' }> = {
  pending_payment: { label: 'Esperando pago', tone: 'warning' },
  paid: { label: 'Pagado', tone: 'brand' },
  fulfilled: { label: 'Enviado', tone: 'brand' },
  delivered: { label: 'Entregado', tone: 'success' },
  cancelled: { label: 'Cancelado', tone: 'danger' },
  expired: { label: 'Vencido', tone: 'neutral' },
  refunded: { label: 'Reembolsado', tone: 'neutral' },
};

export const ORDER_EVENT: Record<string, string> = {
  placed: 'Pedido realizado',
  payment_partial: 'Pago parcial recibido',
  payment_review: 'Pago en revisión',
  paid: 'Pago confirmado',
  fulfilled: 'Enviado por la tienda',
  delivered: 'Entregado',
  cancelled: 'Pedido cancelado',
  expired: 'Venció el tiempo para pagar',
  partially_refunded: 'Reembolso parcial',
  refunded: 'Reembolsado',
};

export function orderDate(d: Date | string, withTime = false): string {
  return new Date(d).toLocaleString('es', withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}
