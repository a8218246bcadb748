import crypto from 'node:crypto';
import { seller, type Matrix } from './format';

const ship = { carrier: 'Olva', trackingNumber: 'OLV-999', trackingUrl: 'https://tracking.olvacourier.com/?id=OLV-999' };

export const matrix: Matrix = {
  'sellerOrder.list': seller('orders.read', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'sellerOrder.get': seller('orders.read', (f) => ({ storeId: f.victim.storeId, orderId: f.victim.orderId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, orderId: f.victim.orderId }),
  }),
  'sellerOrder.fulfill': seller('orders.fulfil', (f) => ({ storeId: f.victim.storeId, orderId: f.victim.orderId, ...ship }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, orderId: f.victim.orderId, ...ship }),
  }),
  'sellerOrder.markDelivered': seller('orders.fulfil', (f) => ({ storeId: f.victim.storeId, orderId: f.victim.orderId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, orderId: f.victim.orderId }),
  }),
  'sellerOrder.cancel': seller('orders.fulfil', (f) => ({ storeId: f.victim.storeId, orderId: f.victim.orderId, reason: 'x' }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, orderId: f.victim.orderId }),
  }),
  'sellerOrder.refund': seller('orders.refund', (f) => ({ storeId: f.victim.storeId, orderId: f.victim.orderId, amount: 100, reason: 'x', idempotencyKey: crypto.randomUUID() }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, orderId: f.victim.orderId, amount: 100, reason: 'x', idempotencyKey: crypto.randomUUID() }),
  }),
};
