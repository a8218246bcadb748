import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent, PreTokenGenerationTriggerHandler } from 'aws-lambda';

export const ADMIN_GROUP = 'admins';
export const MFA_REQUIRED_MESSAGE = 'MFA_REQUIRED: las cuentas de administración deben activar la verificación en dos pasos (TOTP).';

type MfaLookup = (userPoolId: string, username: string) => Promise<string[]>;

/** Refuses to issue tokens to an admin without TOTP; everyone else passes untouched. */
export async function gateAdminMfa(event: PreTokenGenerationTriggerEvent, mfaOf: MfaLookup): Promise<PreTokenGenerationTriggerEvent> {
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  if (!groups.includes(ADMIN_GROUP)) return event;
  const enabled = await mfaOf(event.userPoolId, event.userName);
  if (!enabled.includes('SOFTWARE_TOKEN_MFA')) throw new Error(MFA_REQUIRED_MESSAGE);
  return event;
}

const client = new CognitoIdentityProviderClient({});

export const handler: PreTokenGenerationTriggerHandler = (event) =>
  gateAdminMfa(event, async (UserPoolId, Username) => {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId, Username }), { abortSignal: AbortSignal.timeout(3_000) });
    return user.UserMFASettingList ?? [];
  });
