import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkouts, commissionRules, orders, storeCommissionOverrides, storeMembers, stores, users } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { commissionFor, computeCommission, parseCommissionRule, percentOf, tierFor, type ParsedRule } from './compute-commission';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');

const tiered: ParsedRule = {
  kind: 'TIERED',
  params: { tiers: [{ upTo: 100_000, bps: 300 }, { upTo: 1_000_000, bps: 200, fixed: 10 }, { upTo: null, bps: 150 }] },
};

describe('commissionFor (pure)', () => {
  it('FIXED charges the fixed fee, never more than the order', () => {
    const rule: ParsedRule = { kind: 'FIXED', params: { fixed: 50 } };
    expect(commissionFor(rule, 10_000)).toBe(50);
    expect(commissionFor(rule, 30)).toBe(30);
    expect(commissionFor(rule, 0)).toBe(0);
  });

  it('PERCENTAGE rounds half up to the minor unit', () => {
    const rule: ParsedRule = { kind: 'PERCENTAGE', params: { bps: 500 } };
    expect(commissionFor(rule, 1_000)).toBe(50);
    expect(commissionFor(rule, 10)).toBe(1); // 0.5 → 1
    expect(commissionFor(rule, 9)).toBe(0); // 0.45 → 0
    expect(commissionFor(rule, 0)).toBe(0);
    expect(percentOf(1, 5_000)).toBe(1); // exactly half
    expect(percentOf(3, 1_666)).toBe(0); // 0.4998
    expect(commissionFor({ kind: 'PERCENTAGE', params: { bps: 10_000 } }, 777)).toBe(777);
  });

  it('PERCENTAGE stays exact on amounts where floating point would drift', () => {
    expect(percentOf(9_007_199_254_740_991, 1)).toBe(900_719_925_474);
    expect(percentOf(1_005, 150)).toBe(15); // 15.075
  });

  it('MIXED adds the fixed fee to the rate and clamps to the amount', () => {
    const rule: ParsedRule = { kind: 'MIXED', params: { fixed: 30, bps: 500 } };
    expect(commissionFor(rule, 10_000)).toBe(530);
    expect(commissionFor(rule, 1_990)).toBe(130); // 99.5 → 100 + 30
    expect(commissionFor(rule, 20)).toBe(20); // 30 + 1 > 20
    expect(commissionFor(rule, 0)).toBe(0);
  });

  it('TIERED picks the tier by the month sales before the order; the boundary stays in the lower tier', () => {
    expect(commissionFor(tiered, 10_000, 0)).toBe(300);
    expect(commissionFor(tiered, 10_000, 99_999)).toBe(300);
    expect(commissionFor(tiered, 10_000, 100_000)).toBe(300);
    expect(commissionFor(tiered, 10_000, 100_001)).toBe(210); // 2 % + fixed 10
    expect(commissionFor(tiered, 10_000, 1_000_000)).toBe(210);
    expect(commissionFor(tiered, 10_000, 1_000_001)).toBe(150);
    expect(commissionFor(tiered, 10_000, 50_000_000)).toBe(150);
    expect(commissionFor(tiered, 0, 1_000_001)).toBe(0);
    expect(commissionFor(tiered, 5, 200_000)).toBe(5); // fixed 10 clamped
    expect(tierFor(tiered.params.tiers, 100_000).bps).toBe(300);
  });

  it('refuses a negative or fractional base', () => {
    expect(() => commissionFor(tiered, -1)).toThrow();
    expect(() => commissionFor(tiered, 1.5)).toThrow();
  });
});

describe('parseCommissionRule', () => {
  const rule = (kind: 'FIXED' | 'PERCENTAGE' | 'MIXED' | 'TIERED', params: unknown) => ({ code: 'x', kind, params: params as never });

  it('accepts the seeded rules', async () => {
    const rows = await db.select().from(commissionRules);
    const seeded = rows.filter((r) => r.code === 'free_default' || r.code === 'pro_default');
    expect(seeded).toHaveLength(2);
    for (const r of seeded) expect(() => parseCommissionRule(r)).not.toThrow();
  });

  it.each([
    ['FIXED', { fixed: -1 }],
    ['FIXED', { fixed: 1.5 }],
    ['FIXED', { fee: 30 }],
    ['PERCENTAGE', { bps: 10_001 }],
    ['PERCENTAGE', { bps: '500' }],
    ['MIXED', { fixed: 30 }],
    ['MIXED', { fixed: 30, bps: 500, extra: 1 }],
    ['TIERED', { tiers: [] }],
    ['TIERED', { tiers: [{ upTo: 100, bps: 300 }] }], // no open-ended last tier
    ['TIERED', { tiers: [{ upTo: null, bps: 300 }, { upTo: 100, bps: 200 }] }],
    ['TIERED', { tiers: [{ upTo: 100, bps: 300 }, { upTo: 100, bps: 200 }, { upTo: null, bps: 100 }] }],
  ] as const)('refuses %s %j', (kind, params) => {
    expect(() => parseCommissionRule(rule(kind, params))).toThrow(/invalid params/);
  });
});

async function storeOwnedBy(plan: 'free' | 'pro') {
  const user = await createTestUser(db);
  await db.update(users).set({ planCode: plan }).where(eq(users.id, user.id));
  const [store] = await db.insert(stores).values({ slug: `c-${uid()}`, name: 'Tienda', currency: 'USD' }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: user.id, role: 'owner' });
  return { user, store: store! };
}

async function order(storeId: string, total: number, status: 'paid' | 'fulfilled' | 'delivered' | 'cancelled' | 'pending_payment' | 'refunded', paidAt: Date | null) {
  const [c] = await db
    .insert(checkouts)
    .values({ email: 'b@test.vita', amount: Math.max(total, 1), currency: 'USD', provider: 'test', expiresAt: new Date(), accessToken: uid() })
    .returning();
  const [o] = await db
    .insert(orders)
    .values({
      storeId,
      checkoutId: c!.id,
      contact: { name: 'B', email: 'b@test.vita' },
      status,
      currency: 'USD',
      subtotal: total,
      total,
      delivery: { optionId: crypto.randomUUID(), kind: 'pickup', label: 'Recojo', details: '', price: 0 },
      paidAt,
    })
    .returning();
  return o!;
}

describe('computeCommission (database)', () => {
  it('Free plan stores pay the seeded MIXED rule (5 % + 0.30)', async () => {
    const { store } = await storeOwnedBy('free');
    expect(await computeCommission(db, { storeId: store.id, amount: 10_000, currency: 'USD', at: new Date() })).toEqual({
      amount: 530,
      ruleCode: 'free_default',
    });
  });

  it('Pro plan: the tier follows this month’s paid sales (UTC), before this order only', async () => {
    const { store } = await storeOwnedBy('pro');
    const at = new Date('2031-03-15T12:00:00Z');
    // Counted: paid/fulfilled/delivered in March up to `at`.
    await order(store.id, 60_000, 'paid', new Date('2031-03-01T00:00:00Z'));
    await order(store.id, 30_000, 'fulfilled', new Date('2031-03-10T08:00:00Z'));
    // Not counted: previous month (UTC), after `at`, not paid, cancelled/refunded.
    await order(store.id, 500_000, 'delivered', new Date('2031-02-28T23:59:59Z'));
    await order(store.id, 500_000, 'paid', new Date('2031-03-15T12:00:01Z'));
    await order(store.id, 500_000, 'pending_payment', null);
    await order(store.id, 500_000, 'cancelled', new Date('2031-03-05T00:00:00Z'));
    await order(store.id, 500_000, 'refunded', new Date('2031-03-05T00:00:00Z'));
    const self = await order(store.id, 20_000, 'paid', at);

    // 90 000 so far (≤ 100 000) → 3 %.
    expect(await computeCommission(db, { storeId: store.id, amount: 20_000, currency: 'USD', at, excludeOrderId: self.id })).toEqual({
      amount: 600,
      ruleCode: 'pro_default',
    });
    // Without excluding itself the order would count toward its own tier: 110 000 → 2 %.
    expect((await computeCommission(db, { storeId: store.id, amount: 20_000, currency: 'USD', at })).amount).toBe(400);
    await order(store.id, 10_000, 'delivered', new Date('2031-03-12T00:00:00Z'));
    // Exactly 100 000 → still the first tier.
    expect((await computeCommission(db, { storeId: store.id, amount: 20_000, currency: 'USD', at, excludeOrderId: self.id })).amount).toBe(600);
    await order(store.id, 1, 'paid', new Date('2031-03-12T00:00:00Z'));
    expect((await computeCommission(db, { storeId: store.id, amount: 20_000, currency: 'USD', at, excludeOrderId: self.id })).amount).toBe(400);
  });

  it('an admin override wins over the plan rule, and removing it restores the plan rule', async () => {
    const { store } = await storeOwnedBy('free');
    const code = `flat_${uid()}`;
    await db.insert(commissionRules).values({ code, name: 'Plano', kind: 'FIXED', params: { fixed: 99 } });
    const admin = callerFor(db, await createTestUser(db, { groups: ['admins'] }));
    const set = await admin.adminCommerce.setStoreCommission({ storeId: store.id, ruleCode: code, reason: 'acuerdo comercial' });
    expect(set).toMatchObject({ source: 'override', rule: { code }, override: { reason: 'acuerdo comercial' } });
    expect(await computeCommission(db, { storeId: store.id, amount: 10_000, currency: 'USD', at: new Date() })).toEqual({ amount: 99, ruleCode: code });
    await admin.adminCommerce.setStoreCommission({ storeId: store.id, ruleCode: null });
    expect((await computeCommission(db, { storeId: store.id, amount: 10_000, currency: 'USD', at: new Date() })).ruleCode).toBe('free_default');
  });

  it('refuses to charge with a rule whose params are broken', async () => {
    const { store } = await storeOwnedBy('free');
    const code = `broken_${uid()}`;
    const [rule] = await db.insert(commissionRules).values({ code, name: 'Rota', kind: 'MIXED', params: { fixed: 30 } as never }).returning();
    const admin = callerFor(db, await createTestUser(db, { groups: ['admins'] }));
    const err = await rejectionOf(admin.adminCommerce.setStoreCommission({ storeId: store.id, ruleCode: code }));
    expect(err.code).toBe('BAD_REQUEST');
    const rules = await admin.adminCommerce.commissionRules();
    expect(rules.find((r) => r.code === code)?.valid).toBe(false);
    // Even if the override got in by other means, computing the commission refuses.
    await db.insert(storeCommissionOverrides).values({ storeId: store.id, ruleId: rule!.id });
    await expect(computeCommission(db, { storeId: store.id, amount: 100, currency: 'USD', at: new Date() })).rejects.toThrow(/invalid params/);
  });

  it('admin procedures are for admins only', async () => {
    const { store } = await storeOwnedBy('free');
    const seller = callerFor(db, await createTestUser(db));
    const err = await rejectionOf(seller.adminCommerce.setStoreCommission({ storeId: store.id, ruleCode: 'pro_default' }));
    expect(err.code).toBe('FORBIDDEN');
    const admin = callerFor(db, await createTestUser(db, { groups: ['admins'] }));
    expect((await rejectionOf(admin.adminCommerce.setStoreCommission({ storeId: crypto.randomUUID(), ruleCode: 'pro_default' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(admin.adminCommerce.setStoreCommission({ storeId: store.id, ruleCode: 'nope' }))).code).toBe('BAD_REQUEST');
  });
});
