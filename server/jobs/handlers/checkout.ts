import type { JobHandlers } from '../handlers';

export const checkoutJobs: JobHandlers<'checkout.expire' | 'checkout.sweep' | 'funds.release'> = {} as never; // TODO(session): filled in by this domain's work
