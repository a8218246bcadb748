import { getDb } from '../../db/client';
import { logger } from '../../log/logger';
import { expireCheckoutIfDue, overdueCheckouts } from '../../services/checkout/expire-checkout';
import { releaseDueFunds } from '../../services/orders/release-funds';
import { paidOrdersWithoutReceipt } from '../../services/receipts/orders-without-receipt';
import type { JobHandlers } from '../handlers';
import { enqueue } from '../queue';

export const checkoutJobs: JobHandlers<'checkout.expire' | 'checkout.sweep' | 'funds.release'> = {
  'checkout.expire': async ({ checkoutId }) => {
    const result = await expireCheckoutIfDue({ db: getDb(), checkoutId });
    logger.info({ checkoutId, result }, 'checkout expiry checked');
  },

  /** Re-drives what a crash or a lost enqueue may have left behind: overdue checkouts, paid orders without receipt. */
  'checkout.sweep': async () => {
    const db = getDb();
    for (const checkoutId of await overdueCheckouts({ db })) {
      try {
        await expireCheckoutIfDue({ db, checkoutId });
      } catch (err) {
        logger.error({ err, checkoutId }, 'checkout expiry failed; next sweep retries');
      }
    }
    for (const orderId of await paidOrdersWithoutReceipt(db, new Date(Date.now() - 120_000))) {
      await enqueue('order.receipt', { orderId }, { singletonKey: `receipt:${orderId}` });
    }
  },

  'funds.release': async () => {
    const released = await releaseDueFunds({ db: getDb() });
    if (released) logger.info({ released }, 'seller funds released');
  },
};
