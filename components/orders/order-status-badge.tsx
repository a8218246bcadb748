import { Badge } from '@/components/ui/badge';
import type { OrderStatus } from '@/server/db/schema';
import { ORDER_STATUS } from './order-words';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const s = ORDER_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
