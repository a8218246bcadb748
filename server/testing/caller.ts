import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { logger } from '../log/logger';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/client';
import { createCaller } from '../trpc/root';

/** A tRPC caller acting as `user` (or signed out, optionally with a guest cart token), through the same middleware as HTTP requests. */
export function callerFor(db: Db, user: SessionUser | null, cartToken: string | null = null) {
  return createCaller({ db, user, cartToken, requestId: 'test', log: logger });
}

/** Awaits a rejected procedure call and returns its TRPCError (with the AppError as cause when there is one). */
export async function rejectionOf(promise: Promise<unknown>): Promise<TRPCError & { cause?: { code?: string; fields?: Record<string, string>; data?: Record<string, unknown> } }> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    return err as never;
  }
  throw new Error('expected the call to be rejected');
}
