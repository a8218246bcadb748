import crypto from 'node:crypto';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { logger } from '../log/logger';
import type { Context } from './init';

/** Builds the tRPC context from request headers: db, verified user (from HttpOnly cookies), request id, logger. */
export async function createContext(headers: Headers): Promise<Context> {
  const requestId = headers.get('x-request-id') ?? crypto.randomUUID();
  const user = await getSessionUser(headers.get('cookie') ?? '');
  return { db: getDb(), user, requestId, log: logger.child({ requestId, userId: user?.id }) };
}
