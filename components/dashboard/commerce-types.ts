import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;
export type TDeliveryOption = Outputs['commerceSettings']['deliveryOptions'][number];
export type TCoupon = Outputs['commerceSettings']['coupons'][number];
export type TSellerOrderList = Outputs['sellerOrder']['list'];
export type TSellerOrderListItem = TSellerOrderList['items'][number];
export type TSellerOrder = Outputs['sellerOrder']['get'];
export type TWallet = Outputs['wallet']['get'];
