/** The one error type services throw. Mapped to a transport code in exactly one place (server/trpc/init.ts). */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'UPSTREAM_FAILED';

export type AppErrorOptions = {
  message: string;
  /** Field-level messages, keyed by input path ("slug", "variants.0.stock"). */
  fields?: Record<string, string>;
  /** Extra machine-readable data for the client (e.g. a suggested slug, plan usage). */
  data?: Record<string, unknown>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: Record<string, string>;
  readonly data?: Record<string, unknown>;

  constructor(code: AppErrorCode, opts: AppErrorOptions) {
    super(opts.message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.data = opts.data;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
