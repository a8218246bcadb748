import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coupons } from '../db/schema';
import { listStoreDeliveryOptions, deliveryFee } from '../services/commerce-settings/list-delivery-options';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();
let n = 0;
const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

async function sellerWithStore() {
  const user = await createTestUser(db);
  const api = callerFor(db, user);
  const store = await api.store.create({ name: 'Tejidos Quispe', slug: uniqueSlug('cs'), currency: 'PEN' });
  return { user, api, store };
}

describe('delivery options', () => {
  it('creates each kind, lists them in order and exposes only active ones to checkout', async () => {
    const { api, store } = await sellerWithStore();
    const flat = await api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'flat_rate', label: 'Lima', price: 1000 });
    const free = await api.commerceSettings.createDeliveryOption({
      storeId: store.id,
      kind: 'free_over',
      label: 'Provincias',
      price: 1500,
      freeOver: 20000,
    });
    const pickup = await api.commerceSettings.createDeliveryOption({
      storeId: store.id,
      kind: 'pickup',
      label: 'Recojo en taller',
      details: 'Jr. Cusco 123, lun–sáb 10–18 h',
      active: false,
    });
    expect([flat.position, free.position, pickup.position]).toEqual([0, 1, 2]);
    expect(pickup.price).toBe(0);
    expect(free.freeOver).toBe(20000);

    const all = await api.commerceSettings.deliveryOptions({ storeId: store.id });
    expect(all.map((o) => o.label)).toEqual(['Lima', 'Provincias', 'Recojo en taller']);
    const publicOnes = await listStoreDeliveryOptions(db, store.id);
    expect(publicOnes.map((o) => o.id)).toEqual([flat.id, free.id]);

    expect(deliveryFee(free, 19999)).toBe(1500);
    expect(deliveryFee(free, 20000)).toBe(0);
    expect(deliveryFee(pickup, 100)).toBe(0);
    expect(deliveryFee(flat, 1_000_000)).toBe(1000);
  });

  it('rejects missing fields per kind with field messages', async () => {
    const { api, store } = await sellerWithStore();
    const noThreshold = await rejectionOf(
      api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'free_over', label: 'X', price: -1 } as never),
    );
    expect(noThreshold.code).toBe('BAD_REQUEST');
    const pickup = await rejectionOf(api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'pickup', label: 'Recojo', details: '' }));
    expect(pickup.code).toBe('BAD_REQUEST');
    expect(await api.commerceSettings.deliveryOptions({ storeId: store.id })).toEqual([]);
  });

  it('edits (clearing fields the new kind does not use), toggles, reorders and deletes', async () => {
    const { api, store } = await sellerWithStore();
    const a = await api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'free_over', label: 'Opción A', price: 900, freeOver: 10000 });
    const b = await api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'flat_rate', label: 'Opción B', price: 500 });
    const edited = await api.commerceSettings.updateDeliveryOption({ storeId: store.id, optionId: a.id, kind: 'flat_rate', label: 'Opción A2', price: 700 });
    expect(edited).toMatchObject({ kind: 'flat_rate', label: 'Opción A2', price: 700, freeOver: null });

    const off = await api.commerceSettings.setDeliveryOptionActive({ storeId: store.id, optionId: b.id, active: false });
    expect(off.active).toBe(false);

    const reordered = await api.commerceSettings.reorderDeliveryOptions({ storeId: store.id, optionIds: [b.id, a.id] });
    expect(reordered.map((o) => o.id)).toEqual([b.id, a.id]);
    const stale = await rejectionOf(api.commerceSettings.reorderDeliveryOptions({ storeId: store.id, optionIds: [a.id] }));
    expect(stale.code).toBe('CONFLICT');

    await api.commerceSettings.deleteDeliveryOption({ storeId: store.id, optionId: a.id });
    expect((await api.commerceSettings.deliveryOptions({ storeId: store.id })).map((o) => o.id)).toEqual([b.id]);
  });

  it("never reaches another store's options", async () => {
    const { api, store } = await sellerWithStore();
    const option = await api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'flat_rate', label: 'Lima', price: 1000 });
    const other = await sellerWithStore();
    // Own store id with a foreign option id: NOT_FOUND, nothing changed.
    const err = await rejectionOf(
      other.api.commerceSettings.updateDeliveryOption({ storeId: other.store.id, optionId: option.id, kind: 'flat_rate', label: 'Hack', price: 1 }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect((await rejectionOf(other.api.commerceSettings.deleteDeliveryOption({ storeId: other.store.id, optionId: option.id }))).code).toBe('NOT_FOUND');
    // Foreign store id: the membership check answers NOT_FOUND.
    expect((await rejectionOf(other.api.commerceSettings.deliveryOptions({ storeId: store.id }))).code).toBe('NOT_FOUND');
    expect((await api.commerceSettings.deliveryOptions({ storeId: store.id }))[0]).toMatchObject({ label: 'Lima', price: 1000 });
  });
});

describe('coupons', () => {
  it('upper-cases codes and keeps them unique per store (not across stores)', async () => {
    const { api, store } = await sellerWithStore();
    const c = await api.commerceSettings.createCoupon({ storeId: store.id, code: ' bienvenida10 ', kind: 'percent', value: 10 });
    expect(c).toMatchObject({ code: 'BIENVENIDA10', kind: 'percent', value: 10, minAmount: 0, usageLimit: null, active: true });
    const dup = await rejectionOf(api.commerceSettings.createCoupon({ storeId: store.id, code: 'Bienvenida10', kind: 'fixed', value: 500 }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.cause?.fields?.code).toMatch(/Ya existe/);
    const other = await sellerWithStore();
    await expect(other.api.commerceSettings.createCoupon({ storeId: other.store.id, code: 'BIENVENIDA10', kind: 'percent', value: 5 })).resolves.toBeTruthy();
  });

  it('validates percent range, code characters, limits and expiry', async () => {
    const { api, store } = await sellerWithStore();
    const pct = await rejectionOf(api.commerceSettings.createCoupon({ storeId: store.id, code: 'MUCHO', kind: 'percent', value: 101 }));
    expect(pct.code).toBe('BAD_REQUEST');
    const bad = await rejectionOf(api.commerceSettings.createCoupon({ storeId: store.id, code: 'ñandú 10', kind: 'percent', value: 0, usageLimit: 0 }));
    expect(bad.code).toBe('BAD_REQUEST');
    const past = await rejectionOf(
      api.commerceSettings.createCoupon({ storeId: store.id, code: 'AYER', kind: 'fixed', value: 500, expiresAt: new Date(Date.now() - 60_000) }),
    );
    expect(past.code).toBe('BAD_REQUEST');
    expect(past.cause?.fields?.expiresAt).toBe('La fecha ya pasó.');
    expect(await api.commerceSettings.coupons({ storeId: store.id })).toEqual([]);
  });

  it('cannot lower the usage limit below the uses already made', async () => {
    const { api, store } = await sellerWithStore();
    const c = await api.commerceSettings.createCoupon({ storeId: store.id, code: 'LIMITE', kind: 'fixed', value: 500, usageLimit: 10 });
    await db.update(coupons).set({ usedCount: 4 }).where(eq(coupons.id, c.id));
    const base = { storeId: store.id, couponId: c.id, code: 'LIMITE', kind: 'fixed' as const, value: 500 };
    const err = await rejectionOf(api.commerceSettings.updateCoupon({ ...base, usageLimit: 3 }));
    expect(err.code).toBe('CONFLICT');
    expect(err.cause?.fields?.usageLimit).toMatch(/4 veces/);
    const ok = await api.commerceSettings.updateCoupon({ ...base, usageLimit: 4, minAmount: 5000 });
    expect(ok).toMatchObject({ usageLimit: 4, usedCount: 4, minAmount: 5000 });
    const unlimited = await api.commerceSettings.updateCoupon({ ...base, usageLimit: null });
    expect(unlimited.usageLimit).toBeNull();
  });

  it('toggles, deletes, and hides coupons from other stores', async () => {
    const { api, store } = await sellerWithStore();
    const c = await api.commerceSettings.createCoupon({ storeId: store.id, code: 'VERANO', kind: 'percent', value: 15, expiresAt: new Date(Date.now() + 86_400_000) });
    expect((await api.commerceSettings.setCouponActive({ storeId: store.id, couponId: c.id, active: false })).active).toBe(false);
    const other = await sellerWithStore();
    expect((await rejectionOf(other.api.commerceSettings.deleteCoupon({ storeId: other.store.id, couponId: c.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(other.api.commerceSettings.coupons({ storeId: store.id }))).code).toBe('NOT_FOUND');
    await api.commerceSettings.deleteCoupon({ storeId: store.id, couponId: c.id });
    expect(await api.commerceSettings.coupons({ storeId: store.id })).toEqual([]);
  });
});
