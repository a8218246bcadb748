import { admin, noInput, type Matrix } from './format';

export const matrix: Matrix = {
  'adminCommerce.commissionRules': admin(noInput),
  'adminCommerce.storeCommission': admin((f) => ({ storeId: f.victim.storeId })),
  'adminCommerce.setStoreCommission': admin((f) => ({ storeId: f.victim.storeId, ruleCode: 'free_default', reason: 'intruso' })),
};
