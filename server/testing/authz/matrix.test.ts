/**
 * Authorization matrix: every procedure of the app router, called as anonymous, as a buyer and as the seller of
 * another store (and as the victim store's own staff/manager for role permissions), with ids of someone else's
 * objects. Denied calls must carry exactly the expected code and change nothing in the database; allowed calls
 * must not carry the victim's private values. A procedure without an entry fails here, by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { generateCartToken } from '../../services/cart/cart-token';
import { roleHas } from '../../services/team/permissions';
import { changedTables, databaseFingerprint, isolatedDb } from '../isolated-db';
import { allProcedures, callPath, serialized, type CallResult } from './call';
import { buildAuthzFixtures, prepareAuthzEnv, startAuthzPayments, type AuthzFixtures } from './fixtures';
import { ACTORS, type Actor, type Entry, type Outcome } from './format';
import { loadMatrix } from './load';

prepareAuthzEnv();
const procedures = allProcedures();
const names = Object.keys(procedures).sort();
const { entries, owner } = await loadMatrix();

let env: Awaited<ReturnType<typeof isolatedDb>>;
let db: Db;
let f: AuthzFixtures;
const anonToken = generateCartToken();
let stopPayments: (() => Promise<void>) | undefined;

beforeAll(async () => {
  stopPayments = await startAuthzPayments();
  env = await isolatedDb('authz');
  db = env.db;
  f = await buildAuthzFixtures(db);
}, 120_000);

afterAll(async () => {
  await env?.drop();
  await stopPayments?.();
});

function actorUser(actor: Actor): SessionUser | null {
  if (actor === 'anon') return null;
  return actor === 'buyer' ? f.buyer : f.other.owner;
}

function describeResult(r: CallResult): string {
  return r.ok ? 'ALLOWED (answered)' : `${r.code}: ${r.message}`;
}

/** Runs one call and checks it ends in `expected`; a refusal must leave every table as it was. */
async function check(label: string, entry: Entry, user: SessionUser | null, name: string, input: unknown, expected: Outcome): Promise<CallResult> {
  const before = expected === 'ALLOWED' ? null : await databaseFingerprint(db);
  const result = await callPath(db, user, user ? null : anonToken, name, input);
  if (expected === 'ALLOWED') {
    // Allowed means: no authorization refusal. A business refusal is fine (it is checked for 500s by the fuzz suite).
    if (!result.ok) {
      expect.soft(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL_SERVER_ERROR'], `${name} as ${label}: ${describeResult(result)}`).not.toContain(result.code);
    } else {
      const text = serialized(result.data);
      const forbidden = (entry.leaks ?? ((fx: AuthzFixtures) => fx.privateValues))(f);
      const leaked = forbidden.filter((v) => text.includes(v));
      expect.soft(leaked, `${name} as ${label} leaked the victim's data`).toEqual([]);
    }
    return result;
  }
  expect.soft(result.ok ? 'ALLOWED' : result.code, `${name} as ${label}: ${describeResult(result)}`).toBe(expected);
  const after = await databaseFingerprint(db);
  expect.soft(changedTables(before!, after), `${name} as ${label} was refused but changed tables`).toEqual([]);
  return result;
}

describe('authorization matrix', () => {
  it('has exactly one entry per procedure (server/testing/authz/<domain>.ts)', () => {
    const missing = names.filter((n) => !entries[n]);
    const stale = Object.keys(entries).filter((n) => !procedures[n]);
    expect(missing, `procedures without an authz entry — add them to server/testing/authz/<domain>.ts`).toEqual([]);
    expect(stale.map((n) => `${n} (${owner[n]})`), 'entries for procedures that no longer exist').toEqual([]);
  });

  it('every store-scoped procedure declares the permission its entry names', () => {
    const wrong: string[] = [];
    for (const name of names) {
      const entry = entries[name];
      if (!entry) continue;
      const declared = procedures[name]!.meta?.permission;
      if (entry.access === 'seller' && (!declared || declared !== entry.permission)) {
        wrong.push(`${name}: procedure meta ${declared ?? '(none)'}, entry ${entry.permission ?? '(none)'}`);
      }
      if (entry.access !== 'seller' && declared) wrong.push(`${name}: ${entry.access} entry but the procedure declares ${declared}`);
    }
    expect(wrong).toEqual([]);
  });

  for (const name of names) {
    it(`${procedures[name]!.type} ${name}`, async () => {
      const entry = entries[name];
      if (!entry) throw new Error(`${name} has no authz entry: add it to server/testing/authz/<domain>.ts`);

      for (const actor of ACTORS) {
        await check(actor, entry, actorUser(actor), name, entry.input(f), entry.expect[actor]);
      }

      if (entry.crossTenant) {
        await check('otherSeller via own store', entry, f.other.owner, name, entry.crossTenant(f, f.other), entry.crossTenantExpect ?? 'NOT_FOUND');
      }

      if (entry.access === 'seller') {
        for (const role of ['staff', 'manager'] as const) {
          if (!entry.permission || roleHas(role, entry.permission)) continue;
          await check(`victim's ${role}`, entry, f.victim.members[role], name, entry.input(f), 'FORBIDDEN');
        }
      }
    });
  }

  it('members whose role has the permission pass the gate (each call rolled back)', async () => {
    class Rollback extends Error {}
    const refused: string[] = [];
    for (const name of names) {
      const entry = entries[name];
      if (entry?.access !== 'seller' || !entry.permission) continue;
      for (const role of ['staff', 'manager'] as const) {
        if (!roleHas(role, entry.permission)) continue;
        let result: CallResult | undefined;
        await db
          .transaction(async (tx) => {
            result = await callPath(tx as unknown as Db, f.victim.members[role], null, name, entry.input(f));
            throw new Rollback();
          })
          .catch((e) => {
            if (!(e instanceof Rollback)) throw e;
          });
        // The gate's own refusal of a member is FORBIDDEN with reason ROLE; a NOT_FOUND here is about the object
        // the entry names (e.g. a show the fixtures do not create), not about the membership.
        const roleRefusal = (r: CallResult) => !r.ok && r.code === 'FORBIDDEN' && (r.error as { cause?: { data?: { reason?: string } } }).cause?.data?.reason === 'ROLE';
        if (result && !result.ok && (['UNAUTHORIZED', 'INTERNAL_SERVER_ERROR'].includes(result.code) || roleRefusal(result))) {
          refused.push(`${name} as ${role}: ${describeResult(result)}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
