import { and, desc, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox, productVariants, storeInvitations, storeMembers } from '../../db/schema';
import { insertOrderFixture } from '../orders/order-fixtures';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { acceptInvitation, hashInvitationToken, maskEmail } from './invitations';
import { roleHas } from './permissions';

const db = testDb();
let n = 0;
const uniq = () => `${Date.now().toString(36)}${n++}`;

async function ownerWithStore() {
  const owner = await createTestUser(db, { name: 'Ana Peñalosa' });
  const api = callerFor(db, owner);
  const store = await api.store.create({ name: 'Calzado Peñalosa', slug: `team-${uniq()}`, currency: 'PEN' });
  return { owner, api, store };
}

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitacion/')[1]!;

describe('team invitations', () => {
  it('owner invites by email: one email with a personal link, listed as pending, audited; the token is stored only hashed', async () => {
    const { owner, api, store } = await ownerWithStore();
    const email = `Rosa.${uniq()}@Prueba.vita`;
    const res = await api.team.invite({ storeId: store.id, email, role: 'staff' });
    const token = tokenOf(res.acceptUrl);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.invitation).not.toHaveProperty('tokenHash');
    expect(res.invitation.email).toBe(email.toLowerCase());

    const [row] = await db.select().from(storeInvitations).where(eq(storeInvitations.id, res.invitation.id));
    expect(row!.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mails = await db.select().from(outbox).where(and(eq(outbox.to, email.toLowerCase()), eq(outbox.template, 'team_invitation')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data).toMatchObject({ storeName: 'Calzado Peñalosa', inviter: 'Ana Peñalosa', role: 'staff', acceptUrl: res.acceptUrl });

    const list = await api.team.list({ storeId: store.id });
    expect(list.myRole).toBe('owner');
    expect(list.members.map((m) => [m.email, m.role])).toEqual([[owner.email, 'owner']]);
    expect(list.invitations.map((i) => [i.email, i.role, i.state])).toEqual([[email.toLowerCase(), 'staff', 'open']]);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.subject, `store:${store.id}`)).orderBy(desc(auditLog.seq)).limit(1);
    expect(audit).toMatchObject({ actor: `user:${owner.id}`, action: 'team.invited' });
  });

  it('the invitee signs in with the invited address and joins with the role; other addresses are refused; a link works once', async () => {
    const { api, store } = await ownerWithStore();
    const invitee = await createTestUser(db);
    const res = await api.team.invite({ storeId: store.id, email: invitee.email.toUpperCase(), role: 'manager' });
    const token = tokenOf(res.acceptUrl);

    const anon = callerFor(db, null);
    const preview = await anon.team.invitation({ token });
    expect(preview).toMatchObject({ storeName: 'Calzado Peñalosa', role: 'manager', state: 'open', emailMatches: null, email: maskEmail(invitee.email) });
    expect(preview.email).not.toBe(invitee.email);

    const stranger = await createTestUser(db);
    const wrong = await rejectionOf(callerFor(db, stranger).team.accept({ token }));
    expect(wrong.code).toBe('FORBIDDEN');
    expect(wrong.cause?.data?.reason).toBe('EMAIL_MISMATCH');
    expect((await callerFor(db, stranger).team.invitation({ token })).emailMatches).toBe(false);

    const joined = await callerFor(db, invitee).team.accept({ token });
    expect(joined).toEqual({ storeId: store.id, role: 'manager' });
    // Accepting twice (a double click) answers the same; the store now opens for them with a manager's rights.
    expect(await callerFor(db, invitee).team.accept({ token })).toEqual({ storeId: store.id, role: 'manager' });
    expect((await callerFor(db, invitee).store.get({ storeId: store.id })).role).toBe('manager');
    expect((await callerFor(db, invitee).store.mine()).map((s) => s.id)).toContain(store.id);
    expect((await anon.team.invitation({ token })).state).toBe('accepted');

    const list = await api.team.list({ storeId: store.id });
    expect(list.invitations).toEqual([]);
    expect(list.members.map((m) => m.role)).toEqual(['owner', 'manager']);
  });

  it('expired, revoked and replaced links do not work; re-inviting renews the link', async () => {
    const { owner, api, store } = await ownerWithStore();
    const invitee = await createTestUser(db);
    const first = tokenOf((await api.team.invite({ storeId: store.id, email: invitee.email, role: 'staff' })).acceptUrl);
    const second = await api.team.invite({ storeId: store.id, email: invitee.email, role: 'staff' });
    expect((await db.select().from(storeInvitations).where(eq(storeInvitations.storeId, store.id))).length).toBe(1);
    expect((await rejectionOf(callerFor(db, invitee).team.accept({ token: first }))).code).toBe('NOT_FOUND');

    const later = new Date(Date.now() + 8 * 86_400_000);
    const expired = await acceptInvitation({ db, token: tokenOf(second.acceptUrl), user: invitee, now: later }).catch((e: unknown) => e as { code: string; data?: { reason?: string } });
    expect(expired).toMatchObject({ code: 'CONFLICT', data: { reason: 'INVITATION_EXPIRED' } });

    await api.team.revokeInvitation({ storeId: store.id, invitationId: second.invitation.id });
    const revoked = await rejectionOf(callerFor(db, invitee).team.accept({ token: tokenOf(second.acceptUrl) }));
    expect(revoked.code).toBe('CONFLICT');
    expect(revoked.cause?.data?.reason).toBe('INVITATION_REVOKED');
    expect((await rejectionOf(api.team.revokeInvitation({ storeId: store.id, invitationId: second.invitation.id }))).code).toBe('NOT_FOUND');
    expect(await db.select().from(storeMembers).where(and(eq(storeMembers.storeId, store.id), eq(storeMembers.userId, invitee.id)))).toHaveLength(0);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, `store:${store.id}`)).orderBy(auditLog.seq);
    expect(actions.map((a) => a.action)).toEqual(['team.invited', 'team.invitation_renewed', 'team.invitation_revoked']);
    expect(owner).toBeTruthy();
  });

  it('refuses to invite a member again, an owner role, or a bad address', async () => {
    const { owner, api, store } = await ownerWithStore();
    expect((await rejectionOf(api.team.invite({ storeId: store.id, email: owner.email, role: 'staff' }))).code).toBe('CONFLICT');
    expect((await rejectionOf(api.team.invite({ storeId: store.id, email: 'x@y.vita', role: 'owner' as never }))).code).toBe('BAD_REQUEST');
    const bad = await rejectionOf(api.team.invite({ storeId: store.id, email: 'no-es-correo', role: 'staff' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(await db.select().from(storeInvitations).where(eq(storeInvitations.storeId, store.id))).toHaveLength(0);
  });
});

describe('team roles', () => {
  async function storeWithTeam() {
    const base = await ownerWithStore();
    const manager = await createTestUser(db);
    const staff = await createTestUser(db);
    for (const [u, role] of [
      [manager, 'manager'],
      [staff, 'staff'],
    ] as const) {
      const { acceptUrl } = await base.api.team.invite({ storeId: base.store.id, email: u.email, role });
      await callerFor(db, u).team.accept({ token: tokenOf(acceptUrl) });
    }
    const product = await base.api.product.create({ storeId: base.store.id, title: 'Zapatilla', price: 15900, currency: 'PEN', variants: [{ options: {}, stock: 5 }] });
    const [variant] = await db.select().from(productVariants).where(eq(productVariants.productId, product.id));
    const order = await insertOrderFixture(db, { storeId: base.store.id, currency: 'PEN', lines: [{ variantId: variant!.id, qty: 1 }] });
    return { ...base, manager, staff, product, order };
  }

  it('staff answers and ships; cannot touch products, coupons, the wallet or the team', async () => {
    const t = await storeWithTeam();
    const staff = callerFor(db, t.staff);
    const storeId = t.store.id;
    expect((await staff.product.list({ storeId })).total).toBe(1);
    expect((await staff.sellerOrder.list({ storeId })).total).toBe(1);
    await staff.sellerOrder.fulfill({ storeId, orderId: t.order.id, carrier: 'Olva', trackingNumber: 'OLV-1' });
    const denied = [
      () => staff.product.update({ storeId, productId: t.product.id, title: 'X', price: 1, currency: 'PEN', variants: [{ options: {}, stock: 1 }] }),
      () => staff.commerceSettings.coupons({ storeId }),
      () => staff.wallet.get({ storeId }),
      () => staff.team.list({ storeId }),
      () => staff.team.invite({ storeId, email: 'otra@prueba.vita', role: 'staff' }),
      () => staff.store.update({ storeId, name: 'Otra' }),
    ];
    for (const call of denied) {
      const err = await rejectionOf(call());
      expect(err.code).toBe('FORBIDDEN');
      expect(err.cause?.data?.reason).toBe('ROLE');
    }
  });

  it('managers run the shop but not payouts, the plan or the team; owners change roles and remove people', async () => {
    const t = await storeWithTeam();
    const storeId = t.store.id;
    const manager = callerFor(db, t.manager);
    await manager.commerceSettings.createCoupon({ storeId, code: `M${uniq()}`.toUpperCase(), kind: 'percent', value: 10 });
    expect((await manager.team.list({ storeId })).members).toHaveLength(3);
    expect((await rejectionOf(manager.wallet.get({ storeId }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(manager.team.changeRole({ storeId, userId: t.staff.id, role: 'manager' }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(manager.team.removeMember({ storeId, userId: t.staff.id }))).code).toBe('FORBIDDEN');

    // Owner promotes staff → manager: the new rights apply on the next call.
    await t.api.team.changeRole({ storeId, userId: t.staff.id, role: 'manager' });
    await callerFor(db, t.staff).commerceSettings.coupons({ storeId });
    // Demote the manager: coupons are gone for them at once.
    await t.api.team.changeRole({ storeId, userId: t.manager.id, role: 'staff' });
    expect((await rejectionOf(manager.commerceSettings.coupons({ storeId }))).code).toBe('FORBIDDEN');

    const ownerRole = await rejectionOf(t.api.team.changeRole({ storeId, userId: t.owner.id, role: 'staff' }));
    expect(ownerRole.code).toBe('FORBIDDEN');
    expect(ownerRole.cause?.data?.reason).toBe('OWNER_IMMUTABLE');
    expect((await rejectionOf(t.api.team.removeMember({ storeId, userId: t.owner.id }))).code).toBe('FORBIDDEN');

    await t.api.team.removeMember({ storeId, userId: t.manager.id });
    expect((await rejectionOf(manager.store.get({ storeId }))).code).toBe('NOT_FOUND');
    await callerFor(db, t.staff).team.leave({ storeId });
    expect((await rejectionOf(callerFor(db, t.staff).store.get({ storeId }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(t.api.team.leave({ storeId }))).code).toBe('FORBIDDEN');

    const actions = await db.select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(and(eq(auditLog.subject, `store:${storeId}`), like(auditLog.action, 'team.%'))).orderBy(auditLog.seq);
    expect(actions.map((a) => a.action).slice(-4)).toEqual(['team.role_changed', 'team.role_changed', 'team.member_removed', 'team.left']);
    expect(actions.at(-4)!.data).toEqual({ userId: t.staff.id, from: 'staff', to: 'manager' });
  });

  it('the permission map: staff ⊂ manager ⊂ owner; only owners hold payouts, plan, team.manage, kyc', () => {
    for (const p of ['payouts', 'plan', 'team.manage', 'kyc'] as const) {
      expect([roleHas('owner', p), roleHas('manager', p), roleHas('staff', p)]).toEqual([true, false, false]);
    }
    for (const p of ['chat.reply', 'orders.fulfil', 'products.read'] as const) expect(roleHas('staff', p)).toBe(true);
    for (const p of ['products.write', 'coupons.manage', 'delivery.manage', 'customers.read'] as const) {
      expect([roleHas('manager', p), roleHas('staff', p)]).toEqual([true, false]);
    }
  });
});
