import { getDb } from '../../db/client';
import { logger } from '../../log/logger';
import { processKycEvent } from '../../services/kyc/process-kyc-event';
import { reconcileKyc } from '../../services/kyc/reconcile-kyc';
import type { JobHandlers } from '../handlers';

export const kycJobs: JobHandlers<'kyc.event' | 'kyc.reconcile'> = {
  'kyc.event': async ({ eventId }) => {
    const outcome = await processKycEvent({ db: getDb(), eventId });
    logger.debug({ eventId, outcome }, 'kyc event processed');
  },
  'kyc.reconcile': async () => {
    const result = await reconcileKyc({ db: getDb() });
    if (result.events || result.changed || result.failed) logger.info({ ...result }, 'kyc reconciled');
  },
};
