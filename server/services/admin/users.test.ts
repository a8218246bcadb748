import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { auditLog, products, productVariants, storeMembers, stores, storeSuspensions, users } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { getStorePage } from '../catalog/get-store-page';
import { searchProducts } from '../catalog/search-products';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');
const mediaUrl = (k: string) => `/media/${k}`;

/** An owner with two stores, each with one active product whose title is unique to this test run. */
async function ownerWithStores() {
  const owner = await createTestUser(db);
  const word = `poncho${uid()}`;
  const made = [];
  for (const name of ['Uno', 'Dos']) {
    const [store] = await db.insert(stores).values({ slug: `u-${uid()}`, name: `Tienda ${name}`, currency: 'PEN' }).returning();
    await db.insert(storeMembers).values({ storeId: store!.id, userId: owner.id, role: 'owner' });
    const [p] = await db.insert(products).values({ storeId: store!.id, slug: `p-${uid()}`, title: `${word} ${name}`, price: 5000, currency: 'PEN', status: 'active' }).returning();
    await db.insert(productVariants).values({ productId: p!.id, stock: 5 });
    made.push(store!);
  }
  return { owner, word, stores: made as [(typeof made)[0], (typeof made)[0]] };
}

const storePage = (slug: string) => getStorePage({ db, input: { store: slug, page: 1, pageSize: 10 }, mediaUrl });
const searchTitles = async (q: string) => (await searchProducts({ db, input: { q, page: 1, pageSize: 24 }, mediaUrl })).items.map((i) => i.title).sort();
const statusOf = async (id: string) => (await db.select({ s: stores.status }).from(stores).where(eq(stores.id, id)))[0]!.s;

describe('admin: suspend and restore users', () => {
  it('a suspended user loses their session and their stores; restoring brings back only the stores suspended with them', async () => {
    const admin = await createTestUser(db, { groups: ['admins'] });
    const api = callerFor(db, admin);
    const { owner, word, stores: [a, b] } = await ownerWithStores();
    // Store B was suspended by an admin on its own, before the owner was.
    await api.admin.suspendStore({ storeId: b.id, reason: 'Fotos de otra tienda' });
    expect(await searchTitles(word)).toEqual([`${word} Uno`]);
    const seller = callerFor(db, owner);
    expect((await seller.store.mine()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());

    await api.admin.suspendUser({ userId: owner.id, reason: 'Fraude con pagos' });

    // The existing session (valid tokens) opens nothing: a typed refusal on every authed procedure.
    const refused = await rejectionOf(seller.store.mine());
    expect([refused.code, refused.cause?.data?.reason]).toEqual(['FORBIDDEN', 'ACCOUNT_SUSPENDED']);
    expect((await rejectionOf(seller.store.get({ storeId: a.id }))).code).toBe('FORBIDDEN');
    // The stores are gone from the marketplace and cannot sell.
    expect(await storePage(a.slug)).toBeNull();
    expect(await searchTitles(word)).toEqual([]);
    expect(await statusOf(a.id)).toBe('suspended');
    const susp = await db.select().from(storeSuspensions).where(eq(storeSuspensions.storeId, a.id));
    expect(susp).toMatchObject([{ reason: 'Fraude con pagos', suspendedBy: admin.id, byOwnerSuspension: true, restoredAt: null }]);
    // B keeps only its own suspension.
    expect((await db.select().from(storeSuspensions).where(eq(storeSuspensions.storeId, b.id))).map((s) => s.byOwnerSuspension)).toEqual([false]);
    // A store of a suspended owner is not restored by itself.
    const early = await rejectionOf(api.admin.restoreStore({ storeId: a.id }));
    expect([early.code, early.cause?.data?.reason]).toEqual(['CONFLICT', 'OWNER_SUSPENDED']);
    expect(await statusOf(a.id)).toBe('suspended');

    const listed = await api.admin.users({ q: owner.email, status: 'suspended' });
    expect(listed).toMatchObject([{ id: owner.id, suspendedReason: 'Fraude con pagos' }]);
    expect(listed[0]!.suspendedAt).toBeInstanceOf(Date);
    expect(await api.admin.users({ q: owner.email, status: 'active' })).toEqual([]);
    expect((await rejectionOf(api.admin.suspendUser({ userId: owner.id, reason: 'otra vez' }))).code).toBe('CONFLICT');

    const back = await api.admin.restoreUser({ userId: owner.id, reason: 'Aclarado con el banco' });
    expect(back.storeSlugs).toEqual([a.slug]);
    expect((await seller.store.mine()).length).toBe(2);
    expect(await storePage(a.slug)).not.toBeNull();
    expect(await searchTitles(word)).toEqual([`${word} Uno`]);
    expect(await statusOf(b.id)).toBe('suspended');
    expect((await db.select().from(storeSuspensions).where(eq(storeSuspensions.storeId, a.id)))[0]).toMatchObject({ restoredBy: admin.id });
    expect((await rejectionOf(api.admin.restoreUser({ userId: owner.id, reason: 'otra vez' }))).code).toBe('CONFLICT');

    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, `user:${owner.id}`)).orderBy(auditLog.seq);
    expect(audit.map((e) => [e.action, e.actor, e.data.reason])).toEqual([
      ['admin.user_suspended', `admin:${admin.id}`, 'Fraude con pagos'],
      ['admin.user_restored', `admin:${admin.id}`, 'Aclarado con el banco'],
    ]);
    expect(audit[0]!.data.stores).toEqual([a.slug]);
  });

  it('refuses bad input, a stale sign-in, self-suspension and unknown users, changing nothing', async () => {
    const admin = await createTestUser(db, { groups: ['admins'] });
    const api = callerFor(db, admin);
    const { owner, stores: [a] } = await ownerWithStores();
    const unchanged = async () => {
      const [u] = await db.select().from(users).where(eq(users.id, owner.id));
      expect(u!.suspendedAt).toBeNull();
      expect(await statusOf(a.id)).toBe('active');
      expect(await db.select().from(auditLog).where(and(eq(auditLog.subject, `user:${owner.id}`)))).toEqual([]);
    };

    const noReason = await rejectionOf(api.admin.suspendUser({ userId: owner.id, reason: ' x ' }));
    expect([noReason.code, (noReason.cause as unknown as ZodError).issues.map((i) => i.path.join('.'))]).toEqual(['BAD_REQUEST', ['reason']]);
    expect((await rejectionOf(api.admin.suspendUser({ userId: owner.id } as never))).code).toBe('BAD_REQUEST');
    const stale = callerFor(db, { ...admin, authTime: Math.floor(Date.now() / 1000) - 2 * 3600 });
    const old = await rejectionOf(stale.admin.suspendUser({ userId: owner.id, reason: 'Fraude con pagos' }));
    expect([old.code, old.cause?.data?.reason]).toEqual(['FORBIDDEN', 'RECENT_AUTH_REQUIRED']);
    const self = await rejectionOf(api.admin.suspendUser({ userId: admin.id, reason: 'Me equivoqué' }));
    expect([self.code, self.cause?.data?.reason]).toEqual(['FORBIDDEN', 'SELF_SUSPENSION']);
    expect((await rejectionOf(api.admin.suspendUser({ userId: crypto.randomUUID(), reason: 'Fraude con pagos' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(api.admin.restoreUser({ userId: owner.id, reason: 'sin suspensión' }))).code).toBe('CONFLICT');
    // Not an admin: the owner of a store cannot suspend anybody.
    expect((await rejectionOf(callerFor(db, owner).admin.suspendUser({ userId: admin.id, reason: 'Venganza' }))).code).toBe('FORBIDDEN');
    await unchanged();
    const [me] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(me!.suspendedAt).toBeNull();
  });
});
