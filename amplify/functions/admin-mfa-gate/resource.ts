import { defineFunction } from '@aws-amplify/backend';

/**
 * Cognito pre-token-generation trigger: TOTP MFA is optional for everyone, but a member of `admins` without TOTP set
 * up gets no tokens (the sign-in fails with a message to enable it). With TOTP set up, Cognito challenges every
 * sign-in of that user, so admin sessions always passed MFA. Grouped with the auth stack, like post-confirmation.
 */
export const adminMfaGate = defineFunction({
  name: 'admin-mfa-gate',
  entry: './handler.ts',
  resourceGroupName: 'auth',
  timeoutSeconds: 5,
  memoryMB: 256,
});
