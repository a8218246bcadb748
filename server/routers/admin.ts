import { assertRecentSignIn } from '../auth/recent-auth';
import { revalidateMarketplace, revalidateStorefront } from '../cache/revalidate';
import { listFeatured, getRankingWeights, setFeatured, setRankingWeights } from '../services/admin/curation';
import { listKycQueue, reviewKycSession } from '../services/admin/kyc-review';
import { listAudit, listPayoutsAdmin, verifyAudit } from '../services/admin/payouts-audit';
import {
  ZListAuditInput,
  ZListPayoutsAdminInput,
  ZListStoresInput,
  ZListUsersInput,
  ZRankingWeights,
  ZRestoreStoreInput,
  ZRestoreUserInput,
  ZReviewKycInput,
  ZSetFeaturedInput,
  ZSuspendStoreInput,
  ZSuspendUserInput,
} from '../services/admin/schemas';
import { listStoresAdmin, listUsersAdmin, restoreStore, suspendStore } from '../services/admin/stores';
import { restoreUser, suspendUser } from '../services/admin/users';
import { adminProcedure, createTRPCRouter } from '../trpc/init';

/** The admin console (Cognito group `admins`). Every change is audited by its service. */
export const adminRouter = createTRPCRouter({
  stores: adminProcedure.input(ZListStoresInput).query(({ ctx, input }) => listStoresAdmin({ db: ctx.db, input })),
  suspendStore: adminProcedure.input(ZSuspendStoreInput).mutation(async ({ ctx, input }) => {
    const s = await suspendStore({ db: ctx.db, adminId: ctx.user.id, input });
    revalidateStorefront({ storeSlug: s.slug });
    return s;
  }),
  restoreStore: adminProcedure.input(ZRestoreStoreInput).mutation(async ({ ctx, input }) => {
    const s = await restoreStore({ db: ctx.db, adminId: ctx.user.id, input });
    revalidateStorefront({ storeSlug: s.slug });
    return s;
  }),
  users: adminProcedure.input(ZListUsersInput).query(({ ctx, input }) => listUsersAdmin({ db: ctx.db, input })),
  suspendUser: adminProcedure.input(ZSuspendUserInput).mutation(async ({ ctx, input }) => {
    assertRecentSignIn(ctx.user);
    const r = await suspendUser({ db: ctx.db, adminId: ctx.user.id, input });
    for (const storeSlug of r.storeSlugs) revalidateStorefront({ storeSlug });
    return r;
  }),
  restoreUser: adminProcedure.input(ZRestoreUserInput).mutation(async ({ ctx, input }) => {
    assertRecentSignIn(ctx.user);
    const r = await restoreUser({ db: ctx.db, adminId: ctx.user.id, input });
    for (const storeSlug of r.storeSlugs) revalidateStorefront({ storeSlug });
    return r;
  }),

  kycQueue: adminProcedure.query(({ ctx }) => listKycQueue({ db: ctx.db })),
  reviewKyc: adminProcedure.input(ZReviewKycInput).mutation(async ({ ctx, input }) => {
    const r = await reviewKycSession({ db: ctx.db, adminId: ctx.user.id, input });
    revalidateStorefront({ storeSlug: r.storeSlug });
    return r;
  }),

  featured: adminProcedure.query(({ ctx }) => listFeatured({ db: ctx.db })),
  setFeatured: adminProcedure.input(ZSetFeaturedInput).mutation(async ({ ctx, input }) => {
    const r = await setFeatured({ db: ctx.db, adminId: ctx.user.id, input });
    if (r.kind === 'store') revalidateStorefront({ storeSlug: r.slug });
    return r;
  }),
  rankingWeights: adminProcedure.query(({ ctx }) => getRankingWeights({ db: ctx.db })),
  setRankingWeights: adminProcedure.input(ZRankingWeights).mutation(async ({ ctx, input }) => {
    const w = await setRankingWeights({ db: ctx.db, adminId: ctx.user.id, input });
    revalidateMarketplace();
    return w;
  }),

  payouts: adminProcedure.input(ZListPayoutsAdminInput).query(({ ctx, input }) => listPayoutsAdmin({ db: ctx.db, input })),

  audit: adminProcedure.input(ZListAuditInput).query(({ ctx, input }) => listAudit({ db: ctx.db, input })),
  verifyAudit: adminProcedure.query(({ ctx }) => verifyAudit({ db: ctx.db })),
});
