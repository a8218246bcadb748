import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { OrderStatus } from '@/server/db/schema';
import { ORDER_STATUS_TONE } from './order-words';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations('orders.status');
  return <Badge tone={ORDER_STATUS_TONE[status]}>{t(status)}</Badge>;
}
