/**
 * The authorization matrix format. Every tRPC procedure of `appRouter` has exactly one entry, in the file of its
 * domain (`server/testing/authz/<domain>.ts`, exporting `matrix`). `matrix.test.ts` enumerates
 * `appRouter._def.procedures` and fails, naming the procedure, when one has no entry.
 *
 * An entry says who may call the procedure and builds a VALID input that names someone else's objects (the
 * "victim" world in fixtures.ts). The test calls it as each actor and checks:
 *   - a denied actor gets exactly the expected code (UNAUTHORIZED / FORBIDDEN / NOT_FOUND) and nothing in the
 *     database changed (hash of every table in the public schema before and after the call);
 *   - an allowed actor's answer contains none of the victim's private values (`leaks`).
 * `fuzz.test.ts` uses the same entries: the valid input is the seed its generated invalid inputs are made from.
 *
 * Actors:
 *   anon        — no session (a guest cart token of its own)
 *   buyer       — signed in, no store, has bought from nobody
 *   otherSeller — owner of another store, with its own product, coupon, delivery option and order
 * and, for seller procedures, the victim store's own `staff` and `manager` members, who must get FORBIDDEN for a
 * procedure whose `permission` their role lacks (and must pass the gate when it has it).
 *
 * Helpers below build entries with the defaults of each access level, so a typical entry is one line:
 *   'product.get': seller('products.read', (f) => ({ storeId: f.victim.storeId, productId: f.victim.productId }),
 *                        { crossTenant: (f, own) => ({ storeId: own.storeId, productId: f.victim.productId }) }),
 */
import type { AuthzFixtures, OwnWorld } from './fixtures';
import type { Permission } from '../../services/team/permissions';

export type Actor = 'anon' | 'buyer' | 'otherSeller';
export const ACTORS: readonly Actor[] = ['anon', 'buyer', 'otherSeller'];

export type Denial = 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
/**
 * What a call must end in. `ALLOWED` = it may succeed (then the leak check runs); any other tRPC code = it must
 * be rejected with that code. Public procedures may legitimately refuse for business reasons (an empty cart is
 * BAD_REQUEST) — that is a refusal too, and it must change nothing either.
 */
export type Outcome = Denial | 'ALLOWED' | 'BAD_REQUEST' | 'CONFLICT';

export type Access = 'public' | 'authed' | 'seller' | 'admin';

export type Entry = {
  access: Access;
  /** seller procedures: the permission the membership's role must include (server/services/team/permissions.ts). */
  permission?: Permission;
  /** A valid input naming the victim's objects; `undefined` for procedures without input. */
  input: (f: AuthzFixtures) => unknown;
  /** Outcome per actor. Defaults: seller → UNAUTHORIZED/NOT_FOUND/NOT_FOUND; admin → UNAUTHORIZED/FORBIDDEN/FORBIDDEN;
   *  authed → anon UNAUTHORIZED (buyer and otherSeller must be given); public → ALLOWED for all. */
  expect: Record<Actor, Outcome>;
  /**
   * Seller procedures that name an object besides the store: the other seller calls through ITS OWN store
   * (so the membership gate passes) with the victim's object id → must get `crossTenantExpect` (NOT_FOUND).
   */
  crossTenant?: (f: AuthzFixtures, own: OwnWorld) => unknown;
  crossTenantExpect?: Outcome;
  /**
   * Victim values that must never appear in an allowed answer. Default: every private value of the victim world
   * (owner email and id, buyer contact, order/checkout ids, checkout token, coupon code, payout address…).
   * Public catalogue procedures narrow it (a public store's id and product ids are public).
   */
  leaks?: (f: AuthzFixtures) => string[];
  /** Why an entry deviates from its defaults — required whenever `expect` is given explicitly for seller/admin. */
  note?: string;
};

export type Matrix = Record<string, Entry>;

const SELLER_DEFAULT: Record<Actor, Outcome> = { anon: 'UNAUTHORIZED', buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' };
const ADMIN_DEFAULT: Record<Actor, Outcome> = { anon: 'UNAUTHORIZED', buyer: 'FORBIDDEN', otherSeller: 'FORBIDDEN' };

type Extra = Partial<Omit<Entry, 'access' | 'input' | 'permission' | 'expect'>> & { expect?: Partial<Record<Actor, Outcome>> };

/** A store-scoped procedure: membership of `input.storeId` plus `permission`. */
export function seller(permission: Permission, input: Entry['input'], extra: Extra = {}): Entry {
  return { ...extra, access: 'seller', permission, input, expect: { ...SELLER_DEFAULT, ...extra.expect } };
}

/** Cognito group `admins` only. */
export function admin(input: Entry['input'], extra: Extra = {}): Entry {
  return { ...extra, access: 'admin', input, expect: { ...ADMIN_DEFAULT, ...extra.expect } };
}

/** Any signed-in person acting on their own behalf: say what the buyer and the other seller get. */
export function authed(input: Entry['input'], expect: { buyer: Outcome; otherSeller: Outcome }, extra: Omit<Extra, 'expect'> = {}): Entry {
  return { ...extra, access: 'authed', input, expect: { anon: 'UNAUTHORIZED', ...expect } };
}

/** No session needed. Say what each actor gets when it is not ALLOWED, and what must not leak. */
export function open(input: Entry['input'], extra: Extra = {}): Entry {
  return { ...extra, access: 'public', input, expect: { anon: 'ALLOWED', buyer: 'ALLOWED', otherSeller: 'ALLOWED', ...extra.expect } };
}

export const noInput = () => undefined;
