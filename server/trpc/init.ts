import { initTRPC, TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type pino from 'pino';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/client';
import { storeMembers, stores, type Store, type StoreMember } from '../db/schema';
import { AppError, type AppErrorCode } from '../errors/app-error';
import { ensureUserProfile } from '../services/identity/ensure-user-profile';
import { accountSuspendedError, isUserSuspended } from '../services/identity/suspension';
import { SSE_CONFIG } from '../realtime/sse';
import { consumeRateLimit, type RateLimitName } from '../http/rate-limit';
import { metrics } from '../observability/metrics';
import { roleHas, type Permission } from '../services/team/permissions';

export type Context = {
  db: Db;
  user: SessionUser | null;
  /** The guest cart cookie's token (server/services/cart/cart-token.ts); null when the request has none. */
  cartToken: string | null;
  requestId: string;
  log: pino.Logger;
  /** The client's address (X-Forwarded-For) for per-IP rate limits; absent for internal callers. */
  ip?: string | null;
};

/**
 * Procedure metadata. Every store-scoped procedure names the permission its caller's role needs:
 * `sellerProcedure.meta({ permission: 'orders.fulfil' })` (server/services/team/permissions.ts lists them).
 */
export type Meta = { permission?: Permission };

const APP_TO_TRPC: Record<AppErrorCode, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LIMIT_EXCEEDED: 'FORBIDDEN',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  UPSTREAM_FAILED: 'BAD_GATEWAY',
};

/** zod issues → { "variants.0.stock": "message" } for the form next to each field. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  transformer: superjson,
  // Subscriptions over SSE (server/realtime): pings, and streams that end before Amplify's 30 s cut and resume.
  sse: SSE_CONFIG,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appError = cause instanceof AppError ? cause : undefined;
    const zod = cause instanceof ZodError ? cause : undefined;
    return {
      ...shape,
      // Never leak internals of unexpected errors to clients.
      message: error.code === 'INTERNAL_SERVER_ERROR' ? 'Error interno. Inténtalo de nuevo.' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: appError?.code ?? (zod ? 'BAD_REQUEST' : undefined),
        fields: appError?.fields ?? (zod ? zodFieldErrors(zod) : undefined),
        details: appError?.data,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one place AppError becomes a tRPC error; unexpected errors are logged with the request id. */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - started);
  if (!result.ok) {
    const cause = result.error.cause;
    metrics().procedureErrors.inc({ path, code: cause instanceof AppError ? cause.code : result.error.code });
    if (cause instanceof AppError) {
      ctx.log.info({ path, type, ms, code: cause.code }, 'procedure rejected');
      throw new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error({ path, type, ms, err: result.error.cause ?? result.error }, 'procedure failed');
    }
  } else {
    ctx.log.debug({ path, type, ms }, 'procedure ok');
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Inicia sesión para continuar.' });
  await ensureUserProfile({ db: ctx.db, user: ctx.user });
  // A suspended account's still-valid tokens open nothing (server/services/admin/users.ts).
  if (await isUserSuspended(ctx.db, ctx.user.id)) throw accountSuspendedError();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const ZStoreScoped = z.object({ storeId: z.string().uuid() });

/**
 * Resolves the store named by the input's storeId and checks the caller is a member whose role has the procedure's
 * `meta.permission`. A store the caller does not belong to answers NOT_FOUND — never its data, never a hint it
 * exists; a member whose role lacks the permission gets FORBIDDEN. (The authorization matrix test fails for a
 * seller procedure that declares no permission.)
 */
export const sellerProcedure = authedProcedure.use(async ({ ctx, next, getRawInput, meta }) => {
  const parsed = ZStoreScoped.safeParse(await getRawInput());
  if (!parsed.success) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'storeId inválido.', cause: parsed.error });
  }
  const rows = await ctx.db
    .select({ store: stores, member: storeMembers })
    .from(storeMembers)
    .innerJoin(stores, eq(stores.id, storeMembers.storeId))
    .where(and(eq(storeMembers.storeId, parsed.data.storeId), eq(storeMembers.userId, ctx.user.id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Tienda no encontrada.' });
  if (meta?.permission && !roleHas(row.member.role, meta.permission)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Tu rol en esta tienda no permite esta acción.',
      cause: new AppError('FORBIDDEN', { message: 'Tu rol en esta tienda no permite esta acción.', data: { reason: 'ROLE', permission: meta.permission } }),
    });
  }
  return next({ ctx: { ...ctx, store: row.store as Store, membership: row.member as StoreMember } });
});

export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user.groups.includes('admins')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Solo administradores.' });
  }
  return next({ ctx });
});

/**
 * Per-caller rate limit for a procedure (server/http/rate-limit.ts): keyed by `key(ctx, input)`, by default the user,
 * else the client IP, else the guest cart; calls with none of them (internal) are not counted. Place it after
 * `.input()` so it sees the parsed input. Over the limit: TOO_MANY_REQUESTS (HTTP 429 with Retry-After).
 */
export function rateLimit(name: RateLimitName, key?: (ctx: Context, input: unknown) => string | null) {
  return t.middleware(async ({ ctx, next, input }) => {
    const k = key ? key(ctx, input) : ctx.user ? `u:${ctx.user.id}` : ctx.ip ? `ip:${ctx.ip}` : ctx.cartToken ? `c:${ctx.cartToken}` : null;
    if (k) await consumeRateLimit(ctx.db, name, k);
    return next();
  });
}
