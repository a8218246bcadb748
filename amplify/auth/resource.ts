import { defineAuth, secret } from '@aws-amplify/backend';
import { adminMfaGate } from '../functions/admin-mfa-gate/resource';
import { postConfirmation } from '../functions/post-confirmation/resource';

/** Replace with the production domain before the first production deploy. */
const PRODUCTION_ORIGIN = 'https://vita.example.com';

export const auth = defineAuth({
  loginWith: {
    email: true,
    externalProviders: {
      google: {
        clientId: secret('GOOGLE_CLIENT_ID'),
        clientSecret: secret('GOOGLE_CLIENT_SECRET'),
        scopes: ['email', 'profile', 'openid'],
        attributeMapping: { email: 'email' },
      },
      scopes: ['EMAIL', 'PROFILE', 'OPENID'],
      callbackUrls: ['http://localhost:3000/', `${PRODUCTION_ORIGIN}/`],
      logoutUrls: ['http://localhost:3000/', `${PRODUCTION_ORIGIN}/`],
    },
  },
  userAttributes: {
    email: { required: true, mutable: true },
  },
  multifactor: { mode: 'OPTIONAL', totp: true },
  accountRecovery: 'EMAIL_ONLY',
  // Order sets precedence (first = 0 = wins for the preferred IAM role): admins before sellers.
  groups: ['admins', 'sellers'],
  // TOTP stays optional for everyone; admins without it get no tokens (admin-mfa-gate).
  triggers: { postConfirmation, preTokenGeneration: adminMfaGate },
  access: (allow) => [allow.resource(adminMfaGate).to(['getUser'])],
});
