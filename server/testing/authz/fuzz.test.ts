/**
 * Fuzzing every procedure with generated invalid inputs (fast-check): each must be refused with a typed error —
 * never INTERNAL_SERVER_ERROR, never an answer — and leave every table exactly as it was. Inputs are made from the
 * matrix entry's valid input (a field replaced by a hostile value, removed, or the whole input replaced), and
 * kept only when the procedure's own input schema rejects them. Calls are made by the most privileged legitimate
 * caller (the victim store's owner, an admin for admin procedures), so they reach as deep as input allows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { generateCartToken } from '../../services/cart/cart-token';
import { changedTables, databaseFingerprint, isolatedDb } from '../isolated-db';
import { allProcedures, callPath } from './call';
import { buildAuthzFixtures, prepareAuthzEnv, startAuthzPayments, type AuthzFixtures } from './fixtures';
import type { Entry } from './format';
import { loadMatrix } from './load';

prepareAuthzEnv();
const procedures = allProcedures();
const { entries } = await loadMatrix();
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

let env: Awaited<ReturnType<typeof isolatedDb>>;
let db: Db;
let f: AuthzFixtures;
let stopPayments: (() => Promise<void>) | undefined;

beforeAll(async () => {
  stopPayments = await startAuthzPayments();
  env = await isolatedDb('fuzz');
  db = env.db;
  f = await buildAuthzFixtures(db);
}, 120_000);

afterAll(async () => {
  await env?.drop();
  await stopPayments?.();
});

type Parser = { '~standard': { validate: (v: unknown) => { issues?: unknown } | Promise<{ issues?: unknown }> } };

async function schemaAccepts(inputs: unknown[], value: unknown): Promise<boolean> {
  for (const p of inputs) {
    const std = (p as Parser)['~standard'];
    if (!std) return false;
    // A schema may throw on exotic values (a getter, a revoked proxy); that is a rejection too.
    try {
      const r = await std.validate(value);
      if (r.issues) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Values that break naive code: wrong types, extremes, injection strings, huge and control-character strings. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    2 ** 53,
    -(2 ** 63),
    1e308,
    0.5,
    '',
    ' ',
    '\u0000',
    '\ud800',
    'x'.repeat(100_000),
    "' OR 1=1; DROP TABLE orders; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    true,
    [],
    {},
    new Date(Number.NaN),
    new Date(8.64e15),
    BigInt('9223372036854775808'),
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.uuid(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
  fc.object({ maxDepth: 1 }),
);

type Path = (string | number)[];

/** Every path inside a JSON-like seed value, the root excluded. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  const out: Path[] = [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const k of keys) {
    const p = [...prefix, k];
    out.push(p, ...paths((value as Record<string | number, unknown>)[k], p));
  }
  return out;
}

function withAt(value: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const arr: unknown[] = [...value];
    if (rest.length === 0 && remove) arr.splice(head as number, 1);
    else arr[head as number] = withAt(arr[head as number], rest, replacement, remove);
    return arr;
  }
  const copy: Record<string | number, unknown> = { ...(value as object) };
  if (rest.length === 0 && remove) {
    delete copy[head!];
  } else {
    copy[head!] = withAt(copy[head!], rest, replacement, remove);
  }
  return copy;
}

function invalidInputs(seed: unknown): fc.Arbitrary<unknown> {
  const ps = paths(seed);
  const whole = fc.oneof(hostile, fc.anything({ maxDepth: 2 }));
  if (ps.length === 0) return whole;
  const mutated = fc
    .record({ path: fc.constantFrom(...ps), value: hostile, remove: fc.integer({ min: 0, max: 3 }) })
    .map(({ path, value, remove }) => withAt(seed, path, value, remove === 0 && typeof path.at(-1) === 'string'));
  const twice = fc
    .record({ a: fc.constantFrom(...ps), b: fc.constantFrom(...ps), x: hostile, y: hostile })
    .map(({ a, b, x, y }) => withAt(withAt(seed, a, x, false), b, y, false));
  return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 2, arbitrary: twice }, { weight: 1, arbitrary: whole });
}

function callerOf(entry: Entry): { user: SessionUser | null; cartToken: string | null } {
  if (entry.access === 'admin') return { user: f.admin, cartToken: null };
  if (entry.access === 'public') return { user: null, cartToken: generateCartToken() };
  return { user: f.victim.owner, cartToken: null };
}

const fuzzable = Object.keys(procedures)
  .sort()
  .filter((n) => procedures[n]!.inputs.length > 0);

describe('fuzzing every procedure with invalid input', () => {
  it('covers every procedure that takes input', () => {
    expect(fuzzable.filter((n) => !entries[n])).toEqual([]);
  });

  for (const name of fuzzable) {
    it(`${procedures[name]!.type} ${name}`, async () => {
      const entry = entries[name];
      if (!entry) throw new Error(`${name} has no authz entry (server/testing/authz/<domain>.ts)`);
      const seed = entry.input(f);
      const { user, cartToken } = callerOf(entry);
      const before = await databaseFingerprint(db);
      const failures: string[] = [];
      let calls = 0;
      await fc.assert(
        fc.asyncProperty(invalidInputs(seed), async (input) => {
          fc.pre(!(await schemaAccepts(procedures[name]!.inputs, input)));
          calls++;
          const result = await callPath(db, user, cartToken, name, input);
          if (result.ok) failures.push(`answered for ${safeShow(input)}`);
          else if (result.code === 'INTERNAL_SERVER_ERROR' || result.code === 'NOT_A_TRPC_ERROR') {
            failures.push(`${result.code} (${result.message}) for ${safeShow(input)}`);
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(calls, `${name}: too few generated inputs were invalid`).toBeGreaterThanOrEqual(RUNS);
      expect(failures.slice(0, 5), `${name}: invalid input must be refused with a typed error`).toEqual([]);
      expect(changedTables(before, await databaseFingerprint(db)), `${name}: invalid input changed tables`).toEqual([]);
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
    });
  }
});

function safeShow(v: unknown): string {
  try {
    return fc.stringify(v).slice(0, 300);
  } catch {
    return String(v).slice(0, 300);
  }
}
