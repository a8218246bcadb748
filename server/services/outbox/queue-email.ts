import type { DbOrTx } from '../../db/client';
import { outbox } from '../../db/schema';
import { parseEmailData } from './templates';

/** Templates the outbox knows how to render (server/services/outbox/templates). */
export type EmailTemplate =
  | 'order_placed' //      to the buyer: order received, waiting for payment (with the pay link)
  | 'order_paid' //        to the buyer: payment confirmed (receipt link)
  | 'order_paid_seller' // to the store's owner: new paid order
  | 'order_shipped' //     to the buyer: carrier and tracking
  | 'order_delivered' //   to the buyer
  | 'order_refunded' //    to the buyer
  | 'order_expired' //     to the buyer: payment window passed
  | 'payment_review' //    to the store's owner: a payment needs a person (amount mismatch, late)
  | 'payout_update' //     to the store's owner: payout paid / failed
  | 'plan_activated' //    to the seller: Pro active until …
  | 'plan_renewal_reminder' //
  | 'plan_downgraded' //   Pro lapsed: back on Free, what became read-only
  | 'live_started' //      to a follower: a followed store went live
  | 'chat_unread' //       to a buyer or a store owner: chat messages left unread for a few minutes
  | 'team_invitation'; //  to an invited person: join a store's team (personal, expiring link)

/**
 * Records an email to send, in the caller's transaction: it is sent only if the change it announces commits, and
 * `dedupeKey` (e.g. `order_paid:<orderId>`) makes it one email however often the caller runs. Delivery is the
 * outbox job's business (SES in the cloud, the dev mail viewer locally).
 */
export async function queueEmail(
  db: DbOrTx,
  msg: { to: string; template: EmailTemplate; locale?: string; data: Record<string, unknown>; dedupeKey: string },
): Promise<void> {
  // A caller's bad data fails here, in its own transaction and tests, not minutes later in the delivery job.
  parseEmailData(msg.template, msg.data);
  await db
    .insert(outbox)
    .values({ kind: 'email', to: msg.to, template: msg.template, locale: msg.locale ?? 'es', data: msg.data, dedupeKey: msg.dedupeKey })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}
