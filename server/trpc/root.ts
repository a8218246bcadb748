import { accountRouter } from '../routers/account';
import { adminRouter } from '../routers/admin';
import { adminCommerceRouter } from '../routers/admin-commerce';
import { billingRouter } from '../routers/billing';
import { cartRouter } from '../routers/cart';
import { catalogRouter } from '../routers/catalog';
import { categoryRouter } from '../routers/category';
import { checkoutRouter } from '../routers/checkout';
import { commerceSettingsRouter } from '../routers/commerce-settings';
import { kycRouter } from '../routers/kyc';
import { mediaRouter } from '../routers/media';
import { orderRouter } from '../routers/order';
import { planRouter } from '../routers/plan';
import { productRouter } from '../routers/product';
import { pushRouter } from '../routers/push';
import { sellerOrderRouter } from '../routers/seller-order';
import { storeRouter } from '../routers/store';
import { teamRouter } from '../routers/team';
import { walletRouter } from '../routers/wallet';
import { chatRouter } from '../routers/chat';
import { inboxRouter } from '../routers/inbox';
import { liveRouter, liveSellerRouter } from '../routers/live';
import { crmRouter } from '../routers/crm';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  crm: crmRouter,
  live: liveRouter,
  liveSeller: liveSellerRouter,
  inbox: inboxRouter,
  chat: chatRouter,
  account: accountRouter,
  admin: adminRouter,
  adminCommerce: adminCommerceRouter,
  billing: billingRouter,
  cart: cartRouter,
  catalog: catalogRouter,
  category: categoryRouter,
  checkout: checkoutRouter,
  commerceSettings: commerceSettingsRouter,
  kyc: kycRouter,
  media: mediaRouter,
  order: orderRouter,
  plan: planRouter,
  product: productRouter,
  push: pushRouter,
  sellerOrder: sellerOrderRouter,
  store: storeRouter,
  team: teamRouter,
  wallet: walletRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
