import type { JobHandlers } from '../handlers';

export const paymentJobs: JobHandlers<'payment.callback' | 'payment.reconcile' | 'payout.callback' | 'payout.reconcile'> = {} as never; // TODO(session): filled in by this domain's work
