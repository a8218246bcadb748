import { z } from 'zod';
import { listCoupons } from '../services/commerce-settings/list-coupons';
import { listDeliveryOptions } from '../services/commerce-settings/list-delivery-options';
import {
  ZCouponRef,
  ZCreateCouponInput,
  ZCreateDeliveryOptionInput,
  ZDeliveryOptionRef,
  ZReorderDeliveryOptionsInput,
  ZSetCouponActiveInput,
  ZSetDeliveryOptionActiveInput,
  ZUpdateCouponInput,
  ZUpdateDeliveryOptionInput,
} from '../services/commerce-settings/schemas';
import { createCoupon, deleteCoupon, setCouponActive, updateCoupon } from '../services/commerce-settings/write-coupon';
import {
  createDeliveryOption,
  deleteDeliveryOption,
  reorderDeliveryOptions,
  setDeliveryOptionActive,
  updateDeliveryOption,
} from '../services/commerce-settings/write-delivery-option';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';

const ZStoreRef = z.object({ storeId: z.string().uuid() });

export const commerceSettingsRouter = createTRPCRouter({
  deliveryOptions: sellerProcedure.meta({ permission: 'delivery.manage' }).input(ZStoreRef).query(({ ctx }) => listDeliveryOptions({ db: ctx.db, store: ctx.store })),
  createDeliveryOption: sellerProcedure.meta({ permission: 'delivery.manage' })
    .input(ZCreateDeliveryOptionInput)
    .mutation(({ ctx, input }) => createDeliveryOption({ db: ctx.db, store: ctx.store, input })),
  updateDeliveryOption: sellerProcedure.meta({ permission: 'delivery.manage' })
    .input(ZUpdateDeliveryOptionInput)
    .mutation(({ ctx, input }) => updateDeliveryOption({ db: ctx.db, store: ctx.store, input })),
  setDeliveryOptionActive: sellerProcedure.meta({ permission: 'delivery.manage' })
    .input(ZSetDeliveryOptionActiveInput)
    .mutation(({ ctx, input }) => setDeliveryOptionActive({ db: ctx.db, store: ctx.store, optionId: input.optionId, active: input.active })),
  deleteDeliveryOption: sellerProcedure.meta({ permission: 'delivery.manage' })
    .input(ZDeliveryOptionRef)
    .mutation(({ ctx, input }) => deleteDeliveryOption({ db: ctx.db, store: ctx.store, optionId: input.optionId })),
  reorderDeliveryOptions: sellerProcedure.meta({ permission: 'delivery.manage' })
    .input(ZReorderDeliveryOptionsInput)
    .mutation(({ ctx, input }) => reorderDeliveryOptions({ db: ctx.db, store: ctx.store, input })),

  coupons: sellerProcedure.meta({ permission: 'coupons.manage' }).input(ZStoreRef).query(({ ctx }) => listCoupons({ db: ctx.db, store: ctx.store })),
  createCoupon: sellerProcedure.meta({ permission: 'coupons.manage' }).input(ZCreateCouponInput).mutation(({ ctx, input }) => createCoupon({ db: ctx.db, store: ctx.store, input })),
  updateCoupon: sellerProcedure.meta({ permission: 'coupons.manage' }).input(ZUpdateCouponInput).mutation(({ ctx, input }) => updateCoupon({ db: ctx.db, store: ctx.store, input })),
  setCouponActive: sellerProcedure.meta({ permission: 'coupons.manage' })
    .input(ZSetCouponActiveInput)
    .mutation(({ ctx, input }) => setCouponActive({ db: ctx.db, store: ctx.store, couponId: input.couponId, active: input.active })),
  deleteCoupon: sellerProcedure.meta({ permission: 'coupons.manage' }).input(ZCouponRef).mutation(({ ctx, input }) => deleteCoupon({ db: ctx.db, store: ctx.store, couponId: input.couponId })),
});
