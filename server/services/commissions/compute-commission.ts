import type { DbOrTx } from '../../db/client';

/**
 * The platform's commission on one paid order of `storeId`: the store's admin override if any, else the rule of the
 * owner's plan (plans.commission_rule). TIERED rules look at the store's paid sales of the calendar month of `at`
 * before this order. Never more than `amount`, never negative; rounded half up to the minor unit.
 */
export async function computeCommission(
  _db: DbOrTx,
  _input: { storeId: string; amount: number; currency: string; at: Date; excludeOrderId?: string },
): Promise<{ amount: number; ruleCode: string }> {
  throw new Error('computeCommission: not implemented yet'); // TODO(session): commissions work
}
