import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { appRouter } from '../../trpc/root';
import { callerFor } from '../caller';

export type CallResult = { ok: true; data: unknown } | { ok: false; code: string; message: string; error: unknown };

type ProcedureDef = { type: 'query' | 'mutation' | 'subscription'; meta?: { permission?: string }; inputs: unknown[] };

/** Every procedure of the app router by its dotted path, with its type, meta and input parsers. */
export function allProcedures(): Record<string, ProcedureDef> {
  const procs = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  return Object.fromEntries(Object.entries(procs).map(([name, p]) => [name, p._def]));
}

/** Calls a procedure by its dotted path through the same middleware as HTTP requests; never throws. */
export async function callPath(db: Db, user: SessionUser | null, cartToken: string | null, name: string, input: unknown): Promise<CallResult> {
  const caller = callerFor(db, user, cartToken) as unknown as Record<string, unknown>;
  const fn = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  try {
    const data = await fn(input);
    // A subscription answers an async iterable once its middleware passed: close it without reading.
    if (data && typeof data === 'object' && Symbol.asyncIterator in data) {
      await (data as AsyncIterable<unknown> & { return?: () => Promise<unknown> })[Symbol.asyncIterator]().return?.();
    }
    return { ok: true, data };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message, error };
    return { ok: false, code: 'NOT_A_TRPC_ERROR', message: String(error), error };
  }
}

/** The answer as the client would receive it (superjson), for substring checks. */
export function serialized(data: unknown): string {
  try {
    return superjson.stringify(data);
  } catch {
    return String(data);
  }
}
