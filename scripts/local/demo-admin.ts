import crypto from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export type DemoAdmin = { email: string; password: string };

export function newDemoAdmin(): DemoAdmin {
  // Meets Cognito's default policy: upper, lower, digit, symbol, ≥ 8.
  return { email: 'admin@vita.local', password: `Adm-${crypto.randomBytes(9).toString('base64url')}9a!` };
}

/**
 * The local admin account (Cognito group `admins`) for the admin console at /admin, created idempotently in the
 * emulator with a password generated into .data/secrets.json. Local only: the cloud has no such account.
 */
export async function ensureDemoAdmin(opts: { endpoint: string; userPoolId: string; admin: DemoAdmin }): Promise<void> {
  const client = new CognitoIdentityProviderClient({ endpoint: opts.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const { userPoolId: UserPoolId, admin } = opts;
  await client
    .send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: admin.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: admin.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Administración VITA' },
        ],
      }),
    )
    .catch((err: Error) => {
      if (err.name !== 'UsernameExistsException') throw err;
    });
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: admin.email, Password: admin.password, Permanent: true }));
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: admin.email, GroupName: 'admins' }));
}
