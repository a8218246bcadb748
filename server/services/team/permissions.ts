/**
 * What each store role may do. The one place that says it: `sellerProcedure` checks a procedure's permission against
 * the caller's membership role, the dashboard hides what the role cannot use, and the authorization matrix
 * (server/testing/authz) proves every seller procedure declares one.
 *
 * staff   — serves buyers: answers chat, reads products and orders, ships/delivers/cancels orders.
 * manager — runs the shop: everything staff does, plus products, coupons, delivery, customers, store settings,
 *           refunds, live shows, and seeing the team.
 * owner   — everything: plus the wallet and payouts, the plan, identity verification, and the team itself.
 */
export const PERMISSIONS = [
  'store.read',
  'store.write',
  'products.read',
  'products.write',
  'orders.read',
  'orders.fulfil',
  'orders.refund',
  'coupons.manage',
  'delivery.manage',
  'customers.read',
  'chat.reply',
  'live.manage',
  'team.read',
  'team.manage',
  'payouts',
  'plan',
  'kyc',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const STORE_ROLES = ['owner', 'manager', 'staff'] as const;
export type StoreRole = (typeof STORE_ROLES)[number];

const STAFF: readonly Permission[] = ['store.read', 'products.read', 'orders.read', 'orders.fulfil', 'chat.reply'];
const MANAGER: readonly Permission[] = [
  ...STAFF,
  'store.write',
  'products.write',
  'orders.refund',
  'coupons.manage',
  'delivery.manage',
  'customers.read',
  'live.manage',
  'team.read',
];

export const ROLE_PERMISSIONS: Readonly<Record<StoreRole, ReadonlySet<Permission>>> = {
  owner: new Set(PERMISSIONS),
  manager: new Set(MANAGER),
  staff: new Set(STAFF),
};

export function roleHas(role: StoreRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Roles an owner can give through an invitation or a role change (ownership itself is never handed out here). */
export const INVITABLE_ROLES = ['manager', 'staff'] as const satisfies readonly StoreRole[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];
