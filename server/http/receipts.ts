import { getMediaStorage, type MediaStorage } from '../adapters/media';
import { getSessionUser, type SessionUser } from '../auth/session';
import { getDb, type Db } from '../db/client';
import { getReceiptDownload } from '../services/receipts/get-receipt-download';
import { errorBody } from '../errors/http';
import { localeOf } from '../errors/locale';

export type ReceiptRouteDeps = { db: Db; storage: MediaStorage; sessionUser: (req: Request) => Promise<SessionUser | null> };

const defaultDeps = (): ReceiptRouteDeps => ({
  db: getDb(),
  storage: getMediaStorage(),
  sessionUser: (req) => getSessionUser(req.headers.get('cookie') ?? ''),
});

/** GET /api/orders/<orderId>/receipt[?t=<checkout access token>]: the PDF, or the same 404 for every refusal. */
export async function handleReceiptDownload(req: Request, orderId: string, deps: ReceiptRouteDeps = defaultDeps()): Promise<Response> {
  const token = new URL(req.url).searchParams.get('t');
  const user = await deps.sessionUser(req);
  const receipt = await getReceiptDownload({ db: deps.db, storage: deps.storage, orderId, user, token });
  if (!receipt) {
    return Response.json(
      { ok: false, ...errorBody(localeOf(req.headers), 'NOT_FOUND', 'http.notFound') },
      { status: 404, headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } },
    );
  }
  return new Response(new Uint8Array(receipt.bytes), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${receipt.filename}"`,
      'Content-Length': String(receipt.bytes.length),
      // Personal data behind a token or a session: never in a shared cache, and the token never leaks as a referrer.
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
