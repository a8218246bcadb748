import { defineFunction, secret } from '@aws-amplify/backend';

/**
 * Cognito post-confirmation trigger: creates the user's profile row in PostgreSQL.
 * Grouped with the auth stack (it is only ever invoked by the user pool), which keeps the
 * auth <-> function references inside one nested stack.
 */
export const postConfirmation = defineFunction({
  name: 'post-confirmation',
  entry: './handler.ts',
  resourceGroupName: 'auth',
  // Cognito gives a trigger 5 s; the handler bounds its own work below that, this is only a backstop.
  timeoutSeconds: 10,
  memoryMB: 256,
  environment: {
    DATABASE_URL: secret('DATABASE_URL'),
  },
});
