import { getMailTransport } from '../../adapters/mail';
import { getMediaStorage } from '../../adapters/media';
import { getDb } from '../../db/client';
import { env } from '../../env';
import { isAppError } from '../../errors/app-error';
import { logger } from '../../log/logger';
import { deliverEmail } from '../../services/outbox/deliver-email';
import { findDueEmails } from '../../services/outbox/sweep-outbox';
import { generateReceipt } from '../../services/receipts/generate-receipt';
import type { JobHandlers } from '../handlers';
import { enqueue } from '../queue';

export const outboxJobs: JobHandlers<'order.receipt' | 'outbox.deliver' | 'outbox.sweep'> = {
  'outbox.deliver': async ({ messageId }) => {
    const result = await deliverEmail({ db: getDb(), transport: getMailTransport(), messageId, appUrl: env().APP_URL });
    if (result.outcome === 'failed') logger.error({ messageId, error: result.error }, 'email given up');
    // Throwing hands the retry (with backoff) to pg-boss; the row keeps attempts and last_error.
    if (result.outcome === 'retry') throw new Error(`email ${messageId} not sent: ${result.error}`);
  },

  'outbox.sweep': async () => {
    const ids = await findDueEmails({ db: getDb() });
    for (const messageId of ids) {
      // One delivery job per message per minute however many sweeps run (cron + kicks); the row lock covers the rest.
      await enqueue('outbox.deliver', { messageId }, { singletonKey: `outbox:${messageId}`, singletonSeconds: 60, retryLimit: 5 });
    }
    if (ids.length) logger.info({ count: ids.length }, 'outbox emails handed to delivery');
  },

  'order.receipt': async ({ orderId }) => {
    try {
      const result = await generateReceipt({ db: getDb(), storage: getMediaStorage(), orderId });
      logger.info({ orderId, key: result.key, created: result.created }, 'receipt ready');
    } catch (err) {
      // An unknown or unpaid order will not change by retrying this job; the sweep asks again once it is paid.
      if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'CONFLICT')) {
        logger.warn({ orderId, err: err.message }, 'no receipt for this order');
        return;
      }
      throw err;
    }
  },
};
