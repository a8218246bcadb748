import { TRPCClientError } from '@trpc/client';

/** What the server's errorFormatter puts in `error.data` (see server/trpc/init.ts). */
export type TAppErrorInfo = {
  message: string;
  /** tRPC code: BAD_REQUEST, CONFLICT, FORBIDDEN, … */
  code?: string;
  /** AppError code: LIMIT_EXCEEDED, CONFLICT, BAD_REQUEST, … */
  appCode?: string;
  /** Field path ("slug", "variants.0.stock") → message. */
  fields: Record<string, string>;
  details?: Record<string, unknown>;
};

/** Reads a mutation/query error into a plain shape the forms can use; network failures get a friendly message. */
export function appErrorOf(err: unknown): TAppErrorInfo {
  if (err instanceof TRPCClientError) {
    const data = (err.data ?? {}) as {
      code?: string;
      appCode?: string;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    };
    const network = !err.data && /fetch|network/i.test(err.message);
    return {
      message: network ? 'Sin conexión con el servidor. Revisa tu internet e inténtalo de nuevo.' : err.message,
      code: data.code,
      appCode: data.appCode,
      fields: data.fields ?? {},
      details: data.details ?? undefined,
    };
  }
  return { message: 'Algo salió mal. Inténtalo de nuevo.', fields: {} };
}

export type TLimitDetails = { resource: 'stores' | 'activeProducts'; limit: number; usage: number; plan: string };

export function limitDetailsOf(info: TAppErrorInfo): TLimitDetails | null {
  if (info.appCode !== 'LIMIT_EXCEEDED') return null;
  const d = info.details as Partial<TLimitDetails> | undefined;
  return {
    resource: d?.resource === 'stores' ? 'stores' : 'activeProducts',
    limit: Number(d?.limit ?? 0),
    usage: Number(d?.usage ?? 0),
    plan: String(d?.plan ?? 'free'),
  };
}

/** zod issues (client-side check with the shared schema) → the same path → message map the server sends. */
export function issuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
