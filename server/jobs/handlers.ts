import { getDb } from '../db/client';
import { processPendingMedia } from '../services/media/process-pending-media';
import { billingJobs } from './handlers/billing';
import { chatJobs } from './handlers/chat';
import { checkoutJobs } from './handlers/checkout';
import { kycJobs } from './handlers/kyc';
import { outboxJobs } from './handlers/outbox';
import { paymentJobs } from './handlers/payments';
import { enqueue, type JobName } from './queue';
import type { JobHandler } from './worker';

export type JobHandlers<N extends JobName> = { [K in N]: JobHandler<K> };

/** Registry of job handlers, one per job name; each domain keeps its own in server/jobs/handlers/. */
export const handlers: JobHandlers<JobName> = {
  'media.process': async ({ mediaId }) => {
    const result = await processPendingMedia({ db: getDb(), mediaId });
    // Bytes not there yet: look once more when the upload is given up on.
    if (result.outcome === 'waiting') await enqueue('media.process', { mediaId }, { startAfter: result.retryAt });
  },
  ...paymentJobs,
  ...checkoutJobs,
  ...outboxJobs,
  ...billingJobs,
  ...chatJobs,
  ...kycJobs,
};

/** Recurring sweeps (cron, UTC). A sweep is safe to run at any time and any number of times. */
export const schedules: { name: JobName; cron: string }[] = [
  { name: 'payment.reconcile', cron: '* * * * *' },
  { name: 'payout.reconcile', cron: '*/5 * * * *' },
  { name: 'checkout.sweep', cron: '* * * * *' },
  { name: 'funds.release', cron: '*/10 * * * *' },
  { name: 'outbox.sweep', cron: '* * * * *' },
  { name: 'subscriptions.sweep', cron: '0 * * * *' },
  { name: 'realtime.prune', cron: '17 3 * * *' },
  { name: 'kyc.reconcile', cron: '*/2 * * * *' },
];
