import type { DbOrTx } from '../../db/client';
import type { Checkout } from '../../db/schema';

/**
 * Called by applyPaymentUpdate, inside its transaction, when a checkout of purpose 'subscription' is paid in full:
 * activates the period (or extends the current one), switches the user's plan, posts the ledger transaction and
 * queues the 'plan_activated' email. Idempotent per checkout.
 */
export async function activateSubscriptionPayment(_db: DbOrTx, _checkout: Checkout): Promise<void> {
  throw new Error('activateSubscriptionPayment: not implemented yet'); // TODO(session): billing work
}
