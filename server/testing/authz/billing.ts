import { authed, noInput, type Matrix } from './format';

export const matrix: Matrix = {
  'plan.usage': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  // A checkout id of someone else's payment: the status answers about the caller's own plan, never that payment.
  'billing.status': authed((f) => ({ checkoutId: f.victim.checkoutId }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  // Pro requires an identity-verified store (KYC): neither actor has one, so both are refused and nothing is written.
  'billing.upgrade': authed(() => ({ locale: 'es' }), { buyer: 'FORBIDDEN', otherSeller: 'FORBIDDEN' }),
};
