import { logger } from '../log/logger';
import { metrics } from './metrics';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's request id when it is a sane one (a proxy's or the middleware's), else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

/**
 * Wraps an API route handler: one JSON log line per request (request id, method, route, status, ms — never the query
 * string, which may carry access tokens), Prometheus counters, and `x-request-id` on the answer. The handler gets
 * the request with `x-request-id` set, so everything it logs can carry the same id.
 */
export function withRequestLog<A extends unknown[]>(route: string, handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    const headers = new Headers(req.headers);
    headers.set('x-request-id', requestId);
    const started = performance.now();
    const m = metrics();
    let status = 500;
    try {
      const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, body: req.body, signal: req.signal };
      if (req.body) init.duplex = 'half';
      const res = await handler(new Request(req.url, init), ...rest);
      status = res.status;
      try {
        res.headers.set('x-request-id', requestId);
      } catch {
        // immutable headers (a fetch Response passed through): the id is still in the log line
      }
      if (status === 429) m.rateLimited.inc({ limit: route });
      return res;
    } finally {
      const ms = performance.now() - started;
      m.httpRequests.inc({ route, method: req.method, status: String(status) });
      m.httpDuration.observe({ route, method: req.method }, ms / 1000);
      logger[status >= 500 ? 'error' : 'info']({ requestId, method: req.method, route, path: new URL(req.url).pathname, status, ms: Math.round(ms) }, 'request');
    }
  };
}
