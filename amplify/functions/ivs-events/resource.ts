import { defineFunction, secret } from '@aws-amplify/backend';

/**
 * Receives Amazon IVS EventBridge events ("IVS Stream State Change", "IVS Recording State Change") and updates the
 * show they concern (live / ended / replay ready). Grouped into the `livestream` stack, where backend.ts adds the
 * EventBridge rule, the recording bucket and the recording configuration, so nothing references across stacks.
 */
export const ivsEvents = defineFunction({
  name: 'ivs-events',
  entry: './handler.ts',
  resourceGroupName: 'livestream',
  timeoutSeconds: 30,
  memoryMB: 512,
  environment: {
    DATABASE_URL: secret('DATABASE_URL'),
  },
});
