import crypto from 'node:crypto';
import { authed, noInput, open, type Matrix } from './format';

/** A syntactically valid subscription (an uncompressed P-256 point and a 16-byte auth secret), unique per call. */
function subscription() {
  const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const p256dh = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-65).toString('base64url');
  return { endpoint: `https://push.authz.vita/${crypto.randomUUID()}`, keys: { p256dh, auth: crypto.randomBytes(16).toString('base64url') } };
}

/** Web Push (server/routers/push.ts) and account settings (server/routers/account.ts): each acts on the caller only. */
export const matrix: Matrix = {
  'push.config': open(noInput),
  'push.subscribe': authed(subscription, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'push.unsubscribe': authed(() => ({ endpoint: subscription().endpoint }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'push.preferences': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'push.setPreferences': authed(() => ({ newOrder: true, newMessage: false, storeLive: true }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'account.setLocale': authed(() => ({ locale: 'es' }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
};
