import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { adminMfaGate } from './functions/admin-mfa-gate/resource';
import { ivsEvents } from './functions/ivs-events/resource';
import { postConfirmation } from './functions/post-confirmation/resource';
import { addLivestream } from './livestream/resource';
import { storage } from './storage/resource';

const backend = defineBackend({ auth, storage, postConfirmation, ivsEvents, adminMfaGate });

// The app signs in with USER_PASSWORD_AUTH locally (cognito-local) and may in AWS too; keep Amplify's
// own flows (SRP, refresh) and add password auth next to them.
const { cfnUserPoolClient } = backend.auth.resources.cfnResources;
const existingFlows = Array.isArray(cfnUserPoolClient.explicitAuthFlows) ? cfnUserPoolClient.explicitAuthFlows : [];
cfnUserPoolClient.explicitAuthFlows = [...new Set([...existingFlows, 'ALLOW_USER_PASSWORD_AUTH'])];

// Live video (IVS): recording bucket + CDN, recording configuration, EventBridge rule → ivs-events, IVS permissions.
const live = addLivestream(backend.ivsEvents.resources.lambda);
backend.addOutput({
  custom: {
    ivsRecordingConfigurationArn: live.recording.attrArn,
    liveRecordingsBaseUrl: `https://${live.distribution.distributionDomainName}`,
    appIvsPolicyArn: live.appPolicy.managedPolicyArn,
  },
});
