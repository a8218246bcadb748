import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { plans, products, storeMembers, users, type Plan } from '../../db/schema';
import { AppError } from '../../errors/app-error';

export type PlanUsage = {
  plan: Pick<Plan, 'code' | 'nameEs' | 'nameEn' | 'limits' | 'monthlyPrice' | 'currency'>;
  usage: { stores: number; activeProducts: number };
  plans: Pick<Plan, 'code' | 'nameEs' | 'nameEn' | 'limits' | 'monthlyPrice' | 'currency'>[];
};

/** Limits follow the account that owns the stores: its plan, its stores, its active products across them. */
export async function getPlanUsage({ db, userId }: { db: DbOrTx; userId: string }): Promise<PlanUsage> {
  const [user] = await db.select({ planCode: users.planCode }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('NOT_FOUND', { key: 'notFound.user' });
  const allPlans = await db.select().from(plans).orderBy(plans.sortOrder);
  const plan = allPlans.find((p) => p.code === user.planCode);
  if (!plan) throw new Error(`plan ${user.planCode} missing from plans table`);
  const [storeCount] = await db
    .select({ n: count() })
    .from(storeMembers)
    .where(and(eq(storeMembers.userId, userId), eq(storeMembers.role, 'owner')));
  const [productCount] = await db
    .select({ n: count() })
    .from(products)
    .innerJoin(storeMembers, and(eq(storeMembers.storeId, products.storeId), eq(storeMembers.role, 'owner')))
    .where(and(eq(storeMembers.userId, userId), eq(products.status, 'active')));
  return {
    plan,
    usage: { stores: storeCount?.n ?? 0, activeProducts: productCount?.n ?? 0 },
    plans: allPlans,
  };
}

/**
 * Throws LIMIT_EXCEEDED when adding `adding` more of `resource` would pass the owner's plan limit.
 * Call inside the transaction that creates the resource, after `lockOwner`, so two concurrent requests
 * cannot both pass the check.
 */
export async function assertWithinPlanLimit({
  db,
  ownerId,
  resource,
  adding = 1,
}: {
  db: DbOrTx;
  ownerId: string;
  resource: 'stores' | 'activeProducts';
  adding?: number;
}): Promise<void> {
  const { plan, usage } = await getPlanUsage({ db, userId: ownerId });
  const limit = plan.limits[resource];
  if (usage[resource] + adding > limit) {
    throw new AppError('LIMIT_EXCEEDED', {
      key: resource === 'stores' ? 'plan.limitStores' : 'plan.limitActiveProducts',
      params: { plan: plan.code, limit },
      data: { resource, limit, usage: usage[resource], plan: plan.code },
    });
  }
}

/** Serialises plan-limited writes of one owner (row lock on the owner's user row). */
export async function lockOwner({ db, ownerId }: { db: DbOrTx; ownerId: string }): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, ownerId)).for('update');
}
