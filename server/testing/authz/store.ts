import crypto from 'node:crypto';
import { authed, seller, noInput, type Matrix } from './format';

export const matrix: Matrix = {
  'store.mine': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'store.get': seller('store.read', (f) => ({ storeId: f.victim.storeId })),
  'store.counts': seller('store.read', (f) => ({ storeId: f.victim.storeId })),
  'store.suggestSlug': authed((f) => ({ name: 'Tienda víctima', storeId: f.victim.storeId }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  // Anyone signed in opens their own store; the input names nothing of the victim's.
  // The other seller already has its one Free-plan store: FORBIDDEN by the plan limit, and nothing written.
  'store.create': authed(() => ({ name: 'Mi tienda', slug: `nueva-${crypto.randomBytes(4).toString('hex')}`, currency: 'PEN' }), {
    buyer: 'ALLOWED',
    otherSeller: 'FORBIDDEN',
  }),
  'store.update': seller('store.write', (f) => ({ storeId: f.victim.storeId, name: 'Tomada' })),
};
