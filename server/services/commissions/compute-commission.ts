import { and, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { commissionRules, orders, plans, storeCommissionOverrides, storeMembers, users, type CommissionRule } from '../../db/schema';

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const bps = z.number().int().min(0).max(10_000);

const ZTiers = z
  .array(z.object({ upTo: minor.nullable(), bps, fixed: minor.optional() }).strict())
  .min(1)
  .superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      const last = i === tiers.length - 1;
      if (last !== (t.upTo === null)) ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'only the last tier is open-ended (upTo null)' });
      const prev = tiers[i - 1]?.upTo;
      if (i > 0 && t.upTo !== null && prev != null && t.upTo <= prev) {
        ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'tiers must ascend' });
      }
    });
  });

/** Params per kind; `.strict()` so a rule with a misspelt key is refused instead of silently charging 0. */
export const ZCommissionParams = {
  FIXED: z.object({ fixed: minor }).strict(),
  PERCENTAGE: z.object({ bps }).strict(),
  MIXED: z.object({ fixed: minor, bps }).strict(),
  TIERED: z.object({ tiers: ZTiers }).strict(),
} as const;

export type ParsedRule =
  | { kind: 'FIXED'; params: z.infer<typeof ZCommissionParams.FIXED> }
  | { kind: 'PERCENTAGE'; params: z.infer<typeof ZCommissionParams.PERCENTAGE> }
  | { kind: 'MIXED'; params: z.infer<typeof ZCommissionParams.MIXED> }
  | { kind: 'TIERED'; params: z.infer<typeof ZCommissionParams.TIERED> };

/** Throws on params that do not fit the kind: a broken rule must stop the charge, not produce a wrong one. */
export function parseCommissionRule(rule: Pick<CommissionRule, 'code' | 'kind' | 'params'>): ParsedRule {
  const parsed = ZCommissionParams[rule.kind].safeParse(rule.params);
  if (!parsed.success) {
    throw new Error(`commission rule ${rule.code} (${rule.kind}) has invalid params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { kind: rule.kind, params: parsed.data } as ParsedRule;
}

/** amount × bps / 10 000, half up, in bigint so large amounts never lose precision. */
export function percentOf(amount: number, rateBps: number): number {
  return Number((BigInt(amount) * BigInt(rateBps) + 5_000n) / 10_000n);
}

/**
 * The tier whose `upTo` is not yet passed by the month's sales so far: sales exactly at `upTo` are still inside
 * that tier ("up to 1 000.00"), the next order after passing it pays the next rate.
 */
export function tierFor<T extends { upTo: number | null }>(tiers: T[], monthSales: number): T {
  return tiers.find((t) => t.upTo === null || monthSales <= t.upTo) ?? tiers[tiers.length - 1]!;
}

/** Pure part: the commission of `amount` under a parsed rule, given the store's sales of the month before it. */
export function commissionFor(rule: ParsedRule, amount: number, monthSales = 0): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`commission base must be a non-negative integer, got ${amount}`);
  let raw: number;
  switch (rule.kind) {
    case 'FIXED':
      raw = rule.params.fixed;
      break;
    case 'PERCENTAGE':
      raw = percentOf(amount, rule.params.bps);
      break;
    case 'MIXED':
      raw = rule.params.fixed + percentOf(amount, rule.params.bps);
      break;
    case 'TIERED': {
      const tier = tierFor(rule.params.tiers, monthSales);
      raw = (tier.fixed ?? 0) + percentOf(amount, tier.bps);
      break;
    }
  }
  return Math.min(Math.max(raw, 0), amount);
}

/** The rule that applies to a store now: the admin's override, else the one of the owner's plan. */
export async function effectiveCommissionRule(db: DbOrTx, storeId: string): Promise<{ rule: CommissionRule; source: 'override' | 'plan' }> {
  const [override] = await db
    .select({ rule: commissionRules })
    .from(storeCommissionOverrides)
    .innerJoin(commissionRules, eq(commissionRules.id, storeCommissionOverrides.ruleId))
    .where(eq(storeCommissionOverrides.storeId, storeId));
  if (override) return { rule: override.rule, source: 'override' };
  const [planRule] = await db
    .select({ rule: commissionRules })
    .from(storeMembers)
    .innerJoin(users, eq(users.id, storeMembers.userId))
    .innerJoin(plans, eq(plans.code, users.planCode))
    .innerJoin(commissionRules, eq(commissionRules.code, plans.commissionRule))
    .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.role, 'owner')))
    .limit(1);
  if (!planRule) throw new Error(`no commission rule for store ${storeId} (no owner, or the plan names a missing rule)`);
  return { rule: planRule.rule, source: 'plan' };
}

const monthStartUtc = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

/** Paid sales of the store in the calendar month (UTC) of `at`, up to `at`, in `currency`. */
export async function monthSalesBefore(
  db: DbOrTx,
  input: { storeId: string; currency: string; at: Date; excludeOrderId?: string },
): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${orders.total}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, input.storeId),
        eq(orders.currency, input.currency),
        inArray(orders.status, ['paid', 'fulfilled', 'delivered']),
        gte(orders.paidAt, monthStartUtc(input.at)),
        lte(orders.paidAt, input.at),
        input.excludeOrderId ? ne(orders.id, input.excludeOrderId) : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

/**
 * The platform's commission on one paid order of `storeId`: the store's admin override if any, else the rule of the
 * owner's plan (plans.commission_rule). TIERED rules look at the store's paid sales of the calendar month of `at`
 * before this order. Never more than `amount`, never negative; rounded half up to the minor unit.
 */
export async function computeCommission(
  db: DbOrTx,
  input: { storeId: string; amount: number; currency: string; at: Date; excludeOrderId?: string },
): Promise<{ amount: number; ruleCode: string }> {
  const { rule } = await effectiveCommissionRule(db, input.storeId);
  const parsed = parseCommissionRule(rule);
  const monthSales = parsed.kind === 'TIERED' ? await monthSalesBefore(db, input) : 0;
  return { amount: commissionFor(parsed, input.amount, monthSales), ruleCode: rule.code };
}
