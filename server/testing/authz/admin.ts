import { admin, noInput, type Matrix } from './format';

/** Admin console: everyone but the `admins` group is refused, and nothing changes (suspend/review/curation included). */
export const matrix: Matrix = {
  'admin.stores': admin(() => ({})),
  'admin.suspendStore': admin((f) => ({ storeId: f.victim.storeId, reason: 'intento de intruso' })),
  'admin.restoreStore': admin((f) => ({ storeId: f.victim.storeId })),
  'admin.users': admin(() => ({})),
  'admin.suspendUser': admin((f) => ({ userId: f.victim.owner.id, reason: 'intento de intruso' })),
  'admin.restoreUser': admin((f) => ({ userId: f.victim.owner.id, reason: 'intento de intruso' })),
  'admin.kycQueue': admin(noInput),
  'admin.reviewKyc': admin(() => ({ sessionId: '00000000-0000-4000-8000-000000000000', decision: 'approve' })),
  'admin.featured': admin(noInput),
  'admin.setFeatured': admin((f) => ({ kind: 'store', id: f.victim.storeId, featured: 99 })),
  'admin.rankingWeights': admin(noInput),
  'admin.setRankingWeights': admin(() => ({ relevance: 5, sales: 5, recency: 5, verified: 5, featured: 5 })),
  'admin.payouts': admin(() => ({})),
  'admin.audit': admin(() => ({})),
  'admin.verifyAudit': admin(noInput),
};
