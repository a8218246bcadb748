import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { deliveryOptions, type DeliveryOption, type Store } from '../../db/schema';

/** Every option of the store (active or not) in the seller's order, for the settings page. */
export async function listDeliveryOptions({ db, store }: { db: DbOrTx; store: Store }): Promise<DeliveryOption[]> {
  return db
    .select()
    .from(deliveryOptions)
    .where(eq(deliveryOptions.storeId, store.id))
    .orderBy(asc(deliveryOptions.position), asc(deliveryOptions.label), asc(deliveryOptions.id));
}

/** What a buyer may choose at checkout: the store's active options, in the seller's order. */
export async function listStoreDeliveryOptions(db: DbOrTx, storeId: string): Promise<DeliveryOption[]> {
  return db
    .select()
    .from(deliveryOptions)
    .where(and(eq(deliveryOptions.storeId, storeId), eq(deliveryOptions.active, true)))
    .orderBy(asc(deliveryOptions.position), asc(deliveryOptions.label), asc(deliveryOptions.id));
}

/** The fee an option charges on a subtotal (minor units): free_over is free from its threshold on, pickup is free. */
export function deliveryFee(option: Pick<DeliveryOption, 'kind' | 'price' | 'freeOver'>, subtotal: number): number {
  if (option.kind === 'pickup') return 0;
  if (option.kind === 'free_over' && option.freeOver !== null && subtotal >= option.freeOver) return 0;
  return option.price;
}
