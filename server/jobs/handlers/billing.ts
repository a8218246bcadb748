import { getDb } from '../../db/client';
import { logger } from '../../log/logger';
import { sweepSubscriptions } from '../../services/billing/sweep-subscriptions';
import type { JobHandlers } from '../handlers';

export const billingJobs: JobHandlers<'subscriptions.sweep'> = {
  'subscriptions.sweep': async () => {
    const result = await sweepSubscriptions({ db: getDb() });
    if (result.cancelled || result.expired || result.reminded) logger.info({ ...result }, 'subscriptions swept');
  },
};
