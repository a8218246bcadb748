import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, kycSessions, products, productVariants, storeMembers, stores, storeSuspensions } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { getStorePage } from '../catalog/get-store-page';
import { DEFAULT_WEIGHTS } from '../catalog/ranking';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');
const mediaUrl = (k: string) => `/media/${k}`;

async function adminApi() {
  const a = await createTestUser(db, { groups: ['admins'] });
  return { admin: a, api: callerFor(db, a) };
}

async function storeWithProduct() {
  const owner = await createTestUser(db);
  const [store] = await db.insert(stores).values({ slug: `a-${uid()}`, name: 'Tienda Admin', currency: 'PEN' }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: owner.id, role: 'owner' });
  const [p] = await db.insert(products).values({ storeId: store!.id, slug: `p-${uid()}`, title: 'Poncho', price: 5000, currency: 'PEN', status: 'active' }).returning();
  const [v] = await db.insert(productVariants).values({ productId: p!.id, stock: 5 }).returning();
  return { owner, store: store!, product: p!, variant: v! };
}

const auditOf = (subject: string, action: string) => db.select().from(auditLog).where(and(eq(auditLog.subject, subject), eq(auditLog.action, action)));

describe('admin console', () => {
  it('suspending a store hides it from public pages and stops sales; restoring brings it back; both audited', async () => {
    const { api, admin } = await adminApi();
    const { store, variant } = await storeWithProduct();
    expect(await getStorePage({ db, input: { store: store.slug, page: 1, pageSize: 10 }, mediaUrl })).not.toBeNull();

    const bad = await rejectionOf(api.admin.suspendStore({ storeId: store.id, reason: 'x' }));
    expect(bad.code).toBe('BAD_REQUEST');
    await api.admin.suspendStore({ storeId: store.id, reason: 'Productos falsificados' });
    expect((await rejectionOf(api.admin.suspendStore({ storeId: store.id, reason: 'otra vez' }))).code).toBe('CONFLICT');
    expect(await getStorePage({ db, input: { store: store.slug, page: 1, pageSize: 10 }, mediaUrl })).toBeNull();
    const buyer = callerFor(db, await createTestUser(db));
    expect((await rejectionOf(buyer.cart.add({ variantId: variant.id, qty: 1 }))).code).not.toBe('INTERNAL_SERVER_ERROR');
    const [susp] = await db.select().from(storeSuspensions).where(eq(storeSuspensions.storeId, store.id));
    expect(susp).toMatchObject({ reason: 'Productos falsificados', suspendedBy: admin.id, restoredAt: null });
    const listed = await api.admin.stores({ q: store.slug, status: 'suspended' });
    expect(listed.map((s) => [s.id, s.suspensionReason])).toEqual([[store.id, 'Productos falsificados']]);

    await api.admin.restoreStore({ storeId: store.id });
    expect(await getStorePage({ db, input: { store: store.slug, page: 1, pageSize: 10 }, mediaUrl })).not.toBeNull();
    expect(await auditOf(`store:${store.id}`, 'admin.store_suspended')).toHaveLength(1);
    expect((await auditOf(`store:${store.id}`, 'admin.store_restored'))[0]!.actor).toBe(`admin:${admin.id}`);
  });

  it('reviews an In Review KYC case once: approve sets the store approved; a second decision is CONFLICT', async () => {
    const { api, admin } = await adminApi();
    const { store, owner } = await storeWithProduct();
    await db.update(stores).set({ kycStatus: 'pending' }).where(eq(stores.id, store.id));
    const [s] = await db
      .insert(kycSessions)
      .values({ storeId: store.id, userId: owner.id, kind: 'individual', providerSessionId: crypto.randomUUID(), sessionUrl: 'http://x/s', workflowId: 'w', status: 'In Review', decision: { id_verifications: [{ full_name: 'Ñusta Quispe', document_number: '123', warnings: [{ short_description: 'Posible duplicado' }] }] } })
      .returning();
    const q = await api.admin.kycQueue();
    expect(q.queue.find((x) => x.id === s!.id)).toMatchObject({ fullName: 'Ñusta Quispe', warnings: ['Posible duplicado'], ownerEmail: owner.email });

    const r = await api.admin.reviewKyc({ sessionId: s!.id, decision: 'approve', note: 'Documento correcto' });
    expect(r).toMatchObject({ status: 'Approved', storeKycStatus: 'approved' });
    expect((await db.select().from(kycSessions).where(eq(kycSessions.id, s!.id)))[0]).toMatchObject({ reviewedBy: admin.id, reviewNote: 'Documento correcto' });
    expect((await rejectionOf(api.admin.reviewKyc({ sessionId: s!.id, decision: 'decline' }))).code).toBe('CONFLICT');
    const [entry] = await auditOf(`store:${store.id}`, 'admin.kyc_review');
    expect(entry).toMatchObject({ actor: `admin:${admin.id}`, data: { from: 'In Review', to: 'Approved', note: 'Documento correcto' } });
    // Sellers and buyers are refused, and nothing changes.
    expect((await rejectionOf(callerFor(db, owner).admin.reviewKyc({ sessionId: s!.id, decision: 'decline' }))).code).toBe('FORBIDDEN');
  });

  it('curation: featuring a store and setting ranking weights (validated, audited)', async () => {
    const { api } = await adminApi();
    const { store, product } = await storeWithProduct();
    await api.admin.setFeatured({ kind: 'store', id: store.id, featured: 10 });
    await api.admin.setFeatured({ kind: 'product', id: product.id, featured: 5 });
    const f = await api.admin.featured();
    expect(f.stores.some((s) => s.id === store.id && s.featured === 10)).toBe(true);
    expect(f.products.some((p) => p.id === product.id && p.featured === 5)).toBe(true);
    expect((await rejectionOf(api.admin.setFeatured({ kind: 'store', id: crypto.randomUUID(), featured: 1 }))).code).toBe('NOT_FOUND');
    const bad = await rejectionOf(api.admin.setRankingWeights({ relevance: 9, sales: 0, recency: 0, verified: 0, featured: 0 }));
    expect(bad.code).toBe('BAD_REQUEST');
    const w = { relevance: 1, sales: 0.5, recency: 0.25, verified: 0.2, featured: 0.5 };
    expect(await api.admin.setRankingWeights(w)).toEqual(w);
    expect(await api.admin.rankingWeights()).toEqual(w);
    await api.admin.setRankingWeights(DEFAULT_WEIGHTS);
  });

  it('audit page reads newest first and the chain verifies', async () => {
    const { api } = await adminApi();
    const page = await api.admin.audit({ limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    for (let i = 1; i < page.items.length; i++) expect(page.items[i - 1]!.seq).toBeGreaterThan(page.items[i]!.seq);
    const v = await api.admin.verifyAudit();
    expect(v.ok).toBe(true);
  });
});
