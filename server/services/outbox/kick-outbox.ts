import { enqueue } from '../../jobs/queue';
import { logger } from '../../log/logger';

/**
 * Call after the transaction that queued emails has committed: a sweep runs now and sends them within seconds
 * instead of at the next minute's cron. Never throws: if the queue is unreachable the cron sweep still sends them.
 */
export async function kickOutbox(): Promise<void> {
  try {
    await enqueue('outbox.sweep', {});
  } catch (err) {
    logger.warn({ err }, 'could not kick the outbox; the minute sweep will send');
  }
}
