import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { storeInvitations, storeMembers, stores, users, type Store, type StoreInvitation } from '../../db/schema';
import { env } from '../../env';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { queueEmail } from '../outbox/queue-email';
import type { InvitableRole, StoreRole } from './permissions';
import type { ZInviteMemberInput } from './schemas';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;
/** Open invitations a store may have at once (a typo-spray or abuse guard, far above a real team). */
export const MAX_OPEN_INVITATIONS = 50;

export const hashInvitationToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const newToken = () => crypto.randomBytes(32).toString('base64url');

export type InvitationState = 'open' | 'expired' | 'accepted' | 'revoked';
export function invitationState(i: Pick<StoreInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationState {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

export const invitationUrl = (token: string) => `${env().APP_URL.replace(/\/$/, '')}/invitacion/${token}`;

/**
 * The owner invites someone by email as manager or staff. Re-inviting the same address renews the open invitation
 * (new link, new expiry; the old link stops working). Someone who is already a member gets CONFLICT. The email is
 * queued in the same transaction, and the invitation is audited.
 */
export async function inviteMember({
  db,
  store,
  inviter,
  input,
  now = new Date(),
}: {
  db: Db;
  store: Store;
  inviter: SessionUser;
  input: z.output<typeof ZInviteMemberInput>;
  now?: Date;
}): Promise<{ invitation: Omit<StoreInvitation, 'tokenHash'>; token: string }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = await db.transaction(async (tx) => {
    // One writer per store's team at a time: the member check and the open-invitation upsert cannot race.
    await tx.execute(sql`select 1 from ${stores} where ${stores.id} = ${store.id} for update`);
    const existing = await tx
      .select({ userId: storeMembers.userId })
      .from(storeMembers)
      .innerJoin(users, eq(users.id, storeMembers.userId))
      .where(and(eq(storeMembers.storeId, store.id), sql`lower(${users.email}) = ${input.email}`))
      .limit(1);
    if (existing[0]) {
      throw new AppError('CONFLICT', { key: 'team.alreadyMember', fields: { email: 'team.alreadyMemberField' }, data: { reason: 'ALREADY_MEMBER' } });
    }
    const open = and(eq(storeInvitations.storeId, store.id), isNull(storeInvitations.acceptedAt), isNull(storeInvitations.revokedAt));
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(storeInvitations)
      .where(and(open, sql`${storeInvitations.expiresAt} > ${now.toISOString()}`, sql`${storeInvitations.email} <> ${input.email}`));
    if (count >= MAX_OPEN_INVITATIONS) {
      throw new AppError('LIMIT_EXCEEDED', { key: 'team.tooManyInvitations', params: { max: MAX_OPEN_INVITATIONS } });
    }
    const values = {
      role: input.role as InvitableRole,
      tokenHash: hashInvitationToken(token),
      invitedBy: inviter.id,
      locale: input.locale,
      expiresAt,
      updatedAt: now,
    };
    const [renewed] = await tx
      .update(storeInvitations)
      .set(values)
      .where(and(open, eq(storeInvitations.email, input.email)))
      .returning();
    const row = renewed ?? (await tx.insert(storeInvitations).values({ storeId: store.id, email: input.email, createdAt: now, ...values }).returning())[0]!;
    await queueEmail(tx, {
      to: input.email,
      template: 'team_invitation',
      locale: input.locale,
      data: { storeName: store.name, inviter: inviter.name || inviter.email, role: input.role, acceptUrl: invitationUrl(token), expiresAt: expiresAt.toISOString() },
      // One email per issued link (a renewal sends a new one).
      dedupeKey: `team_invitation:${row.id}:${row.tokenHash.slice(0, 16)}`,
    });
    await appendAudit(tx, {
      actor: `user:${inviter.id}`,
      action: renewed ? 'team.invitation_renewed' : 'team.invited',
      subject: `store:${store.id}`,
      data: { invitationId: row.id, email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
  const { tokenHash: _hidden, ...visible } = invitation;
  return { invitation: visible, token };
}

export async function revokeInvitation({ db, store, actor, invitationId, now = new Date() }: { db: Db; store: Store; actor: SessionUser; invitationId: string; now?: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(storeInvitations)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(storeInvitations.id, invitationId), eq(storeInvitations.storeId, store.id), isNull(storeInvitations.acceptedAt), isNull(storeInvitations.revokedAt)))
      .returning({ id: storeInvitations.id, email: storeInvitations.email });
    if (!row) throw new AppError('NOT_FOUND', { key: 'team.invitationNotFound' });
    await appendAudit(tx, { actor: `user:${actor.id}`, action: 'team.invitation_revoked', subject: `store:${store.id}`, data: { invitationId: row.id, email: row.email } });
    return { id: row.id };
  });
}

/** What the invitation page shows before (and after) signing in. The token is the only key; unknown → NOT_FOUND. */
export async function previewInvitation({ db, token, user, now = new Date() }: { db: Db; token: string; user: SessionUser | null; now?: Date }) {
  const [row] = await db
    .select({ invitation: storeInvitations, storeName: stores.name, storeSlug: stores.slug, inviterName: users.displayName, inviterEmail: users.email })
    .from(storeInvitations)
    .innerJoin(stores, eq(stores.id, storeInvitations.storeId))
    .leftJoin(users, eq(users.id, storeInvitations.invitedBy))
    .where(eq(storeInvitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', { key: 'team.invitationMissing' });
  const i = row.invitation;
  return {
    storeId: i.storeId,
    storeName: row.storeName,
    role: i.role as InvitableRole,
    inviter: row.inviterName || row.inviterEmail || null,
    state: invitationState(i, now),
    expiresAt: i.expiresAt,
    /** The invited address is shown masked to anyone holding the link, in full only to its owner. */
    email: user && user.email.toLowerCase() === i.email ? i.email : maskEmail(i.email),
    /** null when signed out. */
    emailMatches: user ? user.email.toLowerCase() === i.email : null,
  };
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const keep = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${keep}${'•'.repeat(Math.max(1, Math.min(6, local.length - keep.length)))}@${domain}`;
}

/**
 * The invited person, signed in with the invited address, joins the store with the invitation's role. Once only:
 * the invitation row is locked, then marked accepted in the same transaction that adds the membership.
 */
export async function acceptInvitation({ db, token, user, now = new Date() }: { db: Db; token: string; user: SessionUser; now?: Date }): Promise<{ storeId: string; role: StoreRole }> {
  return db.transaction(async (tx) => {
    const [i] = await tx.select().from(storeInvitations).where(eq(storeInvitations.tokenHash, hashInvitationToken(token))).for('update').limit(1);
    if (!i) throw new AppError('NOT_FOUND', { key: 'team.invitationMissing' });
    const state = invitationState(i, now);
    if (state === 'accepted' && i.acceptedBy === user.id) return { storeId: i.storeId, role: i.role };
    if (state !== 'open') {
      const key = ({ accepted: 'team.invitationAccepted', revoked: 'team.invitationRevoked', expired: 'team.invitationExpired' } as const)[state];
      throw new AppError('CONFLICT', { key, data: { reason: `INVITATION_${state.toUpperCase()}` } });
    }
    if (user.email.toLowerCase() !== i.email) {
      throw new AppError('FORBIDDEN', {
        key: 'team.emailMismatch',
        params: { email: maskEmail(i.email) },
        data: { reason: 'EMAIL_MISMATCH' },
      });
    }
    const [already] = await tx.select({ role: storeMembers.role }).from(storeMembers).where(and(eq(storeMembers.storeId, i.storeId), eq(storeMembers.userId, user.id))).limit(1);
    if (!already) {
      await tx.insert(storeMembers).values({ storeId: i.storeId, userId: user.id, role: i.role, invitedBy: i.invitedBy, acceptedAt: now });
    }
    await tx.update(storeInvitations).set({ acceptedAt: now, acceptedBy: user.id, updatedAt: now }).where(eq(storeInvitations.id, i.id));
    await appendAudit(tx, {
      actor: `user:${user.id}`,
      action: 'team.invitation_accepted',
      subject: `store:${i.storeId}`,
      data: { invitationId: i.id, role: already?.role ?? i.role, alreadyMember: Boolean(already) },
    });
    return { storeId: i.storeId, role: (already?.role ?? i.role) as StoreRole };
  });
}

export async function listInvitations({ db, store, now = new Date() }: { db: Db; store: Store; now?: Date }) {
  const rows = await db
    .select({
      id: storeInvitations.id,
      email: storeInvitations.email,
      role: storeInvitations.role,
      expiresAt: storeInvitations.expiresAt,
      acceptedAt: storeInvitations.acceptedAt,
      revokedAt: storeInvitations.revokedAt,
      createdAt: storeInvitations.createdAt,
      updatedAt: storeInvitations.updatedAt,
    })
    .from(storeInvitations)
    .where(and(eq(storeInvitations.storeId, store.id), isNull(storeInvitations.acceptedAt), isNull(storeInvitations.revokedAt)))
    .orderBy(desc(storeInvitations.updatedAt))
    .limit(100);
  return rows.map((r) => ({ ...r, role: r.role as InvitableRole, state: invitationState(r, now) }));
}
