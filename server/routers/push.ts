import { ZPushEndpoint, ZPushPreferences, ZPushSubscription } from '../services/push/schemas';
import { countSubscriptions, getPushPreferences, setPushPreferences, subscribePush, unsubscribePush } from '../services/push/subscriptions';
import { registerPushTriggers } from '../services/push/triggers';
import { vapidKeys } from '../services/push/vapid';
import { getDb } from '../db/client';
import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc/init';

// New chat messages → push (the chat domain's after-commit hook); loaded with the tRPC router in every server process.
registerPushTriggers(getDb);

/** Web Push: the VAPID public key for the browser, this person's devices and what they want to hear about. */
export const pushRouter = createTRPCRouter({
  /** `null` when push is not configured on this server (the UI then hides the switch). */
  config: publicProcedure.query(() => ({ publicKey: vapidKeys()?.publicKey ?? null })),
  subscribe: authedProcedure.input(ZPushSubscription).mutation(({ ctx, input }) => subscribePush(ctx.db, ctx.user.id, input)),
  unsubscribe: authedProcedure.input(ZPushEndpoint).mutation(({ ctx, input }) => unsubscribePush(ctx.db, ctx.user.id, input.endpoint)),
  preferences: authedProcedure.query(async ({ ctx }) => ({
    ...(await getPushPreferences(ctx.db, ctx.user.id)),
    devices: await countSubscriptions(ctx.db, ctx.user.id),
  })),
  setPreferences: authedProcedure.input(ZPushPreferences).mutation(({ ctx, input }) => setPushPreferences(ctx.db, ctx.user.id, input)),
});
