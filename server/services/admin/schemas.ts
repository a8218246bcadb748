import { z } from 'zod';
import { vmsg } from '../../errors/validation';

export const ZListStoresInput = z.object({
  q: z.string().trim().max(100).default(''),
  status: z.enum(['all', 'active', 'suspended']).default('all'),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZSuspendStoreInput = z.object({
  storeId: z.string().uuid(),
  reason: z.string().trim().min(3, { message: vmsg('reasonMin') }).max(500, { message: vmsg('maxChars', { maximum: 500 }) }),
});
export const ZRestoreStoreInput = z.object({ storeId: z.string().uuid(), reason: z.string().trim().max(500).default('') });
export const ZListUsersInput = z.object({
  q: z.string().trim().max(100).default(''),
  status: z.enum(['all', 'active', 'suspended']).default('all'),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZReviewKycInput = z.object({
  sessionId: z.string().uuid(),
  decision: z.enum(['approve', 'decline'], { message: vmsg('chooseApproveDecline') }),
  note: z.string().trim().max(500, { message: vmsg('maxChars', { maximum: 500 }) }).default(''),
});
export const ZSetFeaturedInput = z.object({
  kind: z.enum(['store', 'product']),
  id: z.string().uuid(),
  /** 0 = not featured; higher shows first. */
  featured: z.number().int().min(0, { message: vmsg('between0and100') }).max(100, { message: vmsg('between0and100') }),
});
const weight = z.number({ message: vmsg('giveNumber') }).min(0, { message: vmsg('between0and5') }).max(5, { message: vmsg('between0and5') });
export const ZRankingWeights = z.object({ relevance: weight, sales: weight, recency: weight, verified: weight, featured: weight });
export const ZListPayoutsAdminInput = z.object({
  status: z.enum(['all', 'requested', 'processing', 'paid', 'failed', 'rejected']).default('all'),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZListAuditInput = z.object({
  beforeSeq: z.number().int().positive().optional(),
  action: z.string().trim().max(60).optional(),
  subject: z.string().trim().max(120).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ZSuspendUserInput = z.object({
  userId: z.string().min(1).max(128),
  reason: z.string().trim().min(3, { message: vmsg('reasonMin') }).max(500, { message: vmsg('maxChars', { maximum: 500 }) }),
});
export const ZRestoreUserInput = z.object({
  userId: z.string().min(1).max(128),
  reason: z.string().trim().min(3, { message: vmsg('reasonMin') }).max(500, { message: vmsg('maxChars', { maximum: 500 }) }),
});
