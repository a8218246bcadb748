import type { JobHandlers } from '../handlers';

export const outboxJobs: JobHandlers<'order.receipt' | 'outbox.deliver' | 'outbox.sweep'> = {} as never; // TODO(session): filled in by this domain's work
