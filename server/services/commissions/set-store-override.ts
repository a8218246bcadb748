import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { commissionRules, storeCommissionOverrides, stores, type CommissionRule } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { effectiveCommissionRule, parseCommissionRule } from './compute-commission';
import { appendAudit } from '../audit/append-audit';
import { vmsg } from '../../errors/validation';

export const ZSetStoreOverrideInput = z.object({
  storeId: z.string().uuid({ message: vmsg('invalidStore') }),
  /** null removes the override: the store goes back to its owner's plan rule. */
  ruleCode: z.string().trim().min(1, { message: vmsg('chooseRule') }).max(64).nullable(),
  reason: z.string().trim().max(500, { message: vmsg('maxChars', { maximum: 500 }) }).default(''),
});
export type TSetStoreOverrideInput = z.input<typeof ZSetStoreOverrideInput>;

export const ZStoreCommissionInput = z.object({ storeId: z.string().uuid({ message: vmsg('invalidStore') }) });

export type CommissionRuleView = Pick<CommissionRule, 'id' | 'code' | 'name' | 'kind' | 'params'> & { valid: boolean };

/** Every rule an admin can pick, with a flag for rules whose params would be refused at charge time. */
export async function listCommissionRules({ db }: { db: Db }): Promise<CommissionRuleView[]> {
  const rows = await db.select().from(commissionRules).orderBy(asc(commissionRules.code));
  return rows.map((r) => {
    let valid = true;
    try {
      parseCommissionRule(r);
    } catch {
      valid = false;
    }
    return { id: r.id, code: r.code, name: r.name, kind: r.kind, params: r.params, valid };
  });
}

/** What a store pays now and why (override or plan). */
export async function getStoreCommission({ db, storeId }: { db: Db; storeId: string }) {
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  const [override] = await db.select().from(storeCommissionOverrides).where(eq(storeCommissionOverrides.storeId, storeId));
  const { rule, source } = await effectiveCommissionRule(db, storeId);
  return {
    source,
    rule: { code: rule.code, name: rule.name, kind: rule.kind, params: rule.params },
    override: override ? { setBy: override.setBy, reason: override.reason, setAt: override.setAt } : null,
  };
}

/**
 * A platform admin's per-store commission rule; it applies to orders paid from now on (an order's commission is
 * fixed when it is paid). Refuses rules whose params are invalid, so a typo in a rule never reaches a charge.
 */
export async function setStoreOverride({ db, adminId, input }: { db: Db; adminId: string; input: TSetStoreOverrideInput }) {
  const data = ZSetStoreOverrideInput.parse(input);
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.id, data.storeId));
  if (!store) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  if (data.ruleCode === null) {
    await db.transaction(async (tx) => {
      await tx.delete(storeCommissionOverrides).where(eq(storeCommissionOverrides.storeId, data.storeId));
      await appendAudit(tx, { actor: `admin:${adminId}`, action: 'admin.commission_override', subject: `store:${data.storeId}`, data: { ruleCode: null, reason: data.reason } });
    });
    return getStoreCommission({ db, storeId: data.storeId });
  }
  const [rule] = await db.select().from(commissionRules).where(eq(commissionRules.code, data.ruleCode));
  if (!rule) throw new AppError('BAD_REQUEST', { key: 'commission.unknownRule', fields: { ruleCode: 'commission.unknownRuleField' } });
  try {
    parseCommissionRule(rule);
  } catch (err) {
    throw new AppError('BAD_REQUEST', {
      key: 'commission.invalidRule',
      fields: { ruleCode: 'commission.invalidRuleField' },
      cause: err,
    });
  }
  const values = { storeId: data.storeId, ruleId: rule.id, setBy: adminId, reason: data.reason };
  await db.transaction(async (tx) => {
    await tx
      .insert(storeCommissionOverrides)
      .values(values)
      .onConflictDoUpdate({ target: storeCommissionOverrides.storeId, set: { ruleId: rule.id, setBy: adminId, reason: data.reason, setAt: new Date() } });
    await appendAudit(tx, { actor: `admin:${adminId}`, action: 'admin.commission_override', subject: `store:${data.storeId}`, data: { ruleCode: rule.code, reason: data.reason } });
  });
  return getStoreCommission({ db, storeId: data.storeId });
}
