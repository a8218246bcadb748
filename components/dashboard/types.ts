import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;
export type TProductList = Outputs['product']['list'];
export type TProductListItem = TProductList['items'][number];
export type TListVariant = TProductListItem['variants'][number];
export type TStoreCounts = Outputs['store']['counts'];
export type TPlanUsage = Outputs['plan']['usage'];
export type TSellerProduct = Outputs['product']['get'];
export type TSellerStore = Outputs['store']['get'];
export type TCategory = Outputs['category']['list'][number];

/** "S / Rojo" in the product's option order when known (jsonb stores keys in its own order), or "Única" without options. */
export function variantLabel(options: Record<string, string>, order?: readonly string[]): string {
  const keys = Object.keys(options);
  const sorted = order ? [...keys].sort((a, b) => rank(order, a) - rank(order, b)) : keys;
  return sorted.length ? sorted.map((k) => options[k]).join(' / ') : 'Única';
}

function rank(order: readonly string[], key: string) {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}
