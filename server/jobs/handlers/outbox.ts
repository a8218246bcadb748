import fs from 'node:fs';
import https from 'node:https';
import { getMailTransport } from '../../adapters/mail';
import { getMediaStorage } from '../../adapters/media';
import { getDb } from '../../db/client';
import { env } from '../../env';
import { isAppError } from '../../errors/app-error';
import { logger } from '../../log/logger';
import { deliverEmail } from '../../services/outbox/deliver-email';
import { findDueEmails } from '../../services/outbox/sweep-outbox';
import { deliverPush, findDuePush } from '../../services/push/deliver-push';
import { vapidKeys } from '../../services/push/vapid';
import { generateReceipt } from '../../services/receipts/generate-receipt';
import type { JobHandlers } from '../handlers';

let pushAgent: https.Agent | undefined | null = null;
/** Only when PUSH_CA_FILE is set (e2e: the local push service's self-signed certificate). */
function localPushAgent(): https.Agent | undefined {
  if (pushAgent === null) {
    const file = env().PUSH_CA_FILE;
    pushAgent = file ? new https.Agent({ ca: fs.readFileSync(file, 'utf8') }) : undefined;
  }
  return pushAgent;
}
import { enqueue } from '../queue';

export const outboxJobs: JobHandlers<'order.receipt' | 'outbox.deliver' | 'outbox.sweep'> = {
  'outbox.deliver': async ({ messageId }) => {
    const result = await deliverEmail({ db: getDb(), transport: getMailTransport(), messageId, appUrl: env().APP_URL });
    if (result.outcome === 'skipped') {
      // Not a pending email: maybe a push (Web Push to every device of the recipient).
      const push = await deliverPush({ db: getDb(), messageId, vapid: vapidKeys(), timeoutMs: env().PUSH_TIMEOUT_MS, agent: localPushAgent() });
      if (push.outcome === 'failed') logger.error({ messageId, error: push.error }, 'push given up');
      if (push.outcome === 'retry') throw new Error(`push ${messageId} not sent: ${push.error}`);
      return;
    }
    if (result.outcome === 'failed') logger.error({ messageId, error: result.error }, 'email given up');
    // Throwing hands the retry (with backoff) to pg-boss; the row keeps attempts and last_error.
    if (result.outcome === 'retry') throw new Error(`email ${messageId} not sent: ${result.error}`);
  },

  'outbox.sweep': async () => {
    const ids = [...(await findDueEmails({ db: getDb() })), ...(await findDuePush({ db: getDb() }))];
    for (const messageId of ids) {
      // One delivery job per message per minute however many sweeps run (cron + kicks); the row lock covers the rest.
      await enqueue('outbox.deliver', { messageId }, { singletonKey: `outbox:${messageId}`, singletonSeconds: 60, retryLimit: 5 });
    }
    if (ids.length) logger.info({ count: ids.length }, 'outbox messages handed to delivery');
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
