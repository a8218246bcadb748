import { ORDER_STATUS_LABEL, type TOrderStatus } from '@/server/services/orders/seller-order-schemas';
import { Pill, type TPillTone } from './commerce-ui';

const TONE: Record<TOrderStatus, TPillTone> = {
  pending_payment: 'amber',
  paid: 'violet',
  fulfilled: 'sky',
  delivered: 'green',
  cancelled: 'zinc',
  expired: 'zinc',
  refunded: 'red',
};

/** A paid pickup order waits to be picked up, not shipped. */
export function orderStatusLabel(status: TOrderStatus, deliveryKind?: string): string {
  if (status === 'paid' && deliveryKind === 'pickup') return 'Por entregar';
  return ORDER_STATUS_LABEL[status];
}

export function OrderStatusBadge({ status, deliveryKind }: { status: TOrderStatus; deliveryKind?: string }) {
  return <Pill tone={TONE[status]}>{orderStatusLabel(status, deliveryKind)}</Pill>;
}
