import crypto from 'node:crypto';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { localeOf } from '../errors/locale';
import { clientIp } from '../http/rate-limit';
import { logger } from '../log/logger';
import { readCartToken } from '../services/cart/cart-token';
import type { Context } from './init';

/**
 * Builds the tRPC context from request headers: db, verified user (from HttpOnly cookies), guest cart token, request
 * id, logger, and the caller's locale (NEXT_LOCALE cookie → Accept-Language → es) for error texts. `cartToken`
 * overrides the cookie when the HTTP route has just issued one.
 */
export async function createContext(headers: Headers, opts: { cartToken?: string | null } = {}): Promise<Context> {
  const requestId = headers.get('x-request-id') ?? crypto.randomUUID();
  const cookieHeader = headers.get('cookie') ?? '';
  const user = await getSessionUser(cookieHeader);
  const cartToken = opts.cartToken !== undefined ? opts.cartToken : readCartToken(cookieHeader);
  const locale = localeOf(headers);
  return { db: getDb(), user, cartToken, requestId, ip: clientIp(headers), locale, log: logger.child({ requestId, userId: user?.id }) };
}

export { localeOf };
