import { errorBody } from '../errors/http';
import { localeOf } from '../errors/locale';

/**
 * CSRF defence for cookie-authenticated, state-changing requests: the browser must say the request is
 * same-origin (Sec-Fetch-Site) or send an Origin equal to our own. Safe methods pass.
 */
export function assertSameOrigin(req: Request): Response | null {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const site = req.headers.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return null;
  const origin = req.headers.get('origin');
  if (origin) {
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    try {
      if (host && new URL(origin).host === host) return null;
    } catch {
      // fall through to rejection
    }
  } else if (!site) {
    // Non-browser clients (no Origin, no Sec-Fetch-Site) carry no ambient browser cookies by accident.
    return null;
  }
  return Response.json(
    errorBody(localeOf(req.headers), 'FORBIDDEN', 'http.crossOrigin'),
    { status: 403 },
  );
}

/**
 * tRPC mutations carry JSON. A cross-site HTML form can only send urlencoded, multipart or text/plain bodies without a
 * CORS preflight, so refusing every other content type on a state-changing request closes that door even for a
 * browser that sends neither Origin nor Sec-Fetch-Site.
 */
export function assertJsonBody(req: Request): Response | null {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return null;
  return Response.json(
    errorBody(localeOf(req.headers), 'UNSUPPORTED_MEDIA_TYPE', 'http.jsonExpected'),
    { status: 415 },
  );
}
