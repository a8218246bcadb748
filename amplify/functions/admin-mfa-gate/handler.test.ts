import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { gateAdminMfa, MFA_REQUIRED_MESSAGE } from './handler';

const event = (groups: string[]) =>
  ({ userPoolId: 'us-east-1_x', userName: 'u-1', request: { groupConfiguration: { groupsToOverride: groups } } }) as unknown as PreTokenGenerationTriggerEvent;

describe('admin MFA gate (pre token generation)', () => {
  it('lets non-admins through without asking Cognito', async () => {
    let asked = false;
    await expect(gateAdminMfa(event(['sellers']), async () => ((asked = true), []))).resolves.toBeTruthy();
    expect(asked).toBe(false);
  });

  it('refuses an admin without TOTP and admits one with it', async () => {
    await expect(gateAdminMfa(event(['admins']), async () => ['SMS_MFA'])).rejects.toThrow(MFA_REQUIRED_MESSAGE);
    await expect(gateAdminMfa(event(['admins', 'sellers']), async () => ['SOFTWARE_TOKEN_MFA'])).resolves.toBeTruthy();
  });
});
