import { seller, type Matrix } from './format';

export const matrix: Matrix = {
  'wallet.get': seller('payouts', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'wallet.requestPayout': seller('payouts', (f) => ({
    storeId: f.victim.storeId,
    amount: 2000,
    network: 'USDT-TRC20',
    address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8',
  })),
  'wallet.listPayouts': seller('payouts', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
};
