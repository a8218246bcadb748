import { assertRecentSignIn } from '../auth/recent-auth';
import { kickOutbox } from '../services/outbox/kick-outbox';
import { acceptInvitation, invitationUrl, inviteMember, listInvitations, previewInvitation, revokeInvitation } from '../services/team/invitations';
import { changeMemberRole, listMembers, removeMember } from '../services/team/members';
import { ZChangeRoleInput, ZInvitationRef, ZInvitationToken, ZInviteMemberInput, ZMemberRef, ZStoreRef } from '../services/team/schemas';
import { authedProcedure, createTRPCRouter, publicProcedure, rateLimit, sellerProcedure } from '../trpc/init';

/** A store's team: members with roles, invitations by email (server/services/team). */
export const teamRouter = createTRPCRouter({
  list: sellerProcedure
    .meta({ permission: 'team.read' })
    .input(ZStoreRef)
    .query(async ({ ctx }) => ({
      myRole: ctx.membership.role,
      members: await listMembers({ db: ctx.db, store: ctx.store }),
      invitations: await listInvitations({ db: ctx.db, store: ctx.store }),
    })),

  invite: sellerProcedure
    .meta({ permission: 'team.manage' })
    .input(ZInviteMemberInput)
    .use(rateLimit('invite', (_ctx, input) => `store:${(input as { storeId: string }).storeId}`))
    .mutation(async ({ ctx, input }) => {
      // Granting access to the store is as sensitive as a role change: a recent sign-in (server/auth/recent-auth.ts).
      assertRecentSignIn(ctx.user);
      const { invitation, token } = await inviteMember({ db: ctx.db, store: ctx.store, inviter: ctx.user, input });
      await kickOutbox();
      // The owner may also share the link directly (WhatsApp); it is shown once, never stored in clear.
      return { invitation, acceptUrl: invitationUrl(token) };
    }),

  revokeInvitation: sellerProcedure
    .meta({ permission: 'team.manage' })
    .input(ZInvitationRef)
    .mutation(({ ctx, input }) => revokeInvitation({ db: ctx.db, store: ctx.store, actor: ctx.user, invitationId: input.invitationId })),

  changeRole: sellerProcedure
    .meta({ permission: 'team.manage' })
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => {
      // A role change is sensitive: it needs a sign-in from the last RECENT_AUTH_MINUTES (server/auth/recent-auth.ts).
      assertRecentSignIn(ctx.user);
      return changeMemberRole({ db: ctx.db, store: ctx.store, actor: ctx.user, userId: input.userId, role: input.role });
    }),

  removeMember: sellerProcedure
    .meta({ permission: 'team.manage' })
    .input(ZMemberRef)
    .mutation(({ ctx, input }) => {
      assertRecentSignIn(ctx.user);
      return removeMember({ db: ctx.db, store: ctx.store, actor: ctx.user, userId: input.userId });
    }),

  /** A manager or staff member leaves the store themselves. */
  leave: sellerProcedure
    .meta({ permission: 'store.read' })
    .input(ZStoreRef)
    .mutation(({ ctx }) => removeMember({ db: ctx.db, store: ctx.store, actor: ctx.user, userId: ctx.user.id })),

  /** The invitation page: the link's token is the key. */
  invitation: publicProcedure.input(ZInvitationToken).query(({ ctx, input }) => previewInvitation({ db: ctx.db, token: input.token, user: ctx.user })),

  accept: authedProcedure.input(ZInvitationToken).mutation(({ ctx, input }) => acceptInvitation({ db: ctx.db, token: input.token, user: ctx.user })),
});
