import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deliveryOptions, type DeliveryOption, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import {
  ZDeliveryOptionFields,
  ZReorderDeliveryOptionsInput,
  type TCreateDeliveryOptionInput,
  type TUpdateDeliveryOptionInput,
} from './schemas';

const MAX_OPTIONS = 20;

/** Columns for a parsed option: fields a kind does not use are reset so a kind change leaves nothing stale. */
function columns(input: unknown) {
  const f = ZDeliveryOptionFields.parse(input);
  return {
    kind: f.kind,
    label: f.label,
    details: f.details,
    active: f.active,
    price: f.kind === 'pickup' ? 0 : f.price,
    freeOver: f.kind === 'free_over' ? f.freeOver : null,
  };
}

const notFound = () => new AppError('NOT_FOUND', { key: 'notFound.deliveryOption' });

export async function createDeliveryOption({ db, store, input }: { db: Db; store: Store; input: TCreateDeliveryOptionInput }): Promise<DeliveryOption> {
  const values = columns(input);
  return db.transaction(async (tx) => {
    // Serialises concurrent creates of one store so the cap and the next position are exact.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'delivery_options:' + store.id}))`);
    const [stats] = await tx
      .select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${deliveryOptions.position}) + 1, 0)::int` })
      .from(deliveryOptions)
      .where(eq(deliveryOptions.storeId, store.id));
    if ((stats?.n ?? 0) >= MAX_OPTIONS) {
      throw new AppError('CONFLICT', { key: 'delivery.tooMany', params: { max: MAX_OPTIONS } });
    }
    const [row] = await tx
      .insert(deliveryOptions)
      .values({ ...values, storeId: store.id, position: stats?.next ?? 0 })
      .returning();
    return row!;
  });
}

export async function updateDeliveryOption({ db, store, input }: { db: Db; store: Store; input: TUpdateDeliveryOptionInput }): Promise<DeliveryOption> {
  const values = columns(input);
  const [row] = await db
    .update(deliveryOptions)
    .set(values)
    .where(and(eq(deliveryOptions.id, input.optionId), eq(deliveryOptions.storeId, store.id)))
    .returning();
  if (!row) throw notFound();
  return row;
}

export async function setDeliveryOptionActive({
  db,
  store,
  optionId,
  active,
}: {
  db: Db;
  store: Store;
  optionId: string;
  active: boolean;
}): Promise<DeliveryOption> {
  const [row] = await db
    .update(deliveryOptions)
    .set({ active })
    .where(and(eq(deliveryOptions.id, optionId), eq(deliveryOptions.storeId, store.id)))
    .returning();
  if (!row) throw notFound();
  return row;
}

/** Past orders keep a snapshot of the option they used, so deleting one never changes an order. */
export async function deleteDeliveryOption({ db, store, optionId }: { db: Db; store: Store; optionId: string }): Promise<{ id: string }> {
  const [row] = await db
    .delete(deliveryOptions)
    .where(and(eq(deliveryOptions.id, optionId), eq(deliveryOptions.storeId, store.id)))
    .returning({ id: deliveryOptions.id });
  if (!row) throw notFound();
  return row;
}

/** New order of all the store's options; a list that is not exactly the store's options is rejected whole. */
export async function reorderDeliveryOptions({
  db,
  store,
  input,
}: {
  db: Db;
  store: Store;
  input: { optionIds: string[] };
}): Promise<DeliveryOption[]> {
  const { optionIds } = ZReorderDeliveryOptionsInput.pick({ optionIds: true }).parse(input);
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: deliveryOptions.id })
      .from(deliveryOptions)
      .where(eq(deliveryOptions.storeId, store.id))
      .for('update');
    const known = new Set(current.map((r) => r.id));
    if (current.length !== optionIds.length || !optionIds.every((id) => known.has(id))) {
      throw new AppError('CONFLICT', { key: 'delivery.reorderConflict' });
    }
    await tx
      .update(deliveryOptions)
      .set({ position: sql`array_position(${sql`ARRAY[${sql.join(optionIds.map((id) => sql`${id}::uuid`), sql`, `)}]`}, ${deliveryOptions.id}) - 1` })
      .where(and(eq(deliveryOptions.storeId, store.id), inArray(deliveryOptions.id, optionIds)));
    return tx.select().from(deliveryOptions).where(eq(deliveryOptions.storeId, store.id)).orderBy(deliveryOptions.position);
  });
}
