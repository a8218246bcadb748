import { initTRPC, TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type pino from 'pino';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/client';
import { storeMembers, stores, type Store, type StoreMember } from '../db/schema';
import { AppError, issueFields, type AppErrorCode } from '../errors/app-error';
import { errorText } from '../errors/messages';
import { issueKey, issuesToFieldMessages } from '../errors/validation';
import { defaultLocale, type Locale } from '../i18n/config';
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
  /** The caller's language for error texts (server/trpc/context.ts); Spanish when absent (internal callers). */
  locale?: Locale;
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

/** zod issues → { "variants.0.stock": "message" } for the form next to each field, in the caller's language. */
export function zodFieldErrors(error: ZodError, locale: Locale = defaultLocale): Record<string, string> {
  return issuesToFieldMessages(error.issues as never, locale);
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  transformer: superjson,
  // Subscriptions over SSE (server/realtime): pings, and streams that end before Amplify's 30 s cut and resume.
  sse: SSE_CONFIG,
  // Texts in the caller's language (ctx.locale); `key`/`params` (and `fieldKeys`) stay stable for API clients.
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? defaultLocale;
    const cause = error.cause;
    const appError = cause instanceof AppError ? cause : undefined;
    const zod = cause instanceof ZodError ? cause : undefined;
    const zodFields = zod ? zodFieldErrors(zod, locale) : undefined;
    const message =
      // Never leak internals of unexpected errors to clients.
      error.code === 'INTERNAL_SERVER_ERROR'
        ? errorText('generic.internal', undefined, locale)
        : appError
          ? appError.messageIn(locale)
          : zodFields
            ? (Object.values(zodFields)[0] ?? errorText('generic.invalidInput', undefined, locale))
            : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: appError?.code ?? (zod ? 'BAD_REQUEST' : undefined),
        // Stable message keys ("errors.store.slugTaken"; fields may also be "validation.maxChars" or "zod.too_big").
        key: error.code === 'INTERNAL_SERVER_ERROR' ? 'errors.generic.internal' : appError ? `errors.${appError.key}` : zod ? 'errors.generic.invalidInput' : undefined,
        params: appError?.params,
        fields: appError?.fieldsIn(locale) ?? zodFields,
        fieldKeys: appError?.fieldKeys() ?? (zod ? Object.fromEntries(zod.issues.map((i) => [i.path.map(String).join('.') || '_', issueKey(i)]).reverse()) : undefined),
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

/** A middleware's rejection: the tRPC code it always had, with the AppError (key, data) as cause for the formatter. */
function appTRPCError(code: TRPCError['code'], cause: AppError): TRPCError {
  return new TRPCError({ code, message: cause.message, cause });
}

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw appTRPCError('UNAUTHORIZED', new AppError('UNAUTHORIZED', { key: 'auth.signInRequired' }));
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
    throw appTRPCError('BAD_REQUEST', new AppError('BAD_REQUEST', { key: 'auth.invalidStoreId', fields: issueFields(parsed.error.issues as never), cause: parsed.error }));
  }
  const rows = await ctx.db
    .select({ store: stores, member: storeMembers })
    .from(storeMembers)
    .innerJoin(stores, eq(stores.id, storeMembers.storeId))
    .where(and(eq(storeMembers.storeId, parsed.data.storeId), eq(storeMembers.userId, ctx.user.id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw appTRPCError('NOT_FOUND', new AppError('NOT_FOUND', { key: 'notFound.store' }));
  if (meta?.permission && !roleHas(row.member.role, meta.permission)) {
    throw appTRPCError('FORBIDDEN', new AppError('FORBIDDEN', { key: 'auth.roleForbidden', data: { reason: 'ROLE', permission: meta.permission } }));
  }
  return next({ ctx: { ...ctx, store: row.store as Store, membership: row.member as StoreMember } });
});

export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user.groups.includes('admins')) {
    throw appTRPCError('FORBIDDEN', new AppError('FORBIDDEN', { key: 'auth.adminsOnly' }));
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
