import { seller, type Matrix } from './format';

export const matrix: Matrix = {
  'kyc.status': seller('kyc', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'kyc.start': seller('kyc', (f) => ({ storeId: f.victim.storeId, kind: 'individual' })),
};
