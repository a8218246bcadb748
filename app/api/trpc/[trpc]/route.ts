import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { cartTokenFor } from '@/server/http/cart-cookie';
import { assertJsonBody, assertSameOrigin } from '@/server/http/csrf';
import { withRequestLog } from '@/server/observability/request-log';
import { withSseRetry } from '@/server/realtime/sse';
import { createContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';

async function handler(req: Request) {
  // CSRF: same-origin browsers only, and JSON bodies only (no cross-site form can send one without a preflight).
  const rejected = assertSameOrigin(req) ?? assertJsonBody(req);
  if (rejected) return rejected;
  const cart = cartTokenFor(req.headers);
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext(req.headers, { cartToken: cart.token }),
    responseMeta: ({ errors }) => {
      const headers = new Headers();
      if (cart.setCookie) headers.set('set-cookie', cart.setCookie);
      // A rate-limited call (AppError TOO_MANY_REQUESTS) tells the client when to come back.
      const retry = errors.map((e) => (e.cause as { data?: { retryAfterSeconds?: unknown } } | undefined)?.data?.retryAfterSeconds).find((s) => typeof s === 'number');
      if (typeof retry === 'number') headers.set('retry-after', String(retry));
      return { headers };
    },
  });
  // Subscriptions (SSE): reconnect fast after the planned stream end (server/realtime).
  return withSseRetry(res);
}

// One log line per request with its id (the procedures log with the same id through ctx.log), and metrics.
const logged = withRequestLog('trpc', handler);
export { logged as GET, logged as POST };
