import { authed, noInput, type Matrix } from './format';

export const matrix: Matrix = {
  'plan.usage': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  // A checkout id of someone else's payment: the status answers about the caller's own plan, never that payment.
  'billing.status': authed((f) => ({ checkoutId: f.victim.checkoutId }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'billing.upgrade': authed(() => ({ locale: 'es' }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
};
