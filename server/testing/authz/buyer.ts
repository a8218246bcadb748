import crypto from 'node:crypto';
import { authed, open, noInput, type Matrix } from './format';

const wrongToken = () => crypto.randomBytes(24).toString('hex');

/** Buyer-side procedures: catalogue, cart, checkout, the buyer's orders. */
export const matrix: Matrix = {
  'category.list': open(noInput),
  'catalog.categories': open(noInput),
  'catalog.search': open((f) => ({ store: f.victim.storeSlug })),
  'catalog.liveOffers': open((f) => ({ productIds: [f.victim.productId] })),

  // Each actor's own cart (guest token or user id); a public product may be put in anyone's cart.
  'cart.get': open(noInput),
  'cart.count': open(noInput),
  'cart.add': open((f) => ({ variantId: f.victim.variantId, qty: 1 })),
  'cart.setQty': open((f) => ({ variantId: f.victim.variantId, qty: 2 }), {
    expect: { anon: 'NOT_FOUND', buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' },
    note: 'the line is not in the caller’s cart',
  }),
  'cart.remove': open((f) => ({ variantId: f.victim.variantId })),

  'checkout.quote': open((f) => ({ stores: [{ storeId: f.victim.storeId, deliveryOptionId: f.victim.deliveryOptionId }] })),
  'checkout.create': open(
    (f) => ({
      idempotencyKey: crypto.randomUUID(),
      contact: { name: 'Intruso', email: 'intruso@authz.vita' },
      shippingAddress: { line1: 'Av. Siempre Viva 742', city: 'Lima', country: 'PE' },
      stores: [{ storeId: f.victim.storeId, deliveryOptionId: f.victim.deliveryOptionId }],
      expectedTotal: 0,
    }),
    { expect: { anon: 'BAD_REQUEST', buyer: 'BAD_REQUEST', otherSeller: 'BAD_REQUEST' }, note: 'the caller’s cart is empty' },
  ),
  'checkout.status': open((f) => ({ checkoutId: f.victim.checkoutId, token: wrongToken() }), {
    expect: { anon: 'NOT_FOUND', buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' },
  }),

  'order.list': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'order.get': open((f) => ({ orderId: f.victim.orderId, token: wrongToken() }), {
    expect: { anon: 'NOT_FOUND', buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' },
  }),
};
