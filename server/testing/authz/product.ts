import { seller, type Matrix } from './format';

const productRef = seller('products.write', (f) => ({ storeId: f.victim.storeId, productId: f.victim.productId }), {
  crossTenant: (f, own) => ({ storeId: own.storeId, productId: f.victim.productId }),
});

export const matrix: Matrix = {
  'product.list': seller('products.read', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'product.get': { ...productRef, permission: 'products.read' },
  'product.create': seller('products.write', (f) => ({
    storeId: f.victim.storeId,
    title: 'Producto intruso',
    price: 1000,
    currency: 'PEN',
    variants: [{ options: {}, stock: 1 }],
  })),
  'product.update': seller(
    'products.write',
    (f) => ({ storeId: f.victim.storeId, productId: f.victim.productId, title: 'Cambiado', price: 1, currency: 'PEN', variants: [{ id: f.victim.variantId, options: {}, stock: 0 }] }),
    {
      crossTenant: (f, own) => ({ storeId: own.storeId, productId: f.victim.productId, title: 'Cambiado', price: 1, currency: 'PEN', variants: [{ id: f.victim.variantId, options: {}, stock: 0 }] }),
    },
  ),
  'product.archive': productRef,
  'product.restore': productRef,
  'product.setStock': seller('products.write', (f) => ({ storeId: f.victim.storeId, variantId: f.victim.variantId, stock: 0 }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, variantId: f.victim.variantId, stock: 0 }),
  }),
};
