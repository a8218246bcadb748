import { z } from 'zod';
import { cancelOrder } from '../services/orders/cancel-order';
import { fulfillOrder } from '../services/orders/fulfill-order';
import { getStoreOrder } from '../services/orders/get-store-order';
import { listStoreOrders } from '../services/orders/list-store-orders';
import { markDelivered } from '../services/orders/mark-delivered';
import { refundOrder } from '../services/orders/refund-order';
import { sellerActor, ZFulfillOrderInput, ZListStoreOrdersInput, ZOrderRef, ZRefundOrderInput } from '../services/orders/seller-order-schemas';
import { kickOutbox } from '../services/outbox/kick-outbox';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';
import { vmsg } from '../errors/validation';

/** Runs a state change, then sends the emails it queued right away instead of at the next minute's sweep. */
async function thenMail<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  await kickOutbox();
  return result;
}

// Every member of the store (owner, manager, staff) may ship, deliver and cancel (orders.fulfil): packing is often
// staff's job. Refunds move money: managers and owners (orders.refund).
export const sellerOrderRouter = createTRPCRouter({
  list: sellerProcedure.meta({ permission: 'orders.read' }).input(ZListStoreOrdersInput).query(({ ctx, input }) => listStoreOrders({ db: ctx.db, store: ctx.store, input })),

  get: sellerProcedure.meta({ permission: 'orders.read' }).input(ZOrderRef).query(({ ctx, input }) => getStoreOrder({ db: ctx.db, store: ctx.store, orderId: input.orderId })),

  fulfill: sellerProcedure.meta({ permission: 'orders.fulfil' })
    .input(ZFulfillOrderInput)
    .mutation(({ ctx, input }) => thenMail(fulfillOrder({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input }))),

  markDelivered: sellerProcedure.meta({ permission: 'orders.fulfil' })
    .input(ZOrderRef)
    .mutation(({ ctx, input }) => thenMail(markDelivered({ db: ctx.db, store: ctx.store, userId: ctx.user.id, orderId: input.orderId }))),

  cancel: sellerProcedure.meta({ permission: 'orders.fulfil' })
    .input(ZOrderRef.extend({ reason: z.string().trim().max(300, vmsg('maxChars', { maximum: 300 })).optional() }))
    .mutation(({ ctx, input }) =>
      thenMail(cancelOrder({ db: ctx.db, store: ctx.store, userId: ctx.user.id, orderId: input.orderId, reason: input.reason })),
    ),

  // Full or partial refund of a paid order (the lead's refundOrder: ledger, status, buyer email).
  refund: sellerProcedure.meta({ permission: 'orders.refund' })
    .input(ZRefundOrderInput)
    .mutation(({ ctx, input }) => thenMail(refundOrder({ db: ctx.db, store: ctx.store, actorUserId: sellerActor(ctx.user.id), input }))),
});
