import { useTranslations } from 'next-intl';
import type { TOrderStatus } from '@/server/services/orders/seller-order-schemas';
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

/** What the seller reads for a status (messages `dashboard.orderStatus`); a paid pickup order waits to be picked up, not shipped. */
export function useOrderStatusLabel(): (status: TOrderStatus, deliveryKind?: string) => string {
  const t = useTranslations('dashboard.orderStatus');
  return (status, deliveryKind) => (status === 'paid' && deliveryKind === 'pickup' ? t('toHandOver') : t(status));
}

export function OrderStatusBadge({ status, deliveryKind }: { status: TOrderStatus; deliveryKind?: string }) {
  const label = useOrderStatusLabel();
  return <Pill tone={TONE[status]}>{label(status, deliveryKind)}</Pill>;
}
