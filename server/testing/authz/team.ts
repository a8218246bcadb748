import crypto from 'node:crypto';
import { authed, open, seller, type Matrix } from './format';

const randomToken = () => crypto.randomBytes(32).toString('base64url');

export const matrix: Matrix = {
  'team.list': seller('team.read', (f) => ({ storeId: f.victim.storeId }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId }),
    crossTenantExpect: 'ALLOWED',
  }),
  'team.invite': seller('team.manage', (f) => ({ storeId: f.victim.storeId, email: 'intruso@authz.vita', role: 'manager' })),
  'team.revokeInvitation': seller('team.manage', (f) => ({ storeId: f.victim.storeId, invitationId: f.victim.invitationId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, invitationId: f.victim.invitationId }),
  }),
  'team.changeRole': seller('team.manage', (f) => ({ storeId: f.victim.storeId, userId: f.victim.members.staff.id, role: 'manager' }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, userId: f.victim.members.staff.id, role: 'manager' }),
  }),
  'team.removeMember': seller('team.manage', (f) => ({ storeId: f.victim.storeId, userId: f.victim.members.staff.id }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, userId: f.victim.members.staff.id }),
  }),
  'team.leave': seller('store.read', (f) => ({ storeId: f.victim.storeId })),
  // Whoever holds a link sees the store, the role and a MASKED address; a made-up token finds nothing.
  'team.invitation': open(() => ({ token: randomToken() }), { expect: { anon: 'NOT_FOUND', buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' } }),
  // The real link, used by someone signed in with another address: refused, nothing joined.
  'team.accept': authed((f) => ({ token: f.victim.invitationToken }), { buyer: 'FORBIDDEN', otherSeller: 'FORBIDDEN' }),
};
