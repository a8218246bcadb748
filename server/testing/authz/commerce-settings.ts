import { seller, type Matrix } from './format';

const option = { kind: 'flat_rate', label: 'Intruso', price: 1 };
const coupon = { code: 'INTRUSO', kind: 'percent', value: 50 };

export const matrix: Matrix = {
  'commerceSettings.deliveryOptions': seller('delivery.manage', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'commerceSettings.createDeliveryOption': seller('delivery.manage', (f) => ({ storeId: f.victim.storeId, ...option })),
  'commerceSettings.updateDeliveryOption': seller('delivery.manage', (f) => ({ storeId: f.victim.storeId, optionId: f.victim.deliveryOptionId, ...option }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, optionId: f.victim.deliveryOptionId, ...option }),
  }),
  'commerceSettings.setDeliveryOptionActive': seller('delivery.manage', (f) => ({ storeId: f.victim.storeId, optionId: f.victim.deliveryOptionId, active: false }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, optionId: f.victim.deliveryOptionId, active: false }),
  }),
  'commerceSettings.deleteDeliveryOption': seller('delivery.manage', (f) => ({ storeId: f.victim.storeId, optionId: f.victim.deliveryOptionId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, optionId: f.victim.deliveryOptionId }),
  }),
  'commerceSettings.reorderDeliveryOptions': seller('delivery.manage', (f) => ({ storeId: f.victim.storeId, optionIds: [f.victim.deliveryOptionId] }), {
    // The other store's own option plus the victim's: a list naming a foreign option is refused as a whole.
    crossTenant: (f, own) => ({ storeId: own.storeId, optionIds: [own.deliveryOptionId, f.victim.deliveryOptionId] }),
    crossTenantExpect: 'CONFLICT',
  }),
  'commerceSettings.coupons': seller('coupons.manage', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'commerceSettings.createCoupon': seller('coupons.manage', (f) => ({ storeId: f.victim.storeId, ...coupon })),
  'commerceSettings.updateCoupon': seller('coupons.manage', (f) => ({ storeId: f.victim.storeId, couponId: f.victim.couponId, ...coupon }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, couponId: f.victim.couponId, ...coupon }),
  }),
  'commerceSettings.setCouponActive': seller('coupons.manage', (f) => ({ storeId: f.victim.storeId, couponId: f.victim.couponId, active: false }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, couponId: f.victim.couponId, active: false }),
  }),
  'commerceSettings.deleteCoupon': seller('coupons.manage', (f) => ({ storeId: f.victim.storeId, couponId: f.victim.couponId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, couponId: f.victim.couponId }),
  }),
};
