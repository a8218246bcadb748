import type { JobHandlers } from '../handlers';

export const billingJobs: JobHandlers<'subscriptions.sweep'> = {} as never; // TODO(session): filled in by this domain's work
