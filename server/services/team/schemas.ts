import { z } from 'zod';
import { INVITABLE_ROLES } from './permissions';
import { vmsg } from '../../errors/validation';

const ZStoreId = z.string().uuid();

export const ZInviteMemberInput = z.object({
  storeId: ZStoreId,
  email: z.string().trim().toLowerCase().email(vmsg('invalidEmail')).max(200, vmsg('emailTooLong')),
  role: z.enum(INVITABLE_ROLES, { message: vmsg('chooseRole') }),
  /** Language of the invitation email. */
  locale: z.enum(['es', 'en']).default('es'),
});
export type TInviteMemberInput = z.input<typeof ZInviteMemberInput>;

export const ZInvitationRef = z.object({ storeId: ZStoreId, invitationId: z.string().uuid() });
export const ZMemberRef = z.object({ storeId: ZStoreId, userId: z.string().min(1).max(128) });
export const ZChangeRoleInput = ZMemberRef.extend({ role: z.enum(INVITABLE_ROLES, { message: vmsg('chooseRole') }) });
export const ZStoreRef = z.object({ storeId: ZStoreId });

/** The token of an invitation link: 32 random bytes, base64url. */
export const ZInvitationToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, vmsg('invalidInviteLink')) });
