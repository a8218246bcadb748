import { getMediaStorage } from '../adapters/media';
import { ZGetBuyerOrderInput, ZListBuyerOrdersInput } from '../services/orders/buyer-order-schemas';
import { getBuyerOrder } from '../services/orders/get-buyer-order';
import { listBuyerOrders } from '../services/orders/list-buyer-orders';
import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc/init';

const mediaUrl = (key: string) => getMediaStorage().publicUrl(key);

/** The buyer's side of orders. A guest reaches one order with the checkout's access token. */
export const orderRouter = createTRPCRouter({
  list: authedProcedure.input(ZListBuyerOrdersInput).query(({ ctx, input }) => listBuyerOrders({ db: ctx.db, userId: ctx.user.id, input })),
  get: publicProcedure
    .input(ZGetBuyerOrderInput)
    .query(({ ctx, input }) => getBuyerOrder({ db: ctx.db, userId: ctx.user?.id ?? null, input, mediaUrl })),
});
